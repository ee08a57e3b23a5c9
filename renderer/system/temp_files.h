// The temporary files and folders a process is writing right now, so that an abrupt exit can
// remove them.
#pragma once

#include <string>

namespace rtcli::temp_files {

// Records a temporary file just created. Paths are unique (mkstemp), so removing one that was
// meanwhile renamed into place is harmless: the name no longer exists.
void add(const std::string& path);

// Forgets a temporary file once it was renamed into place or removed.
void remove(const std::string& path);

// Records a temporary folder just created (mkdtemp), to be removed with all it holds.
void add_folder(const std::string& path);

// Forgets a temporary folder once it was removed.
void remove_folder(const std::string& path);

// Unlinks every recorded file and removes every recorded folder with its contents; for the
// exit path of a signal that does not wait for the run to unwind.
void unlink_all();

}  // namespace rtcli::temp_files

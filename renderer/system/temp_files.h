// The temporary files and folders a process is writing right now, so that an abrupt exit can
// remove them.
#pragma once

#include <shared_mutex>
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

// Unlinks every recorded file and removes every recorded folder with its contents. Under MPI,
// for the first signal: the run then unwinds as usual.
void unlink_all();

// Held by a thread while it creates, renames or removes a file or folder that unlink_all_and_hold
// might remove, from before the change until it is recorded or forgotten. Without it, a second
// signal's exit could miss a temporary made but not yet recorded, or fail to remove a folder
// while the unwinding run is still making or removing entries inside it.
class FileChange {
 public:
  FileChange();

 private:
  std::shared_lock<std::shared_mutex> lock_;
};

// For the exit on a second signal: waits for every FileChange in progress, removes what
// unlink_all removes, and lets no FileChange begin again, since the caller exits at once.
void unlink_all_and_hold();

}  // namespace rtcli::temp_files

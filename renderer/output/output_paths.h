// Output files named on the command line: checked before the work, their folders made after it.
#pragma once

#include <filesystem>
#include <string_view>

namespace rtcli {

// Throws UsageError (naming `flag`) unless `path` can be written: not a folder, and its parent
// folder either exists and is writable or can be created under a writable existing ancestor.
void check_output_file(const std::filesystem::path& path, std::string_view flag);

// Creates the folder that will hold `path` if missing. Throws RunError.
void create_parent_folder(const std::filesystem::path& path);

}  // namespace rtcli

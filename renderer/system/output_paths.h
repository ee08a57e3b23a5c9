// Output files named on the command line, checked before the work.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rtcli {

// Throws UsageError (naming `flag`) unless `path` can be written: not a folder, nothing but a
// regular file to replace (check_replaceable), and its parent folder either exists and is
// writable or can be created under a writable existing ancestor.
void check_output_file(const std::filesystem::path& path, std::string_view flag);

// Writes `bytes` to `path` atomically (atomic_file.h), making its missing folders first; those
// are removed again if the file cannot be written. Throws RunError.
void write_output_file(const std::filesystem::path& path, std::string_view bytes);

// Throws UsageError unless every one of `file_names` in `folder` may be written: see
// check_replaceable (output_target.h). Linear in the number of names.
void check_folder_outputs(const std::filesystem::path& folder,
                          const std::vector<std::string>& file_names);

}  // namespace rtcli

// Whole-file writes that never leave a partial file under the final name.
#pragma once

#include <filesystem>
#include <string_view>

namespace rtcli {

// Writes to a temporary file in the same folder, then renames it over `path`. On any
// failure the temporary is removed and RunError names the path and the reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace rtcli

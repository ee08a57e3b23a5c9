#include "system/output_paths.h"

#include <unistd.h>

#include <string>

#include "system/atomic_file.h"
#include "system/created_folder.h"
#include "system/errors.h"
#include "system/output_target.h"

namespace rtcli {

namespace fs = std::filesystem;

namespace {
fs::path parent_of(const fs::path& path) {
  const fs::path parent = path.parent_path();
  return parent.empty() ? fs::path(".") : parent;
}
}  // namespace

void check_output_file(const fs::path& path, std::string_view flag) {
  const std::string name = std::string(flag) + " '" + path.string() + "'";
  if (path.empty()) throw UsageError(std::string(flag) + ": empty file name");
  std::error_code error;
  if (fs::is_directory(path, error)) throw UsageError(name + " is a folder, not a file");
  if (!path.has_filename()) throw UsageError(name + " names a folder, not a file");
  // Walk up to the nearest folder that exists: it must be a folder we may write into.
  fs::path folder = parent_of(path);
  while (!fs::exists(folder, error)) {
    const fs::path up = parent_of(folder);
    if (up == folder) break;
    folder = up;
  }
  if (!fs::is_directory(folder, error))
    throw UsageError(name + ": '" + folder.string() + "' is not a folder");
  if (::access(folder.c_str(), W_OK | X_OK) != 0)
    throw UsageError(name + ": folder '" + folder.string() + "' is not writable");
  check_replaceable(path, name);
}

void write_output_file(const fs::path& path, std::string_view bytes) {
  const fs::path parent = path.parent_path();
  CreatedFolder folder(parent.empty() ? "." : parent);
  write_file_atomically(path, bytes);
  folder.keep();
}

void check_folder_outputs(const fs::path& folder, const std::vector<std::string>& file_names) {
  for (const std::string& file_name : file_names) {
    const fs::path path = folder / file_name;
    check_replaceable(path, "output file '" + path.string() + "'");
  }
}

}  // namespace rtcli

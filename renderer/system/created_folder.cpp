#include "system/created_folder.h"

#include <unistd.h>

#include "system/errors.h"
#include "system/temp_files.h"

namespace rtcli {

namespace fs = std::filesystem;

CreatedFolder::CreatedFolder(const fs::path& folder) {
  const temp_files::FileChange change;  // it may be made inside a temporary folder
  std::error_code error;
  std::vector<fs::path> missing;  // deepest first
  fs::path start = fs::absolute(folder, error).lexically_normal();
  if (!start.has_filename()) start = start.parent_path();  // "out/" is "out"
  for (fs::path at = start; !at.empty() && !fs::exists(at, error); at = at.parent_path()) {
    missing.push_back(at);
    if (at == at.parent_path()) break;
  }
  fs::create_directories(folder, error);
  if (error || !fs::is_directory(folder)) {
    created_ = std::move(missing);
    remove_empty();  // whatever was made before the failure
    throw RunError("cannot create output folder '" + folder.string() +
                   "': " + (error ? error.message() : "not a folder"));
  }
  created_ = std::move(missing);
}

CreatedFolder::~CreatedFolder() {
  const temp_files::FileChange change;
  remove_empty();
}

// The caller holds a FileChange.
void CreatedFolder::remove_empty() {
  // rmdir removes only empty folders: a folder holding a finished file stays.
  for (const fs::path& folder : created_)
    if (::rmdir(folder.c_str()) != 0) break;
  created_.clear();
}

}  // namespace rtcli

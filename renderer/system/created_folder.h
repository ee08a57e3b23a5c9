// An output folder made for a run, and unmade if the run fails before writing anything into it.
#pragma once

#include <filesystem>
#include <vector>

namespace rtcli {

// Creates `folder` and any missing parents (throws RunError if it cannot). Unless keep() is
// called, the destructor removes again, deepest first, each folder it created that is still
// empty: a run that fails or is stopped before its first file leaves no empty folder behind,
// while a folder holding a written checkpoint stays.
class CreatedFolder {
 public:
  explicit CreatedFolder(const std::filesystem::path& folder);
  ~CreatedFolder();
  CreatedFolder(const CreatedFolder&) = delete;
  CreatedFolder& operator=(const CreatedFolder&) = delete;

  void keep() { created_.clear(); }

 private:
  void remove_empty();

  std::vector<std::filesystem::path> created_;  // deepest first
};

}  // namespace rtcli

#include "system/temp_files.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <vector>

namespace rtcli::temp_files {

namespace {
struct Registry {
  std::mutex mutex;
  std::vector<std::string> paths;    // guarded by mutex
  std::vector<std::string> folders;  // guarded by mutex
};

void erase(std::vector<std::string>& paths, const std::string& path) {
  paths.erase(std::remove(paths.begin(), paths.end(), path), paths.end());
}

// Never destroyed: an exit on a second signal may use it while static objects are torn down.
Registry& registry() {
  static Registry* live = new Registry;
  return *live;
}

// Shared by FileChanges, taken exclusively (and kept) by the exit on a second signal.
std::shared_mutex& changes() {
  static auto* mutex = new std::shared_mutex;
  return *mutex;
}
}  // namespace

FileChange::FileChange() : lock_(changes()) {}

void add(const std::string& path) {
  std::lock_guard lock(registry().mutex);
  registry().paths.push_back(path);
}

void remove(const std::string& path) {
  std::lock_guard lock(registry().mutex);
  erase(registry().paths, path);
}

void add_folder(const std::string& path) {
  std::lock_guard lock(registry().mutex);
  registry().folders.push_back(path);
}

void remove_folder(const std::string& path) {
  std::lock_guard lock(registry().mutex);
  erase(registry().folders, path);
}

void unlink_all() {
  std::lock_guard lock(registry().mutex);
  for (const std::string& path : registry().paths) ::unlink(path.c_str());
  registry().paths.clear();
  for (const std::string& path : registry().folders) {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  registry().folders.clear();
}

void unlink_all_and_hold() {
  changes().lock();  // never unlocked: the process ends
  unlink_all();
}

}  // namespace rtcli::temp_files

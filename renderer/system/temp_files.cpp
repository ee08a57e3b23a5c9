#include "system/temp_files.h"

#include <unistd.h>

#include <algorithm>
#include <mutex>
#include <vector>

namespace rtcli::temp_files {

namespace {
struct Registry {
  std::mutex mutex;
  std::vector<std::string> paths;  // guarded by mutex
};

// Never destroyed: an exit on a second signal may use it while static objects are torn down.
Registry& registry() {
  static Registry* live = new Registry;
  return *live;
}
}  // namespace

void add(const std::string& path) {
  std::lock_guard lock(registry().mutex);
  registry().paths.push_back(path);
}

void remove(const std::string& path) {
  std::lock_guard lock(registry().mutex);
  std::vector<std::string>& paths = registry().paths;
  paths.erase(std::remove(paths.begin(), paths.end(), path), paths.end());
}

void unlink_all() {
  std::lock_guard lock(registry().mutex);
  for (const std::string& path : registry().paths) ::unlink(path.c_str());
  registry().paths.clear();
}

}  // namespace rtcli::temp_files

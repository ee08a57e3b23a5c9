#include "system/loadable_module.h"

#include <dlfcn.h>

#include <filesystem>

namespace rtcli {

void* load_module_entry(const std::string& file, const std::string& installed, const char* entry,
                        int flags, std::string& why) {
  std::error_code error;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) {
    why = "cannot find /proc/self/exe";
    return nullptr;
  }
  for (const std::filesystem::path& candidate :
       {exe.parent_path() / file, exe.parent_path() / installed}) {
    void* module = dlopen(candidate.c_str(), flags);
    if (!module) {
      why = dlerror();
      continue;
    }
    if (void* symbol = dlsym(module, entry)) return symbol;
    why = candidate.string() + " has no " + entry;
  }
  return nullptr;
}

}  // namespace rtcli

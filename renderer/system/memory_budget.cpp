#include "system/memory_budget.h"

#include <unistd.h>

#include <fstream>
#include <string>

#include "system/errors.h"

namespace rtcli {

std::size_t available_memory_bytes() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  std::size_t kib = 0;
  std::string unit;
  while (meminfo >> key >> kib >> unit)
    if (key == "MemAvailable:") return kib * 1024;
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages > 0 && page_size > 0)
    return static_cast<std::size_t>(pages) * static_cast<std::size_t>(page_size);
  return static_cast<std::size_t>(-1);
}

void check_memory_fits(std::size_t needed, const std::string& what) {
  const std::size_t available = available_memory_bytes();
  if (needed > available)
    throw UsageError(what + " needs " + std::to_string(needed) + " bytes, more than the " +
                     std::to_string(available) + " bytes of memory available");
}

}  // namespace rtcli

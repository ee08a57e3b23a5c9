#include "memory_budget.h"

#include <unistd.h>

#include <fstream>
#include <string>

#include "errors.h"
#include "frame.h"

namespace rtcli {

std::size_t render_peak_bytes(int width, int height) {
  // The frame, a masked copy for a partial checkpoint, and the encoder's filtered rows.
  return 3 * Frame::bytes(width, height) + static_cast<std::size_t>(height);
}

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

void check_frame_fits(int width, int height) {
  const std::size_t needed = render_peak_bytes(width, height);
  const std::size_t available = available_memory_bytes();
  if (needed > available)
    throw UsageError("frame " + std::to_string(width) + "x" + std::to_string(height) + " needs " +
                     std::to_string(needed) + " bytes, more than the " + std::to_string(available) +
                     " bytes of memory available");
}

}  // namespace rtcli

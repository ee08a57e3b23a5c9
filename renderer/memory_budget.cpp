#include "memory_budget.h"

#include <unistd.h>

#include <fstream>
#include <string>

#include "checkpoint_writer.h"
#include "errors.h"
#include "frame.h"

namespace rtcli {

namespace {
// Resident memory of a 1x1 render: code, libraries, thread stacks, TBB's pools. Measured
// about 6 MB (README, "Performance: writing frames"); this leaves room for more threads.
constexpr std::size_t kProgramBytes = 16 * 1024 * 1024;
}  // namespace

std::size_t render_peak_bytes(int width, int height) {
  // The frame, the PNG writer's bounded buffers, and the program itself.
  return Frame::bytes(width, height) + frame_writer_peak_bytes(width, height) + kProgramBytes;
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

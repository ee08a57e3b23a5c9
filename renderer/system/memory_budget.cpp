#include "system/memory_budget.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <limits>
#include <mutex>
#include <optional>
#include <string>

#include "system/errors.h"

namespace rtcli {

namespace {
constexpr std::size_t kUnlimited = std::numeric_limits<std::size_t>::max();

// A cgroup v2 file holding one number, or "max"; kUnlimited when absent or "max".
std::size_t read_cgroup_number(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string text;
  if (!(in >> text) || text == "max") return kUnlimited;
  try {
    return static_cast<std::size_t>(std::stoull(text));
  } catch (...) {
    return kUnlimited;
  }
}

// Room left under a cgroup's limit, for the cgroup at `relative` below `root` and each ancestor.
std::size_t cgroup_room(const std::filesystem::path& root, const std::filesystem::path& relative,
                        const char* max_file, const char* current_file) {
  std::size_t room = kUnlimited;
  for (std::filesystem::path dir = relative.relative_path();; dir = dir.parent_path()) {
    const std::size_t max = read_cgroup_number(root / dir / max_file);
    if (max != kUnlimited) {
      const std::size_t current = read_cgroup_number(root / dir / current_file);
      room = std::min(room, current == kUnlimited || current > max ? 0 : max - current);
    }
    if (dir.empty()) break;
  }
  return room;
}

// The tightest cgroup limit on this process: v2 (memory.max) or v1 (memory.limit_in_bytes).
std::size_t cgroup_room() {
  std::ifstream self("/proc/self/cgroup");
  std::string line;
  std::size_t room = kUnlimited;
  while (std::getline(self, line)) {
    if (line.rfind("0::", 0) == 0)
      room = std::min(
          room, cgroup_room("/sys/fs/cgroup", line.substr(3), "memory.max", "memory.current"));
    const std::size_t v1 = line.find(":memory:");
    if (v1 != std::string::npos)
      room = std::min(room, cgroup_room("/sys/fs/cgroup/memory", line.substr(v1 + 8),
                                        "memory.limit_in_bytes", "memory.usage_in_bytes"));
  }
  return room;
}

// RLIMIT_AS less the address space already mapped (VmSize).
std::size_t address_space_room() {
  rlimit limit{};
  if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return kUnlimited;
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0;
  statm >> pages;
  const std::size_t mapped = pages * static_cast<std::size_t>(sysconf(_SC_PAGE_SIZE));
  const auto cap = static_cast<std::size_t>(limit.rlim_cur);
  return mapped >= cap ? 0 : cap - mapped;
}
}  // namespace

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
  return kUnlimited;
}

MemoryLimits memory_limits() {
  MemoryLimits limits{available_memory_bytes(), "of memory available", address_space_room()};
  if (const std::size_t cgroup = cgroup_room(); cgroup < limits.resident) {
    limits.resident = cgroup;
    limits.resident_source = "the cgroup memory limit leaves";
  }
  return limits;
}

namespace {
// Reading the resident limit opens a dozen files (meminfo, the cgroup's and each ancestor's).
// A caller that checks many small frames, such as the Python module rendering in a loop,
// reuses a reading younger than kFresh for requests far below what it said was left: memory
// would have to shrink sixteenfold within it to change the answer. Anything larger reads afresh.
constexpr std::chrono::seconds kFresh{1};
constexpr std::size_t kFarBelow = 16;

MemoryLimits current_limits(std::size_t resident) {
  static std::mutex mutex;
  static std::optional<MemoryLimits> last;
  static std::chrono::steady_clock::time_point read_at;
  const auto now = std::chrono::steady_clock::now();
  const std::lock_guard lock(mutex);
  if (last && now - read_at < kFresh && resident <= last->resident / kFarBelow) {
    MemoryLimits limits = *last;
    limits.address_space = address_space_room();  // a system call unless RLIMIT_AS is set
    return limits;
  }
  last = memory_limits();
  read_at = now;
  return *last;
}
}  // namespace

void check_memory_fits(std::size_t resident, const std::string& what, std::size_t address_space) {
  const MemoryLimits limits = current_limits(resident);
  if (resident > limits.resident)
    throw UsageError(what + " needs " + std::to_string(resident) + " bytes, more than the " +
                     std::to_string(limits.resident) + " bytes " + limits.resident_source);
  const std::size_t mapped = std::max(resident, address_space);
  if (mapped > limits.address_space)
    throw UsageError(what + " needs " + std::to_string(mapped) +
                     " bytes of address space, more than the " +
                     std::to_string(limits.address_space) + " bytes RLIMIT_AS leaves");
}

}  // namespace rtcli

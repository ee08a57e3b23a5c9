// Refusing work too large for the memory this process may use, before any of it is allocated.
#pragma once

#include <cstddef>
#include <string>

namespace rtcli {

// The tightest of the limits that apply: the kernel's MemAvailable, the cgroup memory limits
// (memory.max less memory.current, for the process's cgroup and each ancestor), and for
// address space, RLIMIT_AS less what the process has mapped already.
struct MemoryLimits {
  std::size_t resident = 0;       // bytes that can still be made resident
  std::string resident_source;    // "of memory available", "the cgroup memory limit leaves"
  std::size_t address_space = 0;  // bytes that can still be mapped (RLIMIT_AS), or SIZE_MAX
};
MemoryLimits memory_limits();

// Memory the kernel says can be allocated now (MemAvailable), or physical memory if unknown.
std::size_t available_memory_bytes();

// Throws UsageError "<what> needs N bytes, more than the M bytes <limit>" when `resident`
// bytes exceed the resident limit, or `address_space` bytes of new mappings exceed RLIMIT_AS.
void check_memory_fits(std::size_t resident, const std::string& what,
                       std::size_t address_space = 0);

}  // namespace rtcli

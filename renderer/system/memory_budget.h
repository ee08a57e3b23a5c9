// Refusing work too large for this machine's memory before any of it is allocated.
#pragma once

#include <cstddef>
#include <string>

namespace rtcli {

// Memory the kernel says can be allocated now (MemAvailable), or physical memory if unknown.
std::size_t available_memory_bytes();

// Throws UsageError "<what> needs N bytes, more than the M bytes of memory available" when
// `needed` exceeds available_memory_bytes().
void check_memory_fits(std::size_t needed, const std::string& what);

}  // namespace rtcli

// Refusing a frame too large for this machine before any of it is allocated.
#pragma once

#include <cstddef>

namespace rtcli {

// Bytes a render of this size holds at its peak: the frame, the PNG writer's buffers, the program.
std::size_t render_peak_bytes(int width, int height);

// Memory the kernel says can be allocated now (MemAvailable), or physical memory if unknown.
std::size_t available_memory_bytes();

// Throws UsageError naming the size and the bytes needed when it cannot fit.
void check_frame_fits(int width, int height);

}  // namespace rtcli

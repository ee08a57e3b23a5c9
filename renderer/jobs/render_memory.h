// The memory a render holds at its peak, and refusing a frame that cannot fit.
#pragma once

#include <cstddef>

namespace rtcli {

// Bytes a render of this size holds at its peak: the frame, the PNG writer's buffers, the program.
std::size_t render_peak_bytes(int width, int height);

// Throws UsageError naming the size and the bytes needed when it cannot fit.
void check_frame_fits(int width, int height);

}  // namespace rtcli

// PNG encoding of a frame prefix, in memory.
#pragma once

#include <string>

#include "frame.h"

namespace rtcli {

// A complete PNG file (8-bit RGB) of the view, black past its visible prefix.
std::string encode_png(const FrameView& view);

}  // namespace rtcli

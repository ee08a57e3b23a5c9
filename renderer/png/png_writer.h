// PNG encoding of a frame prefix, in memory.
#pragma once

#include <string>

#include "shading/frame.h"

namespace rtcli {

// A complete PNG file (8-bit RGB) of the view, black past its visible prefix: the strips of
// png_strips.h between png_head and png_tail. The checkpoint writer produces the same bytes
// while reusing strips; this is the plain path, and the reference tests hold it to.
std::string encode_png(const FrameView& view);

}  // namespace rtcli

// Rendering one tile into the frame: the loop the scheduler's workers run.
#pragma once

#include "frame.h"
#include "scene.h"
#include "tiles.h"

namespace rtcli {

// Writes every pixel of `tile` into `frame`.
void render_tile(const Scene& scene, const TileBounds& tile, Frame& frame);

}  // namespace rtcli

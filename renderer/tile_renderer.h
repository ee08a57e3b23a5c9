// Rendering one tile into the frame: the loop the scheduler's workers run.
#pragma once

#include "frame.h"
#include "scene.h"
#include "tiles.h"

namespace rtcli {

// Writes every pixel of `tile` into `frame`: with the SIMD sphere kernel when it covers the
// scene (one sphere), else with the scalar reference. Both give the same pixels.
void render_tile(const Scene& scene, const TileBounds& tile, Frame& frame);

// The scalar reference loop over shade_pixel, for tests and benchmarks to compare against.
void render_tile_reference(const Scene& scene, const TileBounds& tile, Frame& frame);

}  // namespace rtcli

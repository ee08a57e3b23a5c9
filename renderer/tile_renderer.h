// Rendering one tile into the frame: the loop the scheduler's workers run.
#pragma once

#include <string>

#include "frame.h"
#include "scene.h"
#include "tiles.h"

namespace rtcli {

// Writes every pixel of `tile` into `frame`: with the SIMD sphere kernel when it covers the
// scene (one sphere), else with the SIMD background filter and shade_pixel for the rest (up
// to 16 spheres), else with the scalar reference. All give the same pixels.
void render_tile(const Scene& scene, const TileBounds& tile, Frame& frame);

// Which path render_tile takes for this scene, for reports: "sphere-simd/AVX3" (the SIMD
// kernel and the instruction set it runs on here), "background-simd/AVX3" or "scalar".
std::string render_path(const Scene& scene);

// The scalar reference loop over shade_pixel, for tests and benchmarks to compare against.
void render_tile_reference(const Scene& scene, const TileBounds& tile, Frame& frame);

}  // namespace rtcli

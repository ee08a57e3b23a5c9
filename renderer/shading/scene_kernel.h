// The SIMD path for scenes of up to a few dozen spheres and any number of lights, with
// shadows: lanes are neighbouring pixels of a row. Equal to shade_pixel for every pixel of
// every scene it accepts (the argument is at the top of scene_kernel.cpp).
#pragma once

#include "scene/scene.h"
#include "shading/frame.h"
#include "shading/kernel_context.h"
#include "shading/tile_bounds.h"

namespace rtcli {

// Up to this many spheres the kernel tests every sphere for every shadow ray; beyond, the
// hierarchies are cheaper (README, "The scene kernel").
inline constexpr int kSceneKernelMaxSpheres = 64;

// True for 1 to kSceneKernelMaxSpheres spheres, any number of lights, and every number finite
// and at most 1e150 in magnitude (as for the sphere kernel).
bool scene_kernel_accepts(const Scene& scene);

// Renders every pixel of `tile`. Requires scene_kernel_accepts(scene). Throws
// interrupt::Interrupted, leaving the tile unfinished, once context.stop asks to stop.
void render_tile_scene_kernel(const Scene& scene, const TileBounds& tile, Frame& frame,
                              KernelContext& context);

}  // namespace rtcli

// The fast path for one-sphere scenes: SIMD, dispatched at run time to the best instruction set
// the processor has, and equal to shade_pixel for every pixel of every scene it accepts.
#pragma once

#include <string>

#include "scene/scene.h"
#include "shading/frame.h"
#include "shading/kernel_context.h"
#include "shading/tile_bounds.h"

namespace rtcli {

// True when the fast path covers the scene: one sphere, any number of lights (one sphere
// casts no shadow on itself), and every number finite and at most 1e150 in magnitude, so
// that no intermediate overflows and the kernel's algebraic shortcuts stay exact.
bool sphere_kernel_accepts(const Scene& scene);

// Renders every pixel of `tile` with the fast path. Requires sphere_kernel_accepts(scene).
// Throws interrupt::Interrupted, leaving the tile unfinished, once context.stop asks to stop.
void render_tile_sphere_kernel(const Scene& scene, const TileBounds& tile, Frame& frame,
                               KernelContext& context);

// The instruction set the fast path runs on this processor, e.g. "AVX3", "AVX2", "EMU128".
std::string sphere_kernel_target();

}  // namespace rtcli

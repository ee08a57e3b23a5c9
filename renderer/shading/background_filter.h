// The fast path for scenes of a few spheres: a SIMD test finds the pixels no sphere can hit
// and paints them the background; every other pixel goes to shade_pixel. Exact by
// construction: a pixel is painted background only where every sphere's rat < 0, which is
// where shade_pixel finds no hit either.
#pragma once

#include "scene/scene.h"
#include "shading/frame.h"
#include "shading/kernel_context.h"
#include "shading/render_scene.h"
#include "shading/tile_bounds.h"

namespace rtcli {

// Scenes it covers: 1 to kMaxSpheres spheres, window and spheres finite and at most 1e150 in
// magnitude (lights are shade_pixel's business).
inline constexpr int kBackgroundFilterMaxSpheres = 16;
bool background_filter_accepts(const Scene& scene);

// Renders every pixel of `tile`. Requires background_filter_accepts(scene).
// The pixels it does not paint go to shade_pixel, through the scene's hierarchies if any.
// Throws interrupt::Interrupted, leaving the tile unfinished, once context.stop asks to stop.
void render_tile_background_filter(const RenderScene& scene, const TileBounds& tile, Frame& frame,
                                   KernelContext& context);

}  // namespace rtcli

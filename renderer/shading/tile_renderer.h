// Rendering one tile into the frame: the loop the scheduler's workers run.
#pragma once

#include <string>

#include "scene/scene.h"
#include "shading/frame.h"
#include "shading/kernel_context.h"
#include "shading/render_scene.h"
#include "shading/tile_bounds.h"
#include "system/stop_token.h"

namespace rtcli {

// Writes every pixel of `tile` into `frame`: with the SIMD sphere kernel when it covers the
// scene (one sphere), else with the SIMD scene kernel (up to kSceneKernelMaxSpheres spheres,
// no hierarchies), else with the SIMD background filter and shade_pixel for the rest (up to
// 16 spheres), else with the scalar reference. All give the same pixels. `context` is the
// calling worker's own (kernel_context.h). Throws interrupt::Interrupted, leaving the tile
// unfinished, once context.stop asks to stop, so that no tile holds up a Ctrl-C whatever the
// scene costs.
void render_tile(const RenderScene& scene, const TileBounds& tile, Frame& frame,
                 KernelContext& context);

// Which path render_tile takes for this scene, for reports: "sphere-simd/AVX3" (the SIMD
// kernel and the instruction set it runs on here), "scene-simd/AVX3", "background-simd/AVX3"
// (+bvh with hierarchies) or "scalar".
std::string render_path(const RenderScene& scene);

// The scalar loop over shade_pixel, through the scene's hierarchies when it has them: what
// render_tile falls back to, and the bench's plain scalar pass. Stops as render_tile does.
void render_tile_scalar(const RenderScene& scene, const TileBounds& tile, Frame& frame,
                        const StopToken& stop);

// The reference: shade_pixel brute force for every pixel, for tests to compare against.
// Never stops.
void render_tile_reference(const Scene& scene, const TileBounds& tile, Frame& frame);

}  // namespace rtcli

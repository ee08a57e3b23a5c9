// The SIMD path for scenes with hierarchies (many spheres): packets of neighbouring pixels walk
// each tree once for the whole packet, and the spheres of every leaf the packet reaches are
// tested exactly, lane by lane, as shade_pixel tests them. Equal to shade_pixel for every pixel
// (the argument is at the top of bvh_packet_kernel.cpp).
#pragma once

#include "shading/frame.h"
#include "shading/kernel_context.h"
#include "shading/render_scene.h"
#include "shading/tile_bounds.h"

namespace rtcli {

// True when the scene has hierarchies and every number is finite and at most 1e150 in
// magnitude (as for the other kernels): when prepare_scene made its sphere fields.
bool bvh_packet_kernel_accepts(const RenderScene& scene);

// Renders every pixel of `tile`. Requires bvh_packet_kernel_accepts(scene). Throws
// interrupt::Interrupted, leaving the tile unfinished, once context.stop asks to stop.
void render_tile_bvh_packets(const RenderScene& scene, const TileBounds& tile, Frame& frame,
                             KernelContext& context);

}  // namespace rtcli

#include "shading/tile_renderer.h"

#include "shading/background_filter.h"
#include "shading/bvh_packet_kernel.h"
#include "shading/scene_kernel.h"
#include "shading/shade.h"
#include "shading/sphere_kernel.h"

namespace rtcli {

namespace {

// One loop for both scalar paths: SceneLike is Scene (brute force) or RenderScene.
template <typename SceneLike>
void shade_each_pixel(const SceneLike& scene, const TileBounds& tile, Frame& frame,
                      const StopToken& stop) {
  for (int y = tile.y0; y < tile.y1; ++y) {
    std::uint8_t* out = frame.pixel(tile.x0, y);
    for (int x = tile.x0; x < tile.x1; ++x, out += 3) {
      // A pixel may take milliseconds (thousands of lights): a stop is honoured between pixels.
      stop.throw_if_stopped();
      const Rgb8 c = shade_pixel(scene, x, y, frame.width(), frame.height()).colour;
      out[0] = c.r;
      out[1] = c.g;
      out[2] = c.b;
    }
  }
}

}  // namespace

void render_tile(const RenderScene& scene, const TileBounds& tile, Frame& frame,
                 KernelContext& context) {
  if (sphere_kernel_accepts(scene.scene)) {
    render_tile_sphere_kernel(scene.scene, tile, frame, context);
    return;
  }
  if (!scene.bvh && scene_kernel_accepts(scene.scene)) {
    render_tile_scene_kernel(scene.scene, tile, frame, context);
    return;
  }
  if (bvh_packet_kernel_accepts(scene)) {
    render_tile_bvh_packets(scene, tile, frame, context);
    return;
  }
  if (background_filter_accepts(scene.scene)) {
    render_tile_background_filter(scene, tile, frame, context);
    return;
  }
  render_tile_scalar(scene, tile, frame, context.stop);
}

std::string render_path(const RenderScene& scene) {
  const std::string queries = scene.bvh ? "+bvh" : "";
  if (sphere_kernel_accepts(scene.scene)) return "sphere-simd/" + sphere_kernel_target();
  if (!scene.bvh && scene_kernel_accepts(scene.scene))
    return "scene-simd/" + sphere_kernel_target();
  if (bvh_packet_kernel_accepts(scene)) return "packet-simd+bvh/" + sphere_kernel_target();
  if (background_filter_accepts(scene.scene))
    return "background-simd" + queries + "/" + sphere_kernel_target();
  return "scalar" + queries;
}

void render_tile_scalar(const RenderScene& scene, const TileBounds& tile, Frame& frame,
                        const StopToken& stop) {
  shade_each_pixel(scene, tile, frame, stop);
}

void render_tile_reference(const Scene& scene, const TileBounds& tile, Frame& frame) {
  shade_each_pixel(scene, tile, frame, StopToken());
}

}  // namespace rtcli

#include "tile_renderer.h"

#include "background_filter.h"
#include "shade.h"
#include "sphere_kernel.h"

namespace rtcli {

void render_tile(const Scene& scene, const TileBounds& tile, Frame& frame) {
  if (sphere_kernel_accepts(scene)) {
    render_tile_sphere_kernel(scene, tile, frame);
    return;
  }
  if (background_filter_accepts(scene)) {
    render_tile_background_filter(scene, tile, frame);
    return;
  }
  render_tile_reference(scene, tile, frame);
}

std::string render_path(const Scene& scene) {
  if (sphere_kernel_accepts(scene)) return "sphere-simd/" + sphere_kernel_target();
  if (background_filter_accepts(scene)) return "background-simd/" + sphere_kernel_target();
  return "scalar";
}

void render_tile_reference(const Scene& scene, const TileBounds& tile, Frame& frame) {
  for (int y = tile.y0; y < tile.y1; ++y) {
    std::uint8_t* out = frame.pixel(tile.x0, y);
    for (int x = tile.x0; x < tile.x1; ++x, out += 3) {
      const Rgb8 c = shade_pixel(scene, x, y, frame.width(), frame.height()).colour;
      out[0] = c.r;
      out[1] = c.g;
      out[2] = c.b;
    }
  }
}

}  // namespace rtcli

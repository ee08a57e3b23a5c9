#include "sphere_kernel_setup.h"

#include <bit>
#include <cmath>
#include <cstdint>

#include "shade.h"

namespace rtcli {

SphereKernelInputs sphere_kernel_inputs(const Scene& scene) {
  const Sphere& sphere = scene.spheres.front();
  SphereKernelInputs in;
  in.scene = &scene;
  in.centre = sphere.centre;
  in.radius_squared = sphere.radius * sphere.radius;
  in.window_z = scene.window.z;
  in.dz = scene.window.z - sphere.centre.z;
  in.dz_squared = in.dz * in.dz;
  in.surface = sphere.colour;
  // The same expression as the scalar channel(): trunc(ambient * surface / 255).
  in.floor_r = std::trunc(scene.ambient * sphere.colour.r / 255.0);
  in.floor_g = std::trunc(scene.ambient * sphere.colour.g / 255.0);
  in.floor_b = std::trunc(scene.ambient * sphere.colour.b / 255.0);
  in.background_packed =
      scene.background.r + 256.0 * scene.background.g + 65536.0 * scene.background.b;
  in.lights = scene.lights;
  return in;
}

namespace {
// Bitwise, so that -0.0 and 0.0 never share a table.
bool same(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}
}  // namespace

bool ColumnTable::matches(int frame_width, const ScreenWindow& w, double cx) const {
  return !screen_x.empty() && width == frame_width && same(window.x, w.x) &&
         same(window.width, w.width) && same(centre_x, cx);
}

void ColumnTable::rebuild(int frame_width, int frame_height, const ScreenWindow& w, double cx,
                          int padding) {
  width = frame_width;
  window = w;
  centre_x = cx;
  const std::size_t size = static_cast<std::size_t>(frame_width + padding);
  screen_x.assign(size, 0.0);
  dx_squared.assign(size, 0.0);
  for (int x = 0; x < frame_width; ++x) {
    const double px = screen_point(w, x, 0, frame_width, frame_height).x;
    const double dx = px - cx;
    screen_x[static_cast<std::size_t>(x)] = px;
    dx_squared[static_cast<std::size_t>(x)] = dx * dx;
  }
}

}  // namespace rtcli

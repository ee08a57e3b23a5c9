#include "shading/sphere_kernel_setup.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

#include "shading/shade.h"

namespace rtcli {

namespace {
// The same expressions as the scalar channel() in shade.cpp.
SphereKernelInputs::ChannelInputs channel_inputs(double surface, double ambient) {
  SphereKernelInputs::ChannelInputs c;
  c.surface = surface;
  c.floor = std::trunc(ambient * surface / 255.0);
  c.constant = surface == 0.0;
  // intensity * surface for any finite intensity >= 0 is 0.0 * surface when surface is zero.
  const double lit = std::trunc(0.0 * surface);
  c.value = std::clamp(std::max(lit, c.floor), 0.0, 255.0);
  return c;
}
}  // namespace

SphereKernelInputs sphere_kernel_inputs(const Scene& scene) {
  const Sphere& sphere = scene.spheres.front();
  SphereKernelInputs in;
  in.scene = &scene;
  in.centre = sphere.centre;
  in.radius_squared = sphere.radius * sphere.radius;
  in.window_z = scene.window.z;
  in.dz = scene.window.z - sphere.centre.z;
  in.dz_squared = in.dz * in.dz;
  in.r = channel_inputs(sphere.colour.r, scene.ambient);
  in.g = channel_inputs(sphere.colour.g, scene.ambient);
  in.b = channel_inputs(sphere.colour.b, scene.ambient);
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

void AxisTable::update(Axis axis, int count, const ScreenWindow& window, double centre,
                       int padding) {
  const bool x = axis == Axis::kX;
  const double origin = x ? window.x : window.y;
  const double extent = x ? window.width : window.height;
  if (!coordinate.empty() && count == count_ && same(origin, origin_) && same(extent, extent_) &&
      same(centre, centre_))
    return;
  count_ = count;
  origin_ = origin;
  extent_ = extent;
  centre_ = centre;
  const std::size_t size = static_cast<std::size_t>(count + padding);
  coordinate.assign(size, 0.0);
  offset_squared.assign(size, 0.0);
  for (int i = 0; i < count; ++i) {
    // screen_point's own arithmetic; the other axis does not enter it.
    const double c =
        x ? screen_point(window, i, 0, count, 1).x : screen_point(window, 0, i, 1, count).y;
    const double offset = c - centre;
    coordinate[static_cast<std::size_t>(i)] = c;
    offset_squared[static_cast<std::size_t>(i)] = offset * offset;
  }
}

}  // namespace rtcli

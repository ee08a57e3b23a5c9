// What the fast sphere kernel needs from a scene, computed once per tile in the seed's
// arithmetic so that the SIMD code only repeats per-pixel operations.
#pragma once

#include <span>
#include <vector>

#include "scene.h"

namespace rtcli {

// Per-scene constants. Every value is computed with the same operations shade_pixel uses.
struct SphereKernelInputs {
  const Scene* scene = nullptr;  // for the rare pixel the kernel hands back to shade_pixel
  Vec3 centre;
  double radius_squared = 0.0;  // r*r
  double window_z = 0.0;        // the screen's z: every ray starts there
  double dz = 0.0;              // window_z - centre.z: d.z, the same for every pixel
  double dz_squared = 0.0;      // d.z*d.z, which equals sp*sp (see sphere_kernel.cpp)
  Colour surface;               // the sphere's colour, 0..255 per channel
  double floor_r = 0.0;         // trunc(ambient * surface / 255) per channel
  double floor_g = 0.0;
  double floor_b = 0.0;
  double background_packed = 0.0;  // r + 256*g + 65536*b of the background colour
  std::span<const Light> lights;
};

SphereKernelInputs sphere_kernel_inputs(const Scene& scene);

// Screen x of every column and (x - centre.x)^2, for one frame width: the division in
// screen_point costs more than the whole hit test, so it is done once per column.
struct ColumnTable {
  int width = 0;
  ScreenWindow window;
  double centre_x = 0.0;
  std::vector<double> screen_x;    // width entries, then padding
  std::vector<double> dx_squared;  // (screen_x - centre_x)^2, same layout

  bool matches(int frame_width, const ScreenWindow& w, double cx) const;
  void rebuild(int frame_width, int frame_height, const ScreenWindow& w, double cx, int padding);
};

}  // namespace rtcli

// What the fast sphere kernel needs from a scene, computed once per tile with shade_pixel's
// own arithmetic, so that the SIMD code only repeats per-pixel operations.
#pragma once

#include <span>
#include <vector>

#include "scene/scene.h"

namespace rtcli {

// Per-scene constants. Every value is computed with the same operations shade_pixel uses.
struct SphereKernelInputs {
  const Scene* scene = nullptr;
  Vec3 centre;
  double radius_squared = 0.0;  // r*r
  double window_z = 0.0;        // the screen's z: every ray starts there
  double dz = 0.0;              // window_z - centre.z: d.z, the same for every pixel
  double dz_squared = 0.0;      // d.z*d.z, which equals sp*sp (see sphere_kernel.cpp)
  struct ChannelInputs {
    double surface = 0.0;   // the sphere's colour in this channel, 0..255
    double floor = 0.0;     // trunc(ambient * surface / 255)
    bool constant = false;  // surface is a zero: every pixel gets `value`
    double value = 0.0;     // channel() for a zero surface
  };
  ChannelInputs r, g, b;
  double background_packed = 0.0;  // r + 256*g + 65536*b of the background colour
  std::span<const Light> lights;
};

SphereKernelInputs sphere_kernel_inputs(const Scene& scene);

// Screen coordinate of every column (or row) and its squared offset from the sphere's centre,
// for one frame size: the division in screen_point costs more than a whole hit test, so it
// is done once per column and row, not once per pixel or per tile row.
// Padding of a column table, in doubles: room for two whole-vector loads from the last column
// for the widest vectors any Highway target has (256 bytes). It must not come from
// HWY_MAX_BYTES where the tables are built: outside the per-target code that is the baseline
// target's width (16 bytes), and AVX-512 code would read past the table's end.
inline constexpr int kColumnTablePadding = 2 * 256 / static_cast<int>(sizeof(double));

struct AxisTable {
  enum class Axis { kX, kY };

  std::vector<double> coordinate;      // screen x (or y) of each column (row), then padding
  std::vector<double> offset_squared;  // (coordinate - centre)^2, same layout

  // Rebuilt only when the frame size, window or sphere centre changes.
  void update(Axis axis, int count, const ScreenWindow& window, double centre, int padding);

 private:
  int count_ = 0;
  double origin_ = 0.0;
  double extent_ = 0.0;
  double centre_ = 0.0;
};

}  // namespace rtcli

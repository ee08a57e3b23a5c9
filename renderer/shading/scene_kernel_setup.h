// What the scene kernel needs before its SIMD loops: per-sphere constants laid out by field,
// and, per row, the spheres whose hit test can pass in that row with the columns where it does.
// All computed with shade_pixel's own scalar arithmetic.
#pragma once

#include <vector>

#include "scene/scene.h"

namespace rtcli {

// The spheres in scene order, one array per field, for broadcasts and gathers.
struct SceneSpheres {
  std::vector<double> cx, cy, cz;
  std::vector<double> radius_squared;  // r*r
  std::vector<double> dz_squared;      // (window.z - cz)^2: sp*sp of every screen ray
  std::vector<double> neg_sp;          // -1 * (window.z - cz): -1*sp up to a zero's sign
  std::vector<double> surface[3];      // colour r, g, b
  std::vector<double> floor[3];        // trunc(ambient * surface / 255), per channel

  void update(const Scene& scene);
  int count() const { return static_cast<int>(cx.size()); }
};

// The primary hit test of one sphere at a column, as the kernel evaluates it:
// e = sp*sp - (d.d - r*r) with d.d = (dx*dx + dy*dy) + dz*dz; the ray can hit when e >= 0.
inline double hit_margin(double column_x, double cx, double dy_squared, double dz_squared,
                         double radius_squared) {
  const double dx = column_x - cx;
  return dz_squared - (((dx * dx + dy_squared) + dz_squared) - radius_squared);
}

// A sphere whose hit test passes in columns [x0, x1) of a row, and fails in every other
// column of the range asked for.
struct RowSpan {
  int sphere;
  int x0;
  int x1;
  double dy_squared = 0.0;  // (row y - cy)^2
};

// The columns of [x0, x1) where hit_margin(columns[i], ...) >= 0: one interval (see
// scene_kernel.cpp, shortcut 2), found by binary search. `columns` is monotone, as
// screen_point makes it. Empty (x0 == x1) when there is none.
RowSpan hit_columns(const double* columns, int x0, int x1, double cx, double dy_squared,
                    double dz_squared, double radius_squared);

// The spans of every sphere with at least one column in [x0, x1) of the row at screen y,
// in sphere order.
void row_spans(const SceneSpheres& spheres, const double* columns, int x0, int x1, double y,
               std::vector<RowSpan>& out);

}  // namespace rtcli

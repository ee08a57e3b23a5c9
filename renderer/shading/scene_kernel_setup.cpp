#include "shading/scene_kernel_setup.h"

#include <cmath>

namespace rtcli {

void SceneSpheres::update(const Scene& scene) {
  const std::size_t n = scene.spheres.size();
  for (auto* field : {&cx, &cy, &cz, &radius_squared, &dz_squared, &neg_sp}) field->resize(n);
  for (int c = 0; c < 3; ++c) {
    surface[c].resize(n);
    floor[c].resize(n);
  }
  for (std::size_t k = 0; k < n; ++k) {
    const Sphere& s = scene.spheres[k];
    cx[k] = s.centre.x;
    cy[k] = s.centre.y;
    cz[k] = s.centre.z;
    radius_squared[k] = s.radius * s.radius;
    const double dz = scene.window.z - s.centre.z;
    dz_squared[k] = dz * dz;
    neg_sp[k] = -1 * dz;
    const double colour[3] = {s.colour.r, s.colour.g, s.colour.b};
    for (int c = 0; c < 3; ++c) {
      surface[c][k] = colour[c];
      floor[c][k] = std::trunc(scene.ambient * colour[c] / 255.0);  // as channel() in shade.cpp
    }
  }
}

RowSpan hit_columns(const double* columns, int x0, int x1, double cx, double dy_squared,
                    double dz_squared, double radius_squared) {
  const auto e = [&](int i) {
    return hit_margin(columns[i], cx, dy_squared, dz_squared, radius_squared);
  };
  // First index in [lo, hi) where `pred` holds, for a predicate false then true.
  const auto first = [](int lo, int hi, auto pred) {
    while (lo < hi) {
      const int mid = lo + (hi - lo) / 2;
      if (pred(mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  };
  if (x0 >= x1) return {0, x0, x0};
  // dx = column - cx is monotone; m is the first column on the far side of the centre (dx
  // has turned to >= 0 for increasing columns, <= 0 for decreasing ones).
  const bool increasing = columns[x1 - 1] >= columns[x0];
  const int m = first(x0, x1, [&](int i) {
    const double dx = columns[i] - cx;
    return increasing ? dx >= 0 : -dx >= 0;
  });
  // e rises (weakly) up to m - 1 and falls from m on: its top is at m - 1 or m.
  int top = m;
  if (m == x1 || (m > x0 && e(m - 1) > e(m))) top = m - 1;
  if (e(top) < 0) return {0, x0, x0};
  const int lo = first(x0, top, [&](int i) { return !(e(i) < 0); });
  const int hi = first(top + 1, x1, [&](int i) { return e(i) < 0; });
  return {0, lo, hi};
}

void row_spans(const SceneSpheres& spheres, const double* columns, int x0, int x1, double y,
               std::vector<RowSpan>& out) {
  out.clear();
  for (int k = 0; k < spheres.count(); ++k) {
    const std::size_t i = static_cast<std::size_t>(k);
    const double dy = y - spheres.cy[i];
    RowSpan span = hit_columns(columns, x0, x1, spheres.cx[i], dy * dy, spheres.dz_squared[i],
                               spheres.radius_squared[i]);
    if (span.x0 == span.x1) continue;
    span.sphere = k;
    span.dy_squared = dy * dy;
    out.push_back(span);
  }
}

}  // namespace rtcli

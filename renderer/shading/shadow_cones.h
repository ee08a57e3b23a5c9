// Per light and sphere, what the scene kernel needs to rule a sphere out of the shadow tests
// of a whole vector of pixels at once: seen from the light, the sphere (grown by a margin
// that covers every rounding of the exact test) and the ball around the vector's points are
// two cones; when they do not overlap, and when the sphere lies wholly beyond the points, no
// lane's segment to the light can be blocked by it. The argument is in scene_kernel.cpp.
#pragma once

#include <vector>

#include "scene/scene.h"

namespace rtcli {

struct ShadowCones {
  // False when some coordinate, radius or light lies outside [1e-30, 1e30] in magnitude (zero
  // aside): the margins are relative and assume no product under- or overflows.
  bool enabled = false;
  int stride = 0;  // spheres, padded to a whole number of the widest vectors
  // [light * stride + sphere]: v = centre - light, e = |v|, grown radius r', and
  // kc = sqrt(e^2 - r'^2), or -infinity when the light is within r' of the sphere (no cone).
  std::vector<double> vx, vy, vz, e, r, kc;

  void update(const Scene& scene);
};

// Relative margin on the cone comparisons for their own rounding (errors near 1e-16).
inline constexpr double kConeMargin = 1e-9;

}  // namespace rtcli

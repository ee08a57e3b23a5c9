// The range the SIMD kernels' exactness arguments are made for: every number finite and at
// most 1e150 in magnitude, so that no intermediate of the hit tests overflows.
#pragma once

#include <cmath>

#include "scene/scene.h"

namespace rtcli {

inline constexpr double kKernelLargest = 1e150;

inline bool moderate(double v) {
  return std::isfinite(v) && std::fabs(v) <= kKernelLargest;
}

inline bool moderate(Vec3 v) {
  return moderate(v.x) && moderate(v.y) && moderate(v.z);
}

// Window, ambient, every sphere (centre, radius, colour) and every light.
inline bool scene_is_moderate(const Scene& scene) {
  const ScreenWindow& w = scene.window;
  bool ok = moderate(w.x) && moderate(w.y) && moderate(w.width) && moderate(w.height) &&
            moderate(w.z) && moderate(scene.ambient);
  for (const Sphere& s : scene.spheres)
    ok = ok && moderate(s.centre) && moderate(s.radius) && moderate(s.colour.r) &&
         moderate(s.colour.g) && moderate(s.colour.b);
  for (const Light& light : scene.lights)
    ok = ok && moderate(light.position) && moderate(light.intensity);
  return ok;
}

}  // namespace rtcli

// The two per-sphere tests, inline so the brute-force loops in shade.cpp and the hierarchy's
// leaves in bvh.cpp run the very same arithmetic and so return the very same answers.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>

#include "scene/vec3.h"

namespace rtcli {

// The seed's ray/sphere test: the nearer root with t >= 0, else the farther one.
inline std::optional<double> ray_sphere_t(Vec3 centre, double radius, Vec3 origin, Vec3 direction) {
  const Vec3 d = origin - centre;
  const double sp = dot(direction, d);
  const double rat = 4 * (sp * sp - (dot(d, d) - radius * radius));
  if (rat < 0) return std::nullopt;
  const double s = std::sqrt(rat);
  const double far = -1 * sp + s / 2;
  const double near = -1 * sp - s / 2;
  const double t = std::min(far, near);
  if (t >= 0) return t;
  if (far >= 0) return far;  // the screen is inside the sphere
  return std::nullopt;
}

// Whether the sphere crosses the open segment from `point` to `point + to_light`.
inline bool sphere_blocks_segment(Vec3 centre, double radius, Vec3 point, Vec3 to_light) {
  const Vec3 d = point - centre;
  const double a = dot(to_light, to_light);
  const double b = dot(to_light, d);
  const double c = dot(d, d) - radius * radius;
  const double disc = b * b - a * c;
  if (disc < 0.0) return false;
  const double root = std::sqrt(disc);
  const double t_near = (-b - root) / a;
  const double t_far = (-b + root) / a;
  return (t_near > 1e-9 && t_near < 1.0) || (t_far > 1e-9 && t_far < 1.0);
}

}  // namespace rtcli

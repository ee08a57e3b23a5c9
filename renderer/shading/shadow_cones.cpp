#include "shading/shadow_cones.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace rtcli {

namespace {
bool ordinary(double v) {
  const double a = std::fabs(v);
  return v == 0.0 || (a >= 1e-30 && a <= 1e30);
}
bool ordinary(Vec3 v) {
  return ordinary(v.x) && ordinary(v.y) && ordinary(v.z);
}
double l1(Vec3 v) {
  return std::fabs(v.x) + std::fabs(v.y) + std::fabs(v.z);
}
// The margin that grows every sphere: far more than the exact test's rounding (a few hundred
// ulps of the lengths and coordinates involved) and far less than a pixel.
constexpr double kGrowth = 1e-9;
// Beyond this many entries the tables would cost more memory than the tests they save.
constexpr std::size_t kMaxEntries = std::size_t{1} << 22;
constexpr int kWidestLanes = 32;  // doubles in the widest vector of any Highway target
}  // namespace

void ShadowCones::update(const Scene& scene) {
  const std::size_t spheres = scene.spheres.size();
  const std::size_t lights = scene.lights.size();
  stride = static_cast<int>((spheres + kWidestLanes - 1) / kWidestLanes * kWidestLanes);
  enabled = lights * static_cast<std::size_t>(stride) <= kMaxEntries;
  for (const Sphere& s : scene.spheres)
    enabled = enabled && ordinary(s.centre) && ordinary(s.radius);
  for (const Light& l : scene.lights) enabled = enabled && ordinary(l.position);
  const ScreenWindow& w = scene.window;
  enabled = enabled && ordinary(Vec3{w.x, w.y, w.z}) && ordinary(w.width) && ordinary(w.height);
  if (!enabled) return;

  const std::size_t size = lights * static_cast<std::size_t>(stride);
  for (auto* field : {&vx, &vy, &vz, &e, &r}) field->assign(size, 0.0);
  kc.assign(size, -std::numeric_limits<double>::infinity());
  for (std::size_t i = 0; i < lights; ++i) {
    const Vec3 light = scene.lights[i].position;
    double farthest = 0.0;  // from the light to any sphere's far side: bounds |point - light|
    for (const Sphere& s : scene.spheres) {
      const Vec3 v = s.centre - light;
      farthest = std::max(farthest, std::sqrt(dot(v, v)) + s.radius);
    }
    farthest *= 1 + 1e-12;
    for (std::size_t k = 0; k < spheres; ++k) {
      const Sphere& s = scene.spheres[k];
      const std::size_t at = i * static_cast<std::size_t>(stride) + k;
      const Vec3 v = s.centre - light;
      const double length = std::sqrt(dot(v, v));
      // Lengths in the exact test (|point - centre| <= farthest + length, |to_light| <=
      // farthest) and the coordinates it subtracts.
      const double grown = s.radius + kGrowth * (4 * farthest + 2 * length + 2 * s.radius +
                                                 2 * l1(s.centre) + 4 * l1(light));
      vx[at] = v.x;
      vy[at] = v.y;
      vz[at] = v.z;
      e[at] = length;
      r[at] = grown;
      if (length > grown) kc[at] = std::sqrt(length * length - grown * grown);
    }
  }
}

}  // namespace rtcli

#include "shading/shade.h"

#include <algorithm>
#include <cmath>

#include "shading/bvh.h"
#include "shading/sphere_intersection.h"

namespace rtcli {
namespace {

constexpr Vec3 kViewDirection{0.0, 0.0, 1.0};

// The two sphere queries a pixel needs, by testing every sphere: the reference.
struct BruteForce {
  const Scene& scene;

  std::optional<Hit> nearest(Vec3 origin, Vec3 direction) const {
    std::optional<Hit> best;
    for (int i = 0; i < static_cast<int>(scene.spheres.size()); ++i) {
      const auto t = intersect(scene.spheres[static_cast<std::size_t>(i)], origin, direction);
      if (t && (!best || *t < best->t)) best = Hit{*t, i};
    }
    return best;
  }

  // Only the lights another sphere does not block reach the point.
  bool shadowed(int self, Vec3 point, Vec3 to_light, int /*light*/) const {
    for (int i = 0; i < static_cast<int>(scene.spheres.size()); ++i) {
      if (i == self) continue;  // a convex sphere never shadows its own lit side
      const Sphere& s = scene.spheres[static_cast<std::size_t>(i)];
      if (sphere_blocks_segment(s.centre, s.radius, point, to_light)) return true;
    }
    return false;
  }
};

// The same queries through the hierarchies: exactly the same answers (bvh.h).
struct Hierarchy {
  const SphereBvh& bvh;

  std::optional<Hit> nearest(Vec3 origin, Vec3 direction) const {
    return bvh.nearest_hit(origin, direction);
  }
  bool shadowed(int self, Vec3 point, Vec3 to_light, int light) const {
    return bvh.segment_blocked(self, point, to_light, light);
  }
};

std::uint8_t channel(double intensity, double surface, double ambient) {
  const double lit = std::trunc(intensity * surface);
  const double floor = std::trunc(ambient * surface / 255.0);
  return static_cast<std::uint8_t>(std::clamp(std::max(lit, floor), 0.0, 255.0));
}

template <typename Queries>
Rgb8 shade_hit_with(const Scene& scene, const Queries& queries, Vec3 origin, Vec3 direction,
                    Hit hit) {
  const Sphere& sphere = scene.spheres[static_cast<std::size_t>(hit.sphere)];
  const Vec3 point = origin + direction * hit.t;
  const Vec3 n = normalise(point - sphere.centre);
  // Sum of the unblocked lights' n.l; negative terms add nothing (the seed's floor hides them).
  double intensity = 0.0;
  for (int i = 0; i < static_cast<int>(scene.lights.size()); ++i) {
    const Light& light = scene.lights[static_cast<std::size_t>(i)];
    const double nl = dot(n, normalise(light.position - point)) * light.intensity;
    if (nl > 0.0 && !queries.shadowed(hit.sphere, point, light.position - point, i))
      intensity += nl;
  }
  return {channel(intensity, sphere.colour.r, scene.ambient),
          channel(intensity, sphere.colour.g, scene.ambient),
          channel(intensity, sphere.colour.b, scene.ambient)};
}

template <typename Queries>
PixelResult shade_pixel_with(const Scene& scene, const Queries& queries, int x, int y, int width,
                             int height) {
  const Vec3 origin = screen_point(scene.window, x, y, width, height);
  const auto hit = queries.nearest(origin, kViewDirection);
  if (!hit) return {scene.background, false};
  return {shade_hit_with(scene, queries, origin, kViewDirection, *hit), true};
}

}  // namespace

Vec3 screen_point(const ScreenWindow& window, int x, int y, int width, int height) {
  return {window.x + (window.width * x) / width, window.y + (window.height * y) / height, window.z};
}

std::optional<double> intersect(const Sphere& sphere, Vec3 origin, Vec3 direction) {
  return ray_sphere_t(sphere.centre, sphere.radius, origin, direction);
}

std::optional<Hit> nearest_hit(const Scene& scene, Vec3 origin, Vec3 direction) {
  return BruteForce{scene}.nearest(origin, direction);
}

std::optional<Hit> nearest_hit(const RenderScene& scene, Vec3 origin, Vec3 direction) {
  if (scene.bvh) return scene.bvh->nearest_hit(origin, direction);
  return nearest_hit(scene.scene, origin, direction);
}

Rgb8 shade_hit(const Scene& scene, Vec3 origin, Vec3 direction, Hit hit) {
  return shade_hit_with(scene, BruteForce{scene}, origin, direction, hit);
}

PixelResult shade_pixel(const Scene& scene, int x, int y, int width, int height) {
  return shade_pixel_with(scene, BruteForce{scene}, x, y, width, height);
}

PixelResult shade_pixel(const RenderScene& scene, int x, int y, int width, int height) {
  if (scene.bvh) return shade_pixel_with(scene.scene, Hierarchy{*scene.bvh}, x, y, width, height);
  return shade_pixel_with(scene.scene, BruteForce{scene.scene}, x, y, width, height);
}

}  // namespace rtcli

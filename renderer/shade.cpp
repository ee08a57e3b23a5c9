#include "shade.h"

#include <algorithm>
#include <cmath>

namespace rtcli {

namespace {
constexpr Vec3 kViewDirection{0.0, 0.0, 1.0};

// Only the lights another sphere does not block reach the point.
bool shadowed(const Scene& scene, int self, Vec3 point, Vec3 light) {
  const Vec3 to_light = light - point;
  for (int i = 0; i < static_cast<int>(scene.spheres.size()); ++i) {
    if (i == self) continue;  // a convex sphere never shadows its own lit side
    const Sphere& s = scene.spheres[static_cast<std::size_t>(i)];
    const Vec3 d = point - s.centre;
    const double a = dot(to_light, to_light);
    const double b = dot(to_light, d);
    const double c = dot(d, d) - s.radius * s.radius;
    const double disc = b * b - a * c;
    if (disc < 0.0) continue;
    const double root = std::sqrt(disc);
    const double t_near = (-b - root) / a;
    const double t_far = (-b + root) / a;
    // Blocked when the sphere crosses the open segment between point and light.
    if ((t_near > 1e-9 && t_near < 1.0) || (t_far > 1e-9 && t_far < 1.0)) return true;
  }
  return false;
}

std::uint8_t channel(double intensity, double surface, double ambient) {
  const double lit = std::trunc(intensity * surface);
  const double floor = std::trunc(ambient * surface / 255.0);
  return static_cast<std::uint8_t>(std::clamp(std::max(lit, floor), 0.0, 255.0));
}
}  // namespace

Vec3 screen_point(const ScreenWindow& window, int x, int y, int width, int height) {
  return {window.x + (window.width * x) / width, window.y + (window.height * y) / height, window.z};
}

std::optional<double> intersect(const Sphere& sphere, Vec3 origin, Vec3 direction) {
  const Vec3 d = origin - sphere.centre;
  const double sp = dot(direction, d);
  const double rat = 4 * (sp * sp - (dot(d, d) - sphere.radius * sphere.radius));
  if (rat < 0) return std::nullopt;
  const double s = std::sqrt(rat);
  const double far = -1 * sp + s / 2;
  const double near = -1 * sp - s / 2;
  const double t = std::min(far, near);
  if (t >= 0) return t;
  if (far >= 0) return far;  // the screen is inside the sphere
  return std::nullopt;
}

std::optional<Hit> nearest_hit(const Scene& scene, Vec3 origin, Vec3 direction) {
  std::optional<Hit> best;
  for (int i = 0; i < static_cast<int>(scene.spheres.size()); ++i) {
    const auto t = intersect(scene.spheres[static_cast<std::size_t>(i)], origin, direction);
    if (t && (!best || *t < best->t)) best = Hit{*t, i};
  }
  return best;
}

Rgb8 shade_hit(const Scene& scene, Vec3 origin, Vec3 direction, Hit hit) {
  const Sphere& sphere = scene.spheres[static_cast<std::size_t>(hit.sphere)];
  const Vec3 point = origin + direction * hit.t;
  const Vec3 n = normalise(point - sphere.centre);
  // Sum of the unblocked lights' n.l; negative terms add nothing (the seed's floor hides them).
  double intensity = 0.0;
  for (const Light& light : scene.lights) {
    const double nl = dot(n, normalise(light.position - point)) * light.intensity;
    if (nl > 0.0 && !shadowed(scene, hit.sphere, point, light.position)) intensity += nl;
  }
  return {channel(intensity, sphere.colour.r, scene.ambient),
          channel(intensity, sphere.colour.g, scene.ambient),
          channel(intensity, sphere.colour.b, scene.ambient)};
}

PixelResult shade_pixel(const Scene& scene, int x, int y, int width, int height) {
  const Vec3 origin = screen_point(scene.window, x, y, width, height);
  const auto hit = nearest_hit(scene, origin, kViewDirection);
  if (!hit) return {scene.background, false};
  return {shade_hit(scene, origin, kViewDirection, *hit), true};
}

}  // namespace rtcli

// The shading kernel: scene and pixel in, colour out. No clocks, threads or files.
#pragma once

#include <optional>

#include "scene/scene.h"
#include "shading/render_scene.h"

namespace rtcli {

// The ray's entry point on the screen for pixel (x, y) of a width x height frame.
Vec3 screen_point(const ScreenWindow& window, int x, int y, int width, int height);

struct Hit {
  double t = 0.0;   // distance along +z from the screen
  int sphere = -1;  // index into Scene::spheres
};

// The seed's ray/sphere test: the nearer root with t >= 0, else the farther one.
std::optional<double> intersect(const Sphere& sphere, Vec3 origin, Vec3 direction);

// Nearest hit over all spheres, brute force; ties go to the earlier sphere.
std::optional<Hit> nearest_hit(const Scene& scene, Vec3 origin, Vec3 direction);

// The same through the scene's hierarchies when it has them.
std::optional<Hit> nearest_hit(const RenderScene& scene, Vec3 origin, Vec3 direction);

// Diffuse shading of a hit, brute-force shadow tests: for the seed scene, the seed's colour.
Rgb8 shade_hit(const Scene& scene, Vec3 origin, Vec3 direction, Hit hit);

struct PixelResult {
  Rgb8 colour;
  bool hit = false;  // false: background
};

// The whole pixel, brute force over the spheres: the reference every faster path must equal.
PixelResult shade_pixel(const Scene& scene, int x, int y, int width, int height);

// The same pixel through the scene's hierarchies when it has them (the same answers, faster for
// many spheres): the scalar path of render_tile and of the bench's per-pixel timing.
PixelResult shade_pixel(const RenderScene& scene, int x, int y, int width, int height);

}  // namespace rtcli

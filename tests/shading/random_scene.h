// Random scenes of many spheres for the kernels' whole-frame tests: overlaps, spheres cut by the
// screen, exact repeats (ties at equal t), lights inside spheres, among them and far away.
#pragma once

#include <algorithm>
#include <cmath>
#include <random>

#include "scene/scene.h"

namespace rtcli {

inline double uniform(std::mt19937_64& rng, double lo, double hi) {
  return std::uniform_real_distribution<double>(lo, hi)(rng);
}

// Spheres that overlap, cut the screen, repeat an earlier sphere exactly (ties at equal t, in
// another colour), lights inside spheres, between them and far away.
inline Scene random_scene(std::mt19937_64& rng, int spheres) {
  Scene scene;
  scene.window = {.x = uniform(rng, -5, 5),
                  .y = uniform(rng, -5, 5),
                  .width = uniform(rng, 0.5, 20) * (rng() % 8 == 0 ? -1 : 1),
                  .height = uniform(rng, 0.5, 20),
                  .z = uniform(rng, -3, 3)};
  const ScreenWindow& w = scene.window;
  const double size = std::max(std::fabs(w.width), std::fabs(w.height));
  for (int i = 0; i < spheres; ++i) {
    Sphere s{.centre = {w.x + uniform(rng, -0.2, 1.2) * w.width,
                        w.y + uniform(rng, -0.2, 1.2) * w.height, w.z + uniform(rng, -2, 15)},
             .radius = uniform(rng, 0.03, 0.4) * size,
             .colour = {std::floor(uniform(rng, 0, 256)), std::floor(uniform(rng, 0, 256)),
                        rng() % 4 == 0 ? uniform(rng, 0, 255) : std::floor(uniform(rng, 0, 256))}};
    if (i > 0 && rng() % 6 == 0) {  // the same sphere again: every hit ties
      s.centre = scene.spheres[rng() % scene.spheres.size()].centre;
      s.radius = scene.spheres.back().radius;
    }
    if (rng() % 5 == 0) s.centre.z = w.z + uniform(rng, -0.5, 0.5) * s.radius;  // cuts the screen
    if (rng() % 9 == 0) s.colour.g = 0.0;
    scene.spheres.push_back(s);
  }
  const int lights = static_cast<int>(rng() % 5);  // 0 to 4
  for (int i = 0; i < lights; ++i) {
    Light light{.position = {uniform(rng, -20, 20), uniform(rng, -20, 20), uniform(rng, -10, 20)},
                .intensity = rng() % 2 ? 1.0 : uniform(rng, 0.2, 3)};
    const Sphere& a = scene.spheres[rng() % scene.spheres.size()];
    const Sphere& b = scene.spheres[rng() % scene.spheres.size()];
    if (rng() % 4 == 0) light.position = a.centre;                     // inside
    if (rng() % 4 == 0) light.position = (a.centre + b.centre) * 0.5;  // among
    scene.lights.push_back(light);
  }
  scene.ambient = rng() % 5 == 0 ? uniform(rng, -20, 300) : std::floor(uniform(rng, 0, 100));
  scene.background = {static_cast<std::uint8_t>(rng()), static_cast<std::uint8_t>(rng()),
                      static_cast<std::uint8_t>(rng())};
  return scene;
}

}  // namespace rtcli

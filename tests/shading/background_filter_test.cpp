// The background filter (SIMD background, shade_pixel for the rest) against the scalar
// reference on scenes of several spheres, with shadows, on every instruction set.
#include "shading/background_filter.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "render_compare.h"
#include "shading/scene_kernel.h"
#include "shading/shade.h"

namespace rtcli {
namespace {

Scene random_spheres(std::mt19937_64& rng, int spheres) {
  auto uniform = [&](double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng);
  };
  Scene scene;
  scene.window = {.x = uniform(-3, 3),
                  .y = uniform(-3, 3),
                  .width = uniform(1, 12),
                  .height = uniform(1, 12),
                  .z = uniform(-2, 2)};
  const ScreenWindow& w = scene.window;
  for (int i = 0; i < spheres; ++i)
    scene.spheres.push_back({.centre = {w.x + uniform(-0.2, 1.2) * w.width,
                                        w.y + uniform(-0.2, 1.2) * w.height, w.z + uniform(-3, 12)},
                             .radius = uniform(0.03, 0.3) * std::max(w.width, w.height),
                             .colour = {std::floor(uniform(0, 256)), std::floor(uniform(0, 256)),
                                        std::floor(uniform(0, 256))}});
  const int lights = 1 + static_cast<int>(rng() % 3);
  for (int i = 0; i < lights; ++i)
    scene.lights.push_back({.position = {uniform(-15, 15), uniform(-15, 15), uniform(-10, 15)}});
  scene.ambient = std::floor(uniform(0, 80));
  return scene;
}

TEST(BackgroundFilter, RandomSceneOfSeveralSpheresEqualReference) {
  for_each_target([&] {
    std::mt19937_64 rng(99);
    for (int i = 0; i < 120; ++i) {
      const Scene scene = random_spheres(rng, 2 + static_cast<int>(rng() % 15));
      ASSERT_TRUE(background_filter_accepts(scene));
      const int width = 1 + static_cast<int>(rng() % 80);
      const int height = 1 + static_cast<int>(rng() % 40);
      SCOPED_TRACE("scene " + std::to_string(i));
      ASSERT_EQ(
          first_difference(render_tile_background_filter, scene, width, height,
                           1 + static_cast<int>(rng() % 30), 1 + static_cast<int>(rng() % 30)),
          "");
    }
  });
}

TEST(BackgroundFilter, GrazingAndSignedZeroSpheresEqualReference) {
  // Two spheres whose silhouettes pass exactly through pixel centres (rat = 0 there), one of
  // them centred on the screen plane at -0.
  Scene scene = seed_scene();
  scene.window = {.x = -0.0, .y = 0.0, .width = 8.0, .height = 6.0, .z = -0.0};
  scene.spheres = {{.centre = {4.0, 3.0, 0.0}, .radius = 1.0, .colour = {255, 0, 0}},
                   {.centre = {0.0, 0.0, 5.0}, .radius = 2.0, .colour = {0, 255, 0}}};
  for_each_target([&] {
    EXPECT_EQ(first_difference(render_tile_background_filter, scene, 64, 48, 16, 16), "");
    EXPECT_EQ(first_difference(render_tile_background_filter, scene, 800, 600, 256, 16), "");
  });
}

TEST(BackgroundFilter, AcceptsUpToSixteenModerateSpheres) {
  std::mt19937_64 rng(5);
  EXPECT_TRUE(background_filter_accepts(random_spheres(rng, 16)));
  EXPECT_FALSE(background_filter_accepts(random_spheres(rng, 17)));
  Scene none = seed_scene();
  none.spheres.clear();
  EXPECT_FALSE(background_filter_accepts(none));
  Scene huge = random_spheres(rng, 3);
  huge.spheres[2].radius = 1e151;
  EXPECT_FALSE(background_filter_accepts(huge));
  // Past the scene kernel, without hierarchies: the scalar loop.
  EXPECT_EQ(
      render_path(prepare_scene(random_spheres(rng, kSceneKernelMaxSpheres + 1), Accel::kNone)),
      "scalar");
}

}  // namespace
}  // namespace rtcli

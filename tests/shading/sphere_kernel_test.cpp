// The SIMD sphere kernel against the scalar reference shade_pixel, on every instruction set
// this processor can run, over whole frames of many scenes.
#include "shading/sphere_kernel.h"

#include <gtest/gtest.h>
#include <hwy/highway.h>
#include <hwy/targets.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "pipeline/tile_workers.h"
#include "pipeline/tiles.h"
#include "render_compare.h"
#include "shading/shade.h"
#include "shading/tile_renderer.h"
#include "test_support.h"

namespace rtcli {
namespace {

Scene random_scene(std::mt19937_64& rng) {
  auto uniform = [&](double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng);
  };
  Scene scene;
  scene.window = {.x = uniform(-5, 5),
                  .y = uniform(-5, 5),
                  .width = uniform(0.5, 20),
                  .height = uniform(0.5, 20),
                  .z = uniform(-3, 3)};
  const ScreenWindow& w = scene.window;
  // Centres mostly in front of the window, some straddling or behind the screen plane.
  const Vec3 centre{w.x + uniform(-0.2, 1.2) * w.width, w.y + uniform(-0.2, 1.2) * w.height,
                    w.z + uniform(-4, 15)};
  const double radius = uniform(0.05, 0.6) * std::max(w.width, w.height);
  const Colour colour{std::floor(uniform(0, 256)), std::floor(uniform(0, 256)),
                      rng() % 4 == 0 ? uniform(0, 255) : std::floor(uniform(0, 256))};
  scene.spheres.push_back({.centre = centre, .radius = radius, .colour = colour});
  const int lights = static_cast<int>(rng() % 4);  // 0 to 3
  for (int i = 0; i < lights; ++i)
    scene.lights.push_back({.position = {uniform(-20, 20), uniform(-20, 20), uniform(-10, 20)},
                            .intensity = rng() % 2 ? 1.0 : uniform(0.2, 3)});
  scene.ambient = rng() % 5 == 0 ? uniform(-20, 300) : std::floor(uniform(0, 100));
  scene.background = {static_cast<std::uint8_t>(rng()), static_cast<std::uint8_t>(rng()),
                      static_cast<std::uint8_t>(rng())};
  return scene;
}

TEST(SphereKernel, SeedSceneEqualsReferenceAtSeveralSizesAndTiles) {
  const Scene scene = seed_scene();
  ASSERT_TRUE(sphere_kernel_accepts(scene));
  struct Case {
    int w, h, tw, th;
  };
  const Case cases[] = {{800, 600, 64, 64}, {1, 1, 64, 64}, {7, 3, 64, 64},    {7, 3, 1, 1},
                        {801, 599, 64, 64}, {13, 11, 5, 3}, {1000, 9, 256, 4}, {333, 250, 333, 1}};
  for_each_target([&] {
    for (const Case& c : cases) {
      SCOPED_TRACE(std::to_string(c.w) + "x" + std::to_string(c.h));
      EXPECT_EQ(first_difference(render_tile_sphere_kernel, scene, c.w, c.h, c.tw, c.th), "");
    }
  });
}

TEST(SphereKernel, SeedFrameEqualsTheSeedProgramsOutput) {
  const auto dir = test::seed_dir();
  if (!dir) GTEST_SKIP() << "seed frames not beside the project";
  const auto seed = test::read_png(*dir / "3000.png");
  ASSERT_TRUE(seed);
  for_each_target([&] {
    EXPECT_EQ(render(seed_scene(), 800, 600, 64, 64, render_tile_sphere_kernel), seed->rgb);
  });
}

TEST(SphereKernel, RandomScenesEqualReference) {
  for_each_target([&] {
    std::mt19937_64 rng(20261124);
    for (int i = 0; i < 300; ++i) {
      const Scene scene = random_scene(rng);
      ASSERT_TRUE(sphere_kernel_accepts(scene));
      const int width = 1 + static_cast<int>(rng() % 90);
      const int height = 1 + static_cast<int>(rng() % 50);
      SCOPED_TRACE("scene " + std::to_string(i) + " at " + std::to_string(width) + "x" +
                   std::to_string(height));
      ASSERT_EQ(
          first_difference(render_tile_sphere_kernel, scene, width, height,
                           1 + static_cast<int>(rng() % 40), 1 + static_cast<int>(rng() % 40)),
          "");
    }
  });
}

TEST(SphereKernel, EdgeScenesEqualReference) {
  std::vector<Scene> scenes;
  // Signed zeros: a window at -0 with the sphere centred on the screen plane (d.z = -0).
  Scene zeros = seed_scene();
  zeros.window = {.x = -0.0, .y = -0.0, .width = 8.0, .height = 6.0, .z = -0.0};
  zeros.spheres[0].centre = {0.0, 0.0, 0.0};
  scenes.push_back(zeros);
  // A mirrored window (negative extents) at -0: column and row 0 sit at -0, where
  // x + 0*t would be +0 (shortcut 3); centre and light on the zero planes too.
  Scene mirrored = seed_scene();
  mirrored.window = {.x = -0.0, .y = -0.0, .width = -8.0, .height = -6.0, .z = 0.0};
  mirrored.spheres[0].centre = {0.0, 0.0, 1.0};
  mirrored.lights[0].position = {0.0, 0.0, -3.0};
  scenes.push_back(mirrored);
  // The screen inside the sphere: only the far root is ahead.
  Scene inside = seed_scene();
  inside.spheres[0].centre.z = 0.5;
  scenes.push_back(inside);
  // The sphere wholly behind the screen: both roots negative, all background.
  Scene behind = seed_scene();
  behind.spheres[0].centre.z = -10.0;
  scenes.push_back(behind);
  // A light exactly on a surface point makes n.l NaN there.
  Scene on_surface = seed_scene();
  {
    const Vec3 origin = screen_point(on_surface.window, 37, 45, 64, 48);
    const double t = *intersect(on_surface.spheres[0], origin, {0.0, 0.0, 1.0});
    on_surface.lights.push_back({.position = origin + Vec3{0.0, 0.0, 1.0} * t});
  }
  scenes.push_back(on_surface);
  // Grazing rays: a radius that makes rat land on zero for some pixels.
  Scene grazing = seed_scene();
  grazing.spheres[0].radius = 1.0;
  grazing.spheres[0].centre = {4.0, 3.0, 0.0};
  scenes.push_back(grazing);
  // Huge and tiny numbers inside the accepted range, no lights, ambient above 255.
  Scene extreme = seed_scene();
  extreme.window = {.x = -1e149, .y = -1e149, .width = 2e149, .height = 2e149, .z = 1e149};
  extreme.spheres[0] = {.centre = {0.0, 0.0, 1e150}, .radius = 5e149, .colour = {1e-300, 255, 3}};
  extreme.lights.clear();
  extreme.ambient = 1e3;
  scenes.push_back(extreme);
  Scene tiny = seed_scene();
  tiny.window = {.x = 0.0, .y = 0.0, .width = 8e-150, .height = 6e-150, .z = 0.0};
  tiny.spheres[0] = {.centre = {4e-150, 3e-150, 1e-149}, .radius = 2e-150, .colour = {255, 7, 0}};
  tiny.lights[0].position = {8e-150, 0.0, 7e-150};
  scenes.push_back(tiny);

  for_each_target([&] {
    for (std::size_t i = 0; i < scenes.size(); ++i) {
      SCOPED_TRACE("edge scene " + std::to_string(i));
      ASSERT_TRUE(sphere_kernel_accepts(scenes[i]));
      EXPECT_EQ(first_difference(render_tile_sphere_kernel, scenes[i], 64, 48, 16, 16), "");
      EXPECT_EQ(first_difference(render_tile_sphere_kernel, scenes[i], 801, 3, 801, 1), "");
    }
  });
}

// Random pixels rarely land near a rounding boundary of trunc(n.l * 255), so they would not
// notice a kernel that rounds one step differently. A light on the normal through a pixel's
// hit point makes n.l one in exact arithmetic: the computed value is 1 or just below, and
// the pixel is 255 or 254 depending on every rounding on the way.
TEST(SphereKernel, LightsOnTheNormalEqualReferenceWhereRoundingDecides) {
  constexpr int kWidth = 32;
  constexpr int kHeight = 24;
  int saw_254 = 0;
  int saw_255 = 0;
  for_each_target([&] {
    std::mt19937_64 rng(7);
    for (int i = 0; i < 400; ++i) {
      Scene scene = random_scene(rng);
      scene.spheres[0].colour = {255.0, 255.0, 255.0};
      const int x = static_cast<int>(rng() % kWidth);
      const int y = static_cast<int>(rng() % kHeight);
      const Vec3 origin = screen_point(scene.window, x, y, kWidth, kHeight);
      const auto hit = nearest_hit(scene, origin, {0.0, 0.0, 1.0});
      if (!hit) continue;
      const Vec3 point = origin + Vec3{0.0, 0.0, 1.0} * hit->t;
      const Vec3 n = normalise(point - scene.spheres[0].centre);
      const double away = std::uniform_real_distribution<double>(0.01, 30.0)(rng);
      scene.lights = {{.position = point + n * away, .intensity = 1.0}};
      const std::uint8_t expected = shade_pixel(scene, x, y, kWidth, kHeight).colour.r;
      saw_254 += expected == 254;
      saw_255 += expected == 255;
      SCOPED_TRACE("scene " + std::to_string(i));
      ASSERT_EQ(first_difference(render_tile_sphere_kernel, scene, kWidth, kHeight, 8, 8), "");
    }
  });
  // Both outcomes occur, so the comparison above is sensitive to a single rounding.
  EXPECT_GT(saw_254, 20);
  EXPECT_GT(saw_255, 20);
}

// sp = v.d with v = (0,0,1) is (0*dx + 0*dy) + dz: the kernel squares dz instead.
TEST(SphereKernel, ViewDotEqualsDzAndItsSquareBitwise) {
  const double m = std::numeric_limits<double>::denorm_min();
  const double values[] = {0.0, -0.0, m,   -m,    1e-300, -1e-300, 0.1,   -0.1,
                           1.0, -1.0, 3.5, -7.25, 1e150,  -1e150,  3e150, -3e150};
  for (const double dx : values)
    for (const double dy : values)
      for (const double dz : values) {
        const double sp = dot({0.0, 0.0, 1.0}, {dx, dy, dz});
        EXPECT_EQ(sp, dz);
        EXPECT_EQ(std::bit_cast<std::uint64_t>(sp * sp), std::bit_cast<std::uint64_t>(dz * dz));
      }
}

// rat = 4*e: the kernel tests e < 0 in place of rat < 0.
TEST(SphereKernel, ScalingByFourKeepsTheSignTest) {
  const double m = std::numeric_limits<double>::denorm_min();
  const double big = std::numeric_limits<double>::max();
  for (const double e : {0.0, -0.0, m, -m, 1.0, -1.0, big, -big, big / 3, -big / 3})
    EXPECT_EQ(4 * e < 0, e < 0) << e;
}

TEST(SphereKernel, AcceptsOneModerateSphereOnly) {
  EXPECT_TRUE(sphere_kernel_accepts(seed_scene()));
  Scene two = seed_scene();
  two.spheres.push_back(two.spheres[0]);
  EXPECT_FALSE(sphere_kernel_accepts(two));
  Scene none = seed_scene();
  none.spheres.clear();
  EXPECT_FALSE(sphere_kernel_accepts(none));
  Scene infinite = seed_scene();
  infinite.lights[0].position.x = std::numeric_limits<double>::infinity();
  EXPECT_FALSE(sphere_kernel_accepts(infinite));
  Scene huge = seed_scene();
  huge.window.width = 1e200;
  EXPECT_FALSE(sphere_kernel_accepts(huge));
  Scene nan = seed_scene();
  nan.ambient = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(sphere_kernel_accepts(nan));
}

// Workers share nothing but the frame: tiles rendered concurrently, in any order and of any
// shape (each worker with its own tables), give the serial reference's pixels.
TEST(SphereKernel, ConcurrentTilesOfAnyShapeEqualReference) {
  const Scene scene = seed_scene();
  const auto expected = render(scene, 1001, 333, 1001, 333, render_tile_reference);
  const RenderScene prepared = prepare_scene(scene);
  for (const auto& [tw, th] : {std::pair{256, 16}, {64, 64}, {1001, 1}, {7, 5}}) {
    Frame frame(1001, 333);
    const TileGrid grid(1001, 333, tw, th);
    // The workers of rtcli render: neighbouring tiles rendered at once by different threads.
    WorkerArena arena(2);
    TileScheduler scheduler(grid.count());
    arena.run_with_state(
        scheduler, [] { return KernelContext{}; },
        [&](int i, int, KernelContext& context) {
          render_tile(prepared, grid.bounds(i), frame, context);
        });
    EXPECT_TRUE(std::equal(expected.begin(), expected.end(), frame.data()))
        << "tiles " << tw << "x" << th;
  }
}

// render_tile picks the kernel or the reference; either way the pixels are the reference's.
TEST(SphereKernel, RenderTileEqualsReferenceWithAndWithoutTheKernel) {
  Scene two = seed_scene();
  two.spheres.push_back({.centre = {2.0, 2.0, 8.0}, .radius = 1.0, .colour = {0, 200, 50}});
  EXPECT_EQ(render_path(prepare_scene(seed_scene())), "sphere-simd/" + sphere_kernel_target());
  EXPECT_EQ(render_path(prepare_scene(two)), "scene-simd/" + sphere_kernel_target());
  EXPECT_EQ(render_path(prepare_scene(two, Accel::kBvh)),
            "packet-simd+bvh/" + sphere_kernel_target());
  for (const Scene& scene : {seed_scene(), two}) {
    EXPECT_EQ(render(scene, 97, 61, 16, 16, render_tile),
              render(scene, 97, 61, 16, 16, render_tile_reference));
  }
}

}  // namespace
}  // namespace rtcli

// The SIMD scene kernel (many spheres, lights, shadows) against the scalar reference
// shade_pixel, on every instruction set this processor can run, over whole frames.
#include "shading/scene_kernel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "render_compare.h"
#include "scene/scene_loader.h"
#include "shading/random_scene.h"
#include "shading/render_scene.h"
#include "shading/shade.h"
#include "shading/sphere_intersection.h"
#include "shading/tile_renderer.h"
#include "system/interrupt.h"

namespace rtcli {
namespace {

constexpr Vec3 kView{0.0, 0.0, 1.0};

// Pixel centres on silhouettes (e = 0 exactly at 64x48: columns and rows are multiples of
// 1/8), two spheres at the same place in different colours, one cut by the screen at -0, a
// light on the screen plane and one inside the back sphere.
Scene edge_scene() {
  Scene scene;
  scene.window = {.x = -0.0, .y = 0.0, .width = 8.0, .height = 6.0, .z = -0.0};
  scene.spheres = {{.centre = {4.0, 3.0, 5.0}, .radius = 1.0, .colour = {255, 0, 0}},
                   {.centre = {4.0, 3.0, 5.0}, .radius = 1.0, .colour = {0, 255, 0}},
                   {.centre = {1.0, 1.0, 0.0}, .radius = 1.5, .colour = {0, 0, 255}},
                   {.centre = {5.0, 3.0, 12.0}, .radius = 4.0, .colour = {200, 200, 200}},
                   {.centre = {6.5, 4.5, 3.0}, .radius = 0.5, .colour = {255, 255, 0}}};
  scene.lights = {{.position = {0.0, 0.0, 0.0}, .intensity = 0.6},
                  {.position = {5.0, 3.0, 12.0}, .intensity = 0.5},
                  {.position = {9.0, 5.0, 1.0}, .intensity = 0.7}};
  scene.ambient = 20;
  return scene;
}

// The same layout scaled to the largest (12 * 8e148 <= 1e150) and the smallest magnitudes the
// kernel accepts.
Scene scaled(Scene scene, double k) {
  auto& w = scene.window;
  w = {.x = w.x * k, .y = w.y * k, .width = w.width * k, .height = w.height * k, .z = w.z * k};
  for (Sphere& s : scene.spheres) {
    s.centre = s.centre * k;
    s.radius *= k;
  }
  for (Light& l : scene.lights) l.position = l.position * k;
  return scene;
}

std::vector<std::filesystem::path> profiles() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(RTCLI_SOURCE_DIR "/profiles"))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(SceneKernel, EveryProfileItAcceptsEqualsReference) {
  int accepted = 0;
  for (const auto& file : profiles()) {
    const Scene scene = load_scene_file(file);
    if (!scene_kernel_accepts(scene)) continue;
    ++accepted;
    SCOPED_TRACE(file.filename().string());
    for_each_target([&] {
      EXPECT_EQ(first_difference(render_tile_scene_kernel, scene, 384, 216, 4096, 16), "");
      EXPECT_EQ(first_difference(render_tile_scene_kernel, scene, 161, 97, 13, 7), "");
    });
  }
  EXPECT_GE(accepted, 3);  // seed, showcase, field-10
}

TEST(SceneKernel, RandomScenesEqualReference) {
  for_each_target([&] {
    std::mt19937_64 rng(20261201);
    for (int i = 0; i < 150; ++i) {
      const int spheres = 1 + static_cast<int>(rng() % (i % 10 == 0 ? 64 : 12));
      const Scene scene = random_scene(rng, spheres);
      ASSERT_TRUE(scene_kernel_accepts(scene));
      const int width = 1 + static_cast<int>(rng() % 90);
      const int height = 1 + static_cast<int>(rng() % 50);
      SCOPED_TRACE("scene " + std::to_string(i) + " at " + std::to_string(width) + "x" +
                   std::to_string(height));
      ASSERT_EQ(
          first_difference(render_tile_scene_kernel, scene, width, height,
                           1 + static_cast<int>(rng() % 40), 1 + static_cast<int>(rng() % 40)),
          "");
    }
  });
}

TEST(SceneKernel, EdgeScenesAndExtremeMagnitudesEqualReference) {
  const Scene scenes[] = {edge_scene(), scaled(edge_scene(), 8e148), scaled(edge_scene(), 1e-149),
                          scaled(edge_scene(), -1.0)};
  for_each_target([&] {
    for (const Scene& scene : scenes) {
      ASSERT_TRUE(scene_kernel_accepts(scene));
      EXPECT_EQ(first_difference(render_tile_scene_kernel, scene, 64, 48, 64, 48), "");
      EXPECT_EQ(first_difference(render_tile_scene_kernel, scene, 64, 48, 5, 3), "");
      EXPECT_EQ(first_difference(render_tile_scene_kernel, scene, 801, 33, 4096, 16), "");
    }
  });
}

// The edge cases above are really there: otherwise the comparisons prove less than they say.
TEST(SceneKernel, EdgeSceneHoldsTiesGrazingRaysCutSpheresAndShadows) {
  const Scene scene = edge_scene();
  int ties = 0, grazing = 0, far_roots = 0, shadowed = 0, lit = 0;
  for (int y = 0; y < 48; ++y)
    for (int x = 0; x < 64; ++x) {
      const Vec3 origin = screen_point(scene.window, x, y, 64, 48);
      const auto t0 = intersect(scene.spheres[0], origin, kView);
      const auto t1 = intersect(scene.spheres[1], origin, kView);
      ties += t0 && t1 && *t0 == *t1;
      const Vec3 d = origin - scene.spheres[0].centre;
      grazing += dot(kView, d) * dot(kView, d) - (dot(d, d) - 1.0) == 0.0;
      const auto t2 = intersect(scene.spheres[2], origin, kView);
      const Vec3 d2 = origin - scene.spheres[2].centre;
      far_roots +=
          t2 &&
          *t2 == -1 * dot(kView, d2) +
                     std::sqrt(4 * (dot(kView, d2) * dot(kView, d2) - (dot(d2, d2) - 2.25))) / 2;
      const auto hit = nearest_hit(scene, origin, kView);
      if (!hit) continue;
      EXPECT_NE(hit->sphere, 1);  // ties go to sphere 0
      const Vec3 point = origin + kView * hit->t;
      for (const Light& light : scene.lights) {
        bool blocked = false;
        for (int k = 0; k < 5; ++k) {
          const Sphere& s = scene.spheres[static_cast<std::size_t>(k)];
          blocked = blocked || (k != hit->sphere && sphere_blocks_segment(s.centre, s.radius, point,
                                                                          light.position - point));
        }
        shadowed += blocked;
        lit += !blocked;
      }
    }
  EXPECT_GT(ties, 100);
  EXPECT_GE(grazing, 4);
  EXPECT_GT(far_roots, 50);
  EXPECT_GT(shadowed, 100);
  EXPECT_GT(lit, 100);
}

// Pixels whose n.l is 1 in exact arithmetic are 255 or 254 depending on every rounding on
// the way, with shadows from other spheres around them.
TEST(SceneKernel, LightsOnTheNormalEqualReferenceWhereRoundingDecides) {
  constexpr int kWidth = 32;
  constexpr int kHeight = 24;
  int saw_254 = 0;
  int saw_255 = 0;
  for_each_target([&] {
    std::mt19937_64 rng(11);
    for (int i = 0; i < 300; ++i) {
      Scene scene = random_scene(rng, 1 + static_cast<int>(rng() % 6));
      const int x = static_cast<int>(rng() % kWidth);
      const int y = static_cast<int>(rng() % kHeight);
      const Vec3 origin = screen_point(scene.window, x, y, kWidth, kHeight);
      const auto hit = nearest_hit(scene, origin, kView);
      if (!hit) continue;
      Sphere& sphere = scene.spheres[static_cast<std::size_t>(hit->sphere)];
      sphere.colour = {255.0, 255.0, 255.0};
      const Vec3 point = origin + kView * hit->t;
      const Vec3 n = normalise(point - sphere.centre);
      scene.lights = {{.position = point + n * uniform(rng, 0.01, 30.0), .intensity = 1.0}};
      const std::uint8_t expected = shade_pixel(scene, x, y, kWidth, kHeight).colour.r;
      saw_254 += expected == 254;
      saw_255 += expected == 255;
      SCOPED_TRACE("scene " + std::to_string(i));
      ASSERT_EQ(first_difference(render_tile_scene_kernel, scene, kWidth, kHeight, 8, 8), "");
    }
  });
  EXPECT_GT(saw_254, 20);
  EXPECT_GT(saw_255, 20);
}

// Blockers placed tangent to a pixel's shadow segment (within a few ulps either way): the
// exact test's rounding decides, and the shadow cones must not rule such a sphere out. One
// pixel a frame, so that the cones are as narrow as they get.
TEST(SceneKernel, TangentBlockersEqualReferenceWhereRoundingDecides) {
  int blocked = 0;
  int clear = 0;
  for_each_target([&] {
    std::mt19937_64 rng(31);
    for (int i = 0; i < 2000; ++i) {
      Scene scene = random_scene(rng, 1 + static_cast<int>(rng() % 4));
      const Vec3 origin = screen_point(scene.window, 0, 0, 1, 1);
      const auto hit = nearest_hit(scene, origin, kView);
      if (!hit) continue;
      const Vec3 point = origin + kView * hit->t;
      const Vec3 n = normalise(point - scene.spheres[static_cast<std::size_t>(hit->sphere)].centre);
      const Vec3 light_at = point + n * uniform(rng, 2, 20) +
                            Vec3{uniform(rng, -1, 1), uniform(rng, -1, 1), uniform(rng, -1, 1)};
      scene.lights = {{.position = light_at, .intensity = 1.0}};
      // A unit vector across the segment, and a sphere touching the segment from that side.
      const Vec3 along = light_at - point;
      Vec3 across = Vec3{along.y, -along.x, 0.0};
      if (dot(across, across) == 0.0) across = {1.0, 0.0, 0.0};
      across = normalise(across);
      const double r = uniform(rng, 0.05, 1.0);
      const double nudge = 1.0 + static_cast<double>(static_cast<int>(rng() % 5) - 2) * 1e-15;
      const Vec3 centre = point + along * uniform(rng, 0.2, 0.8) + across * (r * nudge);
      scene.spheres.push_back({.centre = centre, .radius = r, .colour = {90, 90, 90}});
      // The pixel must still see the same sphere for the count below to mean anything.
      const auto again = nearest_hit(scene, origin, kView);
      if (!again || again->sphere != hit->sphere) continue;
      (sphere_blocks_segment(centre, r, point, along) ? blocked : clear) += 1;
      SCOPED_TRACE("scene " + std::to_string(i));
      ASSERT_EQ(first_difference(render_tile_scene_kernel, scene, 1, 1, 1, 1), "");
    }
  });
  EXPECT_GT(blocked, 50);
  EXPECT_GT(clear, 50);
}

TEST(SceneKernel, AcceptsUpToSixtyFourModerateSpheres) {
  std::mt19937_64 rng(3);
  EXPECT_TRUE(scene_kernel_accepts(random_scene(rng, kSceneKernelMaxSpheres)));
  EXPECT_FALSE(scene_kernel_accepts(random_scene(rng, kSceneKernelMaxSpheres + 1)));
  Scene none = seed_scene();
  none.spheres.clear();
  EXPECT_FALSE(scene_kernel_accepts(none));
  Scene huge = edge_scene();
  huge.lights[1].intensity = 1e151;
  EXPECT_FALSE(scene_kernel_accepts(huge));
  Scene nan = edge_scene();
  nan.spheres[3].colour.b = std::nan("");
  EXPECT_FALSE(scene_kernel_accepts(nan));
}

// Automatic preparation sends every scene the kernel accepts to it, without hierarchies.
TEST(SceneKernel, RenderPathNamesTheKernelAndRenderTileEqualsReference) {
  std::mt19937_64 rng(8);
  const Scene scene = random_scene(rng, 30);  // past kBvhMinSpheres
  const RenderScene prepared = prepare_scene(scene);
  EXPECT_EQ(prepared.bvh, nullptr);
  EXPECT_EQ(render_path(prepared), "scene-simd/" + sphere_kernel_target());
  EXPECT_NE(render_path(prepare_scene(scene, Accel::kBvh)).find("+bvh"), std::string::npos);
  EXPECT_EQ(render(scene, 97, 61, 16, 16, render_tile),
            render(scene, 97, 61, 16, 16, render_tile_reference));
}

// One pixel may cost a millisecond (25 spheres, 20,000 lights: a 1920x16 tile takes seconds),
// yet a stop request ends the tile at once, with Interrupted. Each path is checked in a child
// process, since the request is process-wide and final.
TEST(SceneKernelDeathTest, StopRequestEndsAnExpensiveTile) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  std::mt19937_64 rng(25);
  Scene scene = random_scene(rng, 25);
  scene.lights.assign(20000, Light{.position = {-3.0, -4.0, -2.0}, .intensity = 1e-4});
  for (const Accel accel : {Accel::kAuto, Accel::kBvh, Accel::kNone}) {
    const auto run = [&] {
      const RenderScene prepared = prepare_scene(scene, accel);
      Frame frame(1920, 16);
      std::thread stopper([] {
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        interrupt::request(SIGINT);
      });
      int code = 1;
      try {
        KernelContext context{interrupt::stop_token()};
        render_tile(prepared, {0, 0, 1920, 16}, frame, context);
      } catch (const interrupt::Interrupted& e) {
        code = e.signal_number == SIGINT ? 42 : 2;
      }
      stopper.join();
      std::exit(code);
    };
    SCOPED_TRACE(accel_name(accel));
    EXPECT_EXIT(run(), ::testing::ExitedWithCode(42), "");
  }
}

}  // namespace
}  // namespace rtcli

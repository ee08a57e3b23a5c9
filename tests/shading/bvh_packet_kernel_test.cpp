// The packet kernel (hierarchies walked once per packet, exact leaves) against brute-force
// shade_pixel, on every instruction set this processor can run.
#include "shading/bvh_packet_kernel.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

#include "render_compare.h"
#include "scene/scene_loader.h"
#include "shading/random_scene.h"
#include "shading/render_scene.h"
#include "shading/shade.h"
#include "shading/tile_renderer.h"

namespace rtcli {
namespace {

std::vector<std::uint8_t> packets(const RenderScene& scene, int width, int height, int tile_w,
                                  int tile_h) {
  Frame frame(width, height);
  const TileGrid grid(width, height, tile_w, tile_h);
  KernelContext context;
  for (int i = 0; i < grid.count(); ++i)
    render_tile_bvh_packets(scene, grid.bounds(i), frame, context);
  return {frame.data(), frame.data() + Frame::bytes(width, height)};
}

std::vector<std::uint8_t> brute_force(const Scene& scene, int width, int height) {
  return render(scene, width, height, width, height, render_tile_reference);
}

// Many small spheres, so that the trees have depth, with the random scenes' overlaps, ties,
// cut spheres and lights inside and among spheres.
Scene many_spheres(std::mt19937_64& rng, int count) {
  Scene scene = random_scene(rng, count);
  const double shrink = 3.0 / std::sqrt(static_cast<double>(count));
  for (Sphere& s : scene.spheres) s.radius *= shrink;
  return scene;
}

TEST(BvhPacketKernel, RandomScenesEqualBruteForce) {
  for_each_target([&] {
    std::mt19937_64 rng(4242);
    for (int i = 0; i < 40; ++i) {
      const Scene scene = many_spheres(rng, 20 + static_cast<int>(rng() % 300));
      const RenderScene prepared = prepare_scene(scene, Accel::kBvh);
      ASSERT_TRUE(bvh_packet_kernel_accepts(prepared));
      const int width = 1 + static_cast<int>(rng() % 100);
      const int height = 1 + static_cast<int>(rng() % 40);
      const int tile_w = 1 + static_cast<int>(rng() % 80);
      const int tile_h = 1 + static_cast<int>(rng() % 20);
      SCOPED_TRACE("scene " + std::to_string(i) + " at " + std::to_string(width) + "x" +
                   std::to_string(height));
      ASSERT_EQ(packets(prepared, width, height, tile_w, tile_h),
                brute_force(scene, width, height));
    }
  });
}

// field-10000 (the profile the packets are for): against brute force on a small frame, and
// against the scalar walk of the same hierarchies on a larger one.
TEST(BvhPacketKernel, FieldProfileEqualsBruteForceAndTheScalarWalk) {
  const Scene scene = load_scene_file(RTCLI_SOURCE_DIR "/profiles/field-10000.json");
  const RenderScene prepared = prepare_scene(scene);
  ASSERT_TRUE(bvh_packet_kernel_accepts(prepared));
  EXPECT_EQ(render_path(prepared), "packet-simd+bvh/" + sphere_kernel_target());
  const auto exact = brute_force(scene, 48, 27);
  Frame scalar(320, 180);
  const TileGrid grid(320, 180, 4096, 16);
  for (int i = 0; i < grid.count(); ++i)
    render_tile_scalar(prepared, grid.bounds(i), scalar, StopToken());
  const std::vector<std::uint8_t> walked(scalar.data(), scalar.data() + Frame::bytes(320, 180));
  for_each_target([&] {
    EXPECT_EQ(packets(prepared, 48, 27, 4096, 16), exact);
    EXPECT_EQ(packets(prepared, 320, 180, 4096, 16), walked);
    EXPECT_EQ(packets(prepared, 320, 180, 37, 5), walked);
  });
}

// A light exactly on a hit point projects into no face (zero offset): that lane takes the scalar
// query. Lights on the diagonals between faces split a vector's lanes across faces.
TEST(BvhPacketKernel, LightsOnHitPointsAndBetweenFacesEqualBruteForce) {
  std::mt19937_64 rng(77);
  Scene scene = many_spheres(rng, 120);
  constexpr int kWidth = 40;
  constexpr int kHeight = 30;
  int on_surface = 0;
  for (int y = 3; y < kHeight && on_surface < 3; y += 7)
    for (int x = 5; x < kWidth && on_surface < 3; x += 11) {
      const Vec3 origin = screen_point(scene.window, x, y, kWidth, kHeight);
      const auto hit = nearest_hit(scene, origin, {0.0, 0.0, 1.0});
      if (!hit) continue;
      scene.lights.push_back({.position = origin + Vec3{0.0, 0.0, 1.0} * hit->t, .intensity = 0.5});
      ++on_surface;
    }
  ASSERT_EQ(on_surface, 3);
  const ScreenWindow& w = scene.window;
  const Vec3 middle{w.x + w.width / 2, w.y + w.height / 2, w.z + 6.0};
  scene.lights.push_back({.position = middle, .intensity = 0.4});  // faces meet at the diagonals
  const RenderScene prepared = prepare_scene(scene, Accel::kBvh);
  for_each_target([&] {
    EXPECT_EQ(packets(prepared, kWidth, kHeight, 16, 4), brute_force(scene, kWidth, kHeight));
  });
}

TEST(BvhPacketKernel, NeedsHierarchiesAndModerateNumbers) {
  std::mt19937_64 rng(5);
  const Scene scene = many_spheres(rng, 80);
  EXPECT_FALSE(bvh_packet_kernel_accepts(prepare_scene(scene, Accel::kNone)));
  EXPECT_TRUE(bvh_packet_kernel_accepts(prepare_scene(scene, Accel::kAuto)));
  Scene huge = scene;
  huge.lights.push_back({.position = {0.0, 0.0, 1e151}});
  EXPECT_FALSE(bvh_packet_kernel_accepts(prepare_scene(huge, Accel::kBvh)));
}

}  // namespace
}  // namespace rtcli

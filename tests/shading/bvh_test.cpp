// The sphere hierarchy must answer exactly as the brute-force loops do: same hit, same t, same
// tie-break, same shadows. Random scenes and rays (fixed seeds), plus the awkward cases.
#include "shading/bvh.h"

#include <gtest/gtest.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "png/render_job.h"
#include "scene/scene_loader.h"
#include "shading/scene_kernel.h"
#include "shading/shade.h"
#include "shading/sphere_intersection.h"
#include "test_support.h"

namespace rtcli {
namespace {

constexpr Vec3 kForward{0.0, 0.0, 1.0};

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  double uniform(double lo, double hi) { return std::uniform_real_distribution<>(lo, hi)(engine_); }
  int below(int n) { return std::uniform_int_distribution<>(0, n - 1)(engine_); }
  Vec3 point(double lo, double hi) { return {uniform(lo, hi), uniform(lo, hi), uniform(lo, hi)}; }
  Vec3 unit() {
    while (true) {
      const Vec3 v = point(-1.0, 1.0);
      const double len2 = dot(v, v);
      if (len2 > 1e-6 && len2 <= 1.0) return normalise(v);
    }
  }

 private:
  std::mt19937_64 engine_;
};

// A scene mixing what could trip the hierarchy: duplicates and shared centres (ties), spheres
// around the screen plane z = 0 (the t >= 0 rule), tiny and huge radii, spheres behind the
// screen. The window is the seed's 8x6 at z = 0.
Scene random_scene(Random& rng, int count) {
  Scene scene = seed_scene();
  scene.spheres.clear();
  for (int i = 0; i < count; ++i) {
    const int kind = rng.below(10);
    Sphere s{rng.point(-2.0, 10.0), rng.uniform(0.05, 2.0), {255, 255, 255}};
    s.centre.z = rng.uniform(-3.0, 20.0);
    if (kind == 0 && i > 0) s = scene.spheres[static_cast<std::size_t>(rng.below(i))];  // copy
    if (kind == 1 && i > 0) s.centre = scene.spheres[static_cast<std::size_t>(rng.below(i))].centre;
    if (kind == 2) s.centre.z = rng.uniform(-1.0, 1.0);  // holds the screen plane
    if (kind == 3) s.radius = rng.uniform(1e-6, 1e-3);   // tiny
    if (kind == 4 && rng.below(4) == 0) s.radius = rng.uniform(50.0, 1000.0);  // huge
    scene.spheres.push_back(s);
  }
  scene.lights = {{rng.point(-5.0, 15.0), 1.0}, {{4.0, -10.0, -5.0}, 0.5}};
  return scene;
}

// A unit vector with one or two components exactly zero: the box test's flat-axis case.
Vec3 axis_plane_unit(Random& rng) {
  Vec3 v = rng.unit();
  if (rng.below(2) == 0) v.x = 0.0;
  if (rng.below(2) == 0) v.y = 0.0;
  if (v.x != 0.0 && v.y != 0.0) v.z = 0.0;
  if (dot(v, v) == 0.0) v.z = -1.0;
  return normalise(v);
}

void expect_same_hit(const std::optional<Hit>& expected, const std::optional<Hit>& actual,
                     const std::string& where) {
  ASSERT_EQ(expected.has_value(), actual.has_value()) << where;
  if (!expected) return;
  EXPECT_EQ(expected->sphere, actual->sphere) << where;
  EXPECT_EQ(std::bit_cast<std::uint64_t>(expected->t), std::bit_cast<std::uint64_t>(actual->t))
      << where << ": t " << expected->t << " vs " << actual->t;
}

// The brute-force shadow loop of shade.cpp, over the scene's spheres in index order.
bool blocked_brute_force(const Scene& scene, int self, Vec3 point, Vec3 to_light) {
  for (int i = 0; i < static_cast<int>(scene.spheres.size()); ++i) {
    const Sphere& s = scene.spheres[static_cast<std::size_t>(i)];
    if (i != self && sphere_blocks_segment(s.centre, s.radius, point, to_light)) return true;
  }
  return false;
}

TEST(SphereBvh, NearestHitEqualsBruteForceOnRandomScenes) {
  Random rng(20261124);
  int hits = 0;
  int rays = 0;
  for (int count : {1, 2, 3, 5, 9, 17, 64, 300, 2000}) {
    for (int trial = 0; trial < 4; ++trial) {
      const Scene plain = random_scene(rng, count);
      const RenderScene fast = prepare_scene(plain, 1);
      ASSERT_NE(fast.bvh, nullptr);
      for (int r = 0; r < 3000; ++r) {
        // Screen rays along +z, as the renderer casts them, and rays in any direction.
        const bool screen = r % 2 == 0;
        const Vec3 origin =
            screen ? Vec3{rng.uniform(-1.0, 9.0), rng.uniform(-1.0, 7.0), 0.0} : rng.point(-5, 15);
        const Vec3 direction = screen ? kForward : r % 6 == 1 ? axis_plane_unit(rng) : rng.unit();
        const auto expected = nearest_hit(plain, origin, direction);
        hits += expected.has_value();
        ++rays;
        expect_same_hit(expected, nearest_hit(fast, origin, direction),
                        std::to_string(count) + " spheres, ray " + std::to_string(r));
        if (HasFailure()) return;
      }
    }
  }
  // Both outcomes well represented, or the comparison proves little.
  EXPECT_GT(hits, rays / 10);
  EXPECT_LT(hits, rays - rays / 10);
}

TEST(SphereBvh, ShadowQueryEqualsBruteForceOnRandomScenes) {
  Random rng(7);
  int blocked = 0;
  int queries = 0;
  for (int count : {2, 3, 9, 40, 500, 2000}) {
    for (int trial = 0; trial < 4; ++trial) {
      const Scene plain = random_scene(rng, count);
      const auto bvh = SphereBvh::build(plain);
      ASSERT_NE(bvh, nullptr);
      for (int r = 0; r < 3000; ++r) {
        // From a point on a sphere (as shading does) or anywhere, to a light or anywhere.
        const int self = rng.below(count);
        const Sphere& s = plain.spheres[static_cast<std::size_t>(self)];
        const Vec3 point = r % 3 == 0 ? rng.point(-5, 15) : s.centre + rng.unit() * s.radius;
        const Vec3 light = r % 2 == 0 ? plain.lights[0].position : rng.point(-5, 15);
        const Vec3 to_light = r % 7 == 1 ? axis_plane_unit(rng) * 20.0 : light - point;
        const bool expected = blocked_brute_force(plain, self, point, to_light);
        blocked += expected;
        ++queries;
        ASSERT_EQ(bvh->segment_blocked(self, point, to_light), expected)
            << count << " spheres, query " << r;
        ASSERT_EQ(bvh->segment_blocked(-1, point, to_light),
                  blocked_brute_force(plain, -1, point, to_light))
            << count << " spheres, query " << r << " with no sphere skipped";
      }
    }
  }
  EXPECT_GT(blocked, queries / 10);
  EXPECT_LT(blocked, queries - queries / 10);
}

// Shadow rays to a scene light go through that light's cube faces, whether the light is
// outside the spheres or among them; the answers must not differ from brute force.
TEST(SphereBvh, ShadowQueryThroughALightsTreeEqualsBruteForce) {
  Random rng(8);
  int blocked = 0;
  int queries = 0;
  for (int count : {2, 9, 40, 500, 3000}) {
    Scene plain = random_scene(rng, count);
    for (Sphere& s : plain.spheres) s.radius = std::min(s.radius, 3.0);  // no huge spheres
    plain.lights = {{{4.0, -30.0, 2.0}, 1.0},
                    {{-40.0, 3.0, 8.0}, 1.0},
                    {{5.0, 5.0, -60.0}, 1.0},
                    {{4.0, 3.0, 8.0}, 1.0}};  // the last is among the spheres
    const RenderScene fast = prepare_scene(plain, 1);
    // Every sphere is in some face of every light, projected or kept aside.
    for (int light = 0; light < 4; ++light) {
      std::vector<bool> seen(plain.spheres.size(), false);
      for (const SphereBvh::LightFace& face : fast.bvh->light_view(light).faces)
        for (const SphereBvh::Tree* part : {&face.tree, &face.close})
          for (std::uint32_t i : part->sphere_index) seen[i] = true;
      EXPECT_EQ(std::count(seen.begin(), seen.end(), true), count) << "light " << light;
    }
    for (int r = 0; r < 4000; ++r) {
      const int light = r % 4;
      const int self = rng.below(count);
      const Sphere& s = plain.spheres[static_cast<std::size_t>(self)];
      // From a sphere's surface, as shading does, or from anywhere (even behind the light).
      const Vec3 point = r % 5 == 0 ? rng.point(-70, 70) : s.centre + rng.unit() * s.radius;
      const Vec3 to_light = plain.lights[static_cast<std::size_t>(light)].position - point;
      const bool expected = blocked_brute_force(plain, self, point, to_light);
      blocked += expected;
      ++queries;
      ASSERT_EQ(fast.bvh->segment_blocked(self, point, to_light, light), expected)
          << count << " spheres, light " << light << ", query " << r;
    }
  }
  EXPECT_GT(blocked, queries / 10);
  EXPECT_LT(blocked, queries - queries / 10);
}

// Blockers on the edges between a light's cube faces, and shadow rays along those edges: the
// face a query picks must hold every sphere that could block it.
TEST(SphereBvh, ShadowRaysAlongTheEdgesOfALightsCubeFaces) {
  Random rng(13);
  Scene plain = seed_scene();
  plain.spheres.clear();
  const Vec3 light{1.0, -2.0, 3.0};
  plain.lights = {{light, 1.0}};
  std::vector<Vec3> directions;
  for (int i = 0; i < 300; ++i) {
    // Two components of equal size (a face edge), or all three (a cube corner).
    Vec3 d{rng.below(2) ? 1.0 : -1.0, rng.below(2) ? 1.0 : -1.0, rng.uniform(-1.0, 1.0)};
    if (i % 3 == 0) d.z = rng.below(2) ? 1.0 : -1.0;
    if (i % 4 == 1) std::swap(d.x, d.z);
    if (i % 4 == 2) std::swap(d.y, d.z);
    directions.push_back(d);
    plain.spheres.push_back({light + d * rng.uniform(2.0, 6.0), rng.uniform(0.01, 0.3), {}});
  }
  const RenderScene fast = prepare_scene(plain, 1);
  int blocked = 0;
  for (std::size_t i = 0; i < directions.size(); ++i) {
    for (double nudge : {0.0, 1e-12, -1e-12, 1e-3, -1e-3}) {
      const Vec3 d = directions[i] + Vec3{nudge, -nudge, nudge};
      const Vec3 point = light + d * 8.0;
      const Vec3 to_light = light - point;
      const bool expected = blocked_brute_force(plain, -1, point, to_light);
      blocked += expected;
      ASSERT_EQ(fast.bvh->segment_blocked(-1, point, to_light, 0), expected)
          << "direction " << i << ", nudge " << nudge;
    }
  }
  EXPECT_GT(blocked, 300);
}

// Rays that graze a silhouette by a few units in the last place: where rounding decides
// between hit and miss, the hierarchy must not have pruned the sphere.
TEST(SphereBvh, GrazingRaysDecideAsBruteForceDoes) {
  Random rng(99);
  const Scene plain = random_scene(rng, 200);
  const RenderScene fast = prepare_scene(plain, 1);
  int hits = 0;
  int misses = 0;
  for (std::size_t i = 0; i < plain.spheres.size(); ++i) {
    const Sphere& s = plain.spheres[i];
    for (int k = 0; k < 40; ++k) {
      const double angle = rng.uniform(0.0, 6.283185307179586);
      const double reach = s.radius * (1.0 + (k - 20) * 1e-15);
      const Vec3 origin{s.centre.x + reach * std::cos(angle), s.centre.y + reach * std::sin(angle),
                        0.0};
      const auto expected = nearest_hit(plain, origin, kForward);
      (expected ? hits : misses) += 1;
      expect_same_hit(expected, nearest_hit(fast, origin, kForward),
                      "grazing sphere " + std::to_string(i));
      // A segment tangent to the sphere from a far point.
      const Vec3 side = normalise(Vec3{-std::sin(angle), std::cos(angle), 0.0});
      const Vec3 touch = s.centre + Vec3{std::cos(angle), std::sin(angle), 0.0} * reach;
      const Vec3 from = touch - side * 30.0;
      const Vec3 to_light = side * 60.0;
      ASSERT_EQ(fast.bvh->segment_blocked(-1, from, to_light),
                blocked_brute_force(plain, -1, from, to_light))
          << "tangent to sphere " << i;
      if (HasFailure()) return;
    }
  }
  EXPECT_GT(hits, 0);
  EXPECT_GT(misses, 0);
}

// Far from the screen, a tiny sphere's r*r is below the rounding of d.d, so the seed's test
// reports hits well outside the sphere (here up to ~7 radii), and the shadow test blocks
// segments well beside it. Boxes around the true spheres would prune those; the padded ones
// must not.
TEST(SphereBvh, RoundingWidenedHitsFarFromTheScreenAreKept) {
  Random rng(42);
  Scene plain = seed_scene();
  plain.window.z = -1e5;
  plain.spheres.clear();
  for (int i = 0; i < 64; ++i)
    plain.spheres.push_back(
        {{rng.uniform(0.0, 8.0), rng.uniform(0.0, 6.0), rng.uniform(0.0, 2.0)}, 1e-4, {}});
  plain.lights = {{{4.0, 3.0, 1e5}, 1.0}};
  const RenderScene fast = prepare_scene(plain, 1);
  ASSERT_NE(fast.bvh, nullptr);
  int widened = 0;
  int widened_shadows = 0;
  for (std::size_t i = 0; i < plain.spheres.size(); ++i) {
    const Sphere& s = plain.spheres[i];
    for (int k = 0; k < 100; ++k) {
      const double angle = rng.uniform(0.0, 6.283185307179586);
      const double reach = s.radius * rng.uniform(0.5, 12.0);
      const Vec3 offset{reach * std::cos(angle), reach * std::sin(angle), 0.0};
      const Vec3 origin{s.centre.x + offset.x, s.centre.y + offset.y, plain.window.z};
      const auto expected = nearest_hit(plain, origin, kForward);
      widened += expected && reach > 1.5 * s.radius;
      expect_same_hit(expected, nearest_hit(fast, origin, kForward), "sphere " + std::to_string(i));
      // And a segment along z from the far screen, passing beside the sphere, in 3D.
      const Vec3 along_z = Vec3{origin.x, origin.y, 1e5} - origin;
      ASSERT_EQ(fast.bvh->segment_blocked(-1, origin, along_z),
                blocked_brute_force(plain, -1, origin, along_z))
          << "beside sphere " << i;
      // A segment from the screen to the light that passes beside the sphere, through the
      // light's own tree.
      const Vec3 light = plain.lights[0].position;
      const Vec3 beside = s.centre + offset;
      const double stretch = (plain.window.z - light.z) / (beside.z - light.z);
      const Vec3 from = light + (beside - light) * stretch;
      const Vec3 to_light = light - from;
      const bool blocked = blocked_brute_force(plain, -1, from, to_light);
      widened_shadows += blocked && reach > 1.5 * s.radius;
      ASSERT_EQ(fast.bvh->segment_blocked(-1, from, to_light, 0), blocked)
          << "beside sphere " << i << ", from the light";
      if (HasFailure()) return;
    }
  }
  EXPECT_GT(widened, 100) << "the case needs hits beyond the true silhouette";
  EXPECT_GT(widened_shadows, 100) << "and shadows beyond it";
}

TEST(SphereBvh, DuplicatesTieToTheLowestIndex) {
  Scene scene = seed_scene();
  scene.spheres.clear();
  for (int i = 0; i < 50; ++i) scene.spheres.push_back({{4.0, 3.0, 10.0 + (i % 5)}, 2.0, {}});
  // Sphere 0 is nearest; its copies at 5, 10, ... tie with it, and others tie among themselves.
  const RenderScene fast = prepare_scene(scene, 1);
  for (const Vec3 origin : {Vec3{4.0, 3.0, 0.0}, Vec3{5.5, 3.0, 0.0}, Vec3{4.0, 3.0, 11.5}}) {
    const auto hit = nearest_hit(fast, origin, kForward);
    expect_same_hit(nearest_hit(scene, origin, kForward), hit, "duplicates");
  }
  EXPECT_EQ(nearest_hit(fast, {4.0, 3.0, 0.0}, kForward)->sphere, 0);
}

TEST(SphereBvh, ScreenInsideASphereTakesTheFarRoot) {
  Scene scene = seed_scene();
  scene.spheres.clear();
  scene.spheres.push_back({{4.0, 3.0, 0.5}, 2.0, {}});   // holds the screen: far root 2.5
  scene.spheres.push_back({{4.0, 3.0, -5.0}, 1.0, {}});  // wholly behind: never hit
  for (int i = 0; i < 20; ++i) scene.spheres.push_back({{20.0 + i, 20.0, 5.0}, 0.5, {}});
  const RenderScene fast = prepare_scene(scene, 1);
  const auto hit = nearest_hit(fast, {4.0, 3.0, 0.0}, kForward);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->sphere, 0);
  EXPECT_EQ(hit->t, 2.5);
}

TEST(SphereBvh, FullFramesEqualBruteForce) {
  Random rng(3);
  for (int count : {8, 30, 400}) {
    Scene plain = random_scene(rng, count);
    plain.lights.push_back({{8.0, 8.0, -2.0}, 0.4});
    const RenderScene fast = prepare_scene(plain, 1);
    std::size_t differing = 0;
    std::size_t hit_pixels = 0;
    for (int y = 0; y < 60; ++y)
      for (int x = 0; x < 80; ++x) {
        const PixelResult expected = shade_pixel(plain, x, y, 80, 60);
        const PixelResult actual = shade_pixel(fast, x, y, 80, 60);
        differing += !(expected.colour == actual.colour) || expected.hit != actual.hit;
        hit_pixels += expected.hit;
      }
    EXPECT_EQ(differing, 0u) << count << " spheres";
    EXPECT_GT(hit_pixels, 0u);
  }
}

std::shared_ptr<const SphereBvh> build_with_threads(const Scene& scene, int threads) {
  tbb::task_arena arena(threads);
  return arena.execute([&] { return SphereBvh::build(scene); });
}

TEST(SphereBvh, BuildIsTheSameWhateverTheThreadCount) {
  Random rng(11);
  const Scene scene = random_scene(rng, 20000);
  const auto one = build_with_threads(scene, 1);
  ASSERT_NE(one, nullptr);
  for (const SphereBvh::Tree* tree : {&one->screen_tree(), &one->space_tree()}) {
    EXPECT_GT(tree->nodes.size(), 1000u);
    EXPECT_LE(tree->depth, SphereBvh::kMaxDepth);
  }
  for (int threads : {2, 4, 8}) {
    const auto many = build_with_threads(scene, threads);
    EXPECT_TRUE(many->screen_tree().nodes == one->screen_tree().nodes) << threads << " threads";
    EXPECT_EQ(many->screen_tree().sphere_index, one->screen_tree().sphere_index);
    EXPECT_TRUE(many->space_tree().nodes == one->space_tree().nodes) << threads << " threads";
    EXPECT_EQ(many->space_tree().sphere_index, one->space_tree().sphere_index);
  }
}

TEST(SphereBvh, EverySphereIsInExactlyOneLeafOfEachTree) {
  Random rng(5);
  const Scene scene = random_scene(rng, 1000);
  const auto bvh = SphereBvh::build(scene);
  for (const SphereBvh::Tree* tree : {&bvh->screen_tree(), &bvh->space_tree()}) {
    std::vector<std::uint32_t> order = tree->sphere_index;
    std::sort(order.begin(), order.end());
    for (std::uint32_t i = 0; i < order.size(); ++i) ASSERT_EQ(order[i], i);
    std::size_t in_leaves = 0;
    for (const SphereBvh::Node& n : tree->nodes) in_leaves += n.count;
    EXPECT_EQ(in_leaves, scene.spheres.size());
  }
}

// Skewed spheres: exponentially spaced centres, which the area heuristic peels one at a time.
TEST(SphereBvh, DepthStaysWithinTheQueryStack) {
  Scene scene = seed_scene();
  scene.spheres.clear();
  for (int i = 0; i < 3000; ++i)
    scene.spheres.push_back({{std::pow(1.01, i), 3.0, 10.0}, 0.001 * std::pow(1.01, i), {}});
  const auto bvh = SphereBvh::build(scene);
  ASSERT_NE(bvh, nullptr);
  EXPECT_LE(bvh->screen_tree().depth, SphereBvh::kMaxDepth);
  EXPECT_LE(bvh->space_tree().depth, SphereBvh::kMaxDepth);
  const RenderScene fast = prepare_scene(scene, 1);
  for (int i = 0; i < 3000; i += 7) {
    const Vec3 origin{std::pow(1.01, i), 3.0, 0.0};
    expect_same_hit(nearest_hit(scene, origin, kForward), nearest_hit(fast, origin, kForward),
                    "skewed sphere " + std::to_string(i));
  }
}

TEST(SphereBvh, OutOfRangeScalesAreLeftToBruteForce) {
  Scene huge = seed_scene();
  huge.spheres.push_back({{1e31, 0.0, 10.0}, 1.0, {}});
  EXPECT_EQ(SphereBvh::build(huge), nullptr);
  Scene tiny = seed_scene();
  tiny.window = {0.0, 0.0, 1e-40, 1e-40, 0.0};
  tiny.lights = {{{0.0, 0.0, 0.0}, 1.0}};
  tiny.spheres = {{{0.0, 0.0, 1e-38}, 1e-39, {}}, {{0.0, 0.0, 2e-38}, 1e-39, {}}};
  EXPECT_EQ(SphereBvh::build(tiny), nullptr);
  EXPECT_EQ(SphereBvh::build(Scene{}), nullptr);
  EXPECT_EQ(prepare_scene(huge, 1).bvh, nullptr);  // and the scene still renders, brute force
}

TEST(PrepareScene, AttachesAHierarchyFromTheThreshold) {
  Scene scene = seed_scene();
  scene.spheres.assign(kBvhMinSpheres - 1, scene.spheres.front());
  EXPECT_EQ(prepare_scene(scene, kBvhMinSpheres).bvh, nullptr);
  scene.spheres.push_back(scene.spheres.front());
  EXPECT_NE(prepare_scene(scene, kBvhMinSpheres).bvh, nullptr);
}

TEST(PrepareScene, AccelTurnsTheHierarchyOnAndOff) {
  Scene scene = seed_scene();
  scene.spheres.assign(kBvhMinSpheres, scene.spheres.front());
  EXPECT_EQ(prepare_scene(scene, Accel::kNone).bvh, nullptr);
  EXPECT_EQ(prepare_scene(scene, Accel::kAuto).bvh, nullptr);  // the scene kernel's
  EXPECT_NE(prepare_scene(scene, Accel::kBvh).bvh, nullptr);
  scene.spheres.assign(kSceneKernelMaxSpheres + 1, scene.spheres.front());
  EXPECT_NE(prepare_scene(scene, Accel::kAuto).bvh, nullptr);
  scene.spheres.resize(1);
  EXPECT_EQ(prepare_scene(scene, Accel::kAuto).bvh, nullptr);
  EXPECT_NE(prepare_scene(scene, Accel::kBvh).bvh, nullptr);
  scene.spheres.clear();
  EXPECT_EQ(prepare_scene(scene, Accel::kBvh).bvh, nullptr);
}

std::vector<std::filesystem::path> profiles() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(RTCLI_SOURCE_DIR) / "profiles"))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::uint8_t> render_rgb(const Scene& scene, Accel accel,
                                     const std::filesystem::path& out) {
  FrameSpec settings;
  settings.width = 96;
  settings.height = 54;
  settings.checkpoints = {};
  settings.scene = scene;
  settings.accel = accel;
  render_to_directory(settings, out);
  const auto image = test::read_png(out / "final.png");
  if (!image) ADD_FAILURE() << "no final.png in " << out;
  return image ? image->rgb : std::vector<std::uint8_t>{};
}

TEST(Profiles, EveryProfileLoadsAndRendersTheSameWithAndWithoutTheHierarchy) {
  const auto files = profiles();
  ASSERT_GE(files.size(), 4u) << "seed, showcase and the two sphere fields";
  for (const auto& file : files) {
    SCOPED_TRACE(file.filename().string());
    const Scene scene = load_scene_file(file);
    test::TempDir dir;
    const std::vector<std::uint8_t> fast = render_rgb(scene, Accel::kAuto, dir / "auto");
    EXPECT_EQ(render_rgb(scene, Accel::kNone, dir / "none"), fast);
    EXPECT_EQ(render_rgb(scene, Accel::kBvh, dir / "bvh"), fast);
  }
}

TEST(Profiles, SphereFieldsHoldTheirCounts) {
  EXPECT_EQ(load_scene_file(std::filesystem::path(RTCLI_SOURCE_DIR) / "profiles/field-10.json")
                .spheres.size(),
            10u);
  EXPECT_EQ(load_scene_file(std::filesystem::path(RTCLI_SOURCE_DIR) / "profiles/field-10000.json")
                .spheres.size(),
            10000u);
}

}  // namespace
}  // namespace rtcli

#include "shading/shade.h"

#include <gtest/gtest.h>

namespace rtcli {
namespace {

constexpr Vec3 kForward{0.0, 0.0, 1.0};

TEST(Intersect, NearerRootOfASphereAhead) {
  const Sphere s{{0.0, 0.0, 10.0}, 2.0, {}};
  const auto t = intersect(s, {0.0, 0.0, 0.0}, kForward);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(*t, 8.0);
}

TEST(Intersect, MissesBesideTheSphere) {
  const Sphere s{{0.0, 0.0, 10.0}, 2.0, {}};
  EXPECT_FALSE(intersect(s, {2.5, 0.0, 0.0}, kForward).has_value());
}

TEST(Intersect, FromInsideTheFarRootWins) {
  const Sphere s{{0.0, 0.0, 1.0}, 2.0, {}};
  const auto t = intersect(s, {0.0, 0.0, 0.0}, kForward);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(*t, 3.0);
}

TEST(Intersect, BehindTheScreenIsAMiss) {
  const Sphere s{{0.0, 0.0, -10.0}, 2.0, {}};
  EXPECT_FALSE(intersect(s, {0.0, 0.0, 0.0}, kForward).has_value());
}

TEST(NearestHit, NearestSphereWinsAndTiesGoToTheFirst) {
  Scene scene = seed_scene();
  scene.spheres = {{{0, 0, 20}, 1, {}}, {{0, 0, 10}, 1, {}}, {{0, 0, 10}, 1, {}}};
  const auto hit = nearest_hit(scene, {0, 0, 0}, kForward);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->sphere, 1);
  EXPECT_EQ(hit->t, 9.0);
}

// Pixels read from the seed program's own 3000.png (800x600).
struct KnownPixel {
  int x, y;
  Rgb8 colour;
  bool hit;
};

class SeedPixel : public ::testing::TestWithParam<KnownPixel> {};

TEST_P(SeedPixel, MatchesTheOriginalProgram) {
  const KnownPixel p = GetParam();
  const PixelResult result = shade_pixel(seed_scene(), p.x, p.y, 800, 600);
  EXPECT_EQ(result.colour, p.colour) << "pixel " << p.x << "," << p.y;
  EXPECT_EQ(result.hit, p.hit);
}

INSTANTIATE_TEST_SUITE_P(Seed, SeedPixel,
                         ::testing::Values(KnownPixel{0, 0, {100, 100, 100}, false},
                                           KnownPixel{400, 300, {50, 0, 0}, true},
                                           KnownPixel{300, 200, {30, 0, 0}, true},
                                           KnownPixel{210, 300, {30, 0, 0}, true},
                                           KnownPixel{580, 300, {172, 0, 0}, true},
                                           KnownPixel{400, 101, {65, 0, 0}, true},
                                           KnownPixel{500, 150, {227, 0, 0}, true},
                                           KnownPixel{799, 599, {100, 100, 100}, false}));

TEST(ShadeHit, AnotherSphereCastsAShadow) {
  Scene scene = seed_scene();
  scene.lights = {{{4.0, 3.0, -100.0}, 1.0}};  // straight behind the screen
  const PixelResult lit = shade_pixel(scene, 400, 300, 800, 600);
  // Behind the screen, so primary rays never hit it, but between the light and the sphere.
  scene.spheres.push_back({{4.0, 3.0, -50.0}, 1.0, {0, 0, 255}});
  const PixelResult shadowed = shade_pixel(scene, 400, 300, 800, 600);
  EXPECT_EQ(lit.colour.r, 255);
  EXPECT_EQ(shadowed.colour.r, 30);  // only the ambient floor is left
}

TEST(ShadeHit, LightsAddUpAndClampAt255) {
  Scene scene = seed_scene();
  scene.lights = {{{4.0, 3.0, -100.0}, 0.75}, {{4.0, 3.0, -100.0}, 0.75}};
  EXPECT_EQ(shade_pixel(scene, 400, 300, 800, 600).colour.r, 255);
  scene.lights.pop_back();
  EXPECT_EQ(shade_pixel(scene, 400, 300, 800, 600).colour.r, 191);  // trunc(0.75 * 255)
}

}  // namespace
}  // namespace rtcli

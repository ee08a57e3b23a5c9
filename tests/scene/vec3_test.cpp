#include "scene/vec3.h"

#include <gtest/gtest.h>

namespace rtcli {
namespace {

TEST(Vec3, ArithmeticIsComponentwise) {
  const Vec3 a{1.0, 2.0, 3.0};
  const Vec3 b{0.5, -1.0, 4.0};
  const Vec3 sum = a + b;
  const Vec3 diff = a - b;
  const Vec3 scaled = a * 2.0;
  EXPECT_EQ(sum.x, 1.5);
  EXPECT_EQ(sum.y, 1.0);
  EXPECT_EQ(sum.z, 7.0);
  EXPECT_EQ(diff.x, 0.5);
  EXPECT_EQ(diff.y, 3.0);
  EXPECT_EQ(diff.z, -1.0);
  EXPECT_EQ(scaled.z, 6.0);
}

TEST(Vec3, DotSumsLeftToRight) {
  // (1e16 + 1) rounds back to 1e16, so the order of the sum shows in the result.
  const Vec3 a{1e16, 1.0, -1e16};
  const Vec3 ones{1.0, 1.0, 1.0};
  EXPECT_EQ(dot(a, ones), (1e16 + 1.0) + -1e16);
  EXPECT_EQ(dot(a, ones), 0.0);
}

TEST(Vec3, NormaliseScalesByReciprocalLength) {
  const Vec3 a{3.0, 0.0, 4.0};
  const Vec3 n = normalise(a);
  EXPECT_EQ(n.x, 3.0 * (1.0 / 5.0));
  EXPECT_EQ(n.z, 4.0 * (1.0 / 5.0));
  EXPECT_NEAR(dot(n, n), 1.0, 1e-15);
}

}  // namespace
}  // namespace rtcli

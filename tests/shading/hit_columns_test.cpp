// hit_columns: the columns of a row where a sphere's hit test passes form one interval, and
// the binary search finds exactly it, for rows of any direction and scale.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

#include "shading/scene_kernel_setup.h"
#include "shading/sphere_kernel_setup.h"

namespace rtcli {
namespace {

TEST(HitColumns, EqualsTheScanOfEveryColumn) {
  std::mt19937_64 rng(17);
  const auto uniform = [&](double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng);
  };
  int nonempty = 0, partial = 0;
  for (int i = 0; i < 4000; ++i) {
    const double scale = std::pow(10.0, uniform(-140, 140));
    const ScreenWindow window{.x = uniform(-5, 5) * scale,
                              .y = 0.0,
                              .width = uniform(-20, 20) * scale * (i % 50 == 0 ? 0 : 1),
                              .height = 1.0,
                              .z = 0.0};
    const int width = 1 + static_cast<int>(rng() % 300);
    AxisTable columns;
    columns.update(AxisTable::Axis::kX, width, window, 0.0, 0);
    const double cx = window.x + uniform(-0.3, 1.3) * window.width;
    const double dy = uniform(-1, 1) * scale;
    const double dz = uniform(-10, 10) * scale;
    const double r = (i % 7 == 0 ? 1e-6 : uniform(0.01, 2)) * scale;
    const double dy2 = dy * dy, dz2 = dz * dz, r2 = r * r;
    const int x0 = static_cast<int>(rng() % width);
    const int x1 = x0 + 1 + static_cast<int>(rng() % (width - x0));
    const RowSpan span = hit_columns(columns.coordinate.data(), x0, x1, cx, dy2, dz2, r2);
    SCOPED_TRACE("case " + std::to_string(i));
    ASSERT_LE(x0, span.x0);
    ASSERT_LE(span.x0, span.x1);
    ASSERT_LE(span.x1, x1);
    for (int x = x0; x < x1; ++x) {
      const bool inside = x >= span.x0 && x < span.x1;
      ASSERT_EQ(
          !(hit_margin(columns.coordinate[static_cast<std::size_t>(x)], cx, dy2, dz2, r2) < 0),
          inside)
          << "column " << x << " of [" << x0 << ", " << x1 << "), span [" << span.x0 << ", "
          << span.x1 << ")";
    }
    nonempty += span.x0 < span.x1;
    partial += span.x0 < span.x1 && (span.x0 > x0 || span.x1 < x1);
  }
  EXPECT_GT(nonempty, 500);  // both outcomes, and spans that end inside the range
  EXPECT_GT(partial, 300);
}

}  // namespace
}  // namespace rtcli

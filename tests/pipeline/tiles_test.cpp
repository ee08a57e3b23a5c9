#include "pipeline/tiles.h"

#include <gtest/gtest.h>

#include <vector>

namespace rtcli {
namespace {

struct GridCase {
  int width, height, tile_width, tile_height;
};

class TileGridCoverage : public ::testing::TestWithParam<GridCase> {};

TEST_P(TileGridCoverage, EveryPixelExactlyOnce) {
  const GridCase c = GetParam();
  const TileGrid grid(c.width, c.height, c.tile_width, c.tile_height);
  std::vector<int> visits(static_cast<std::size_t>(c.width) * c.height, 0);
  for (int i = 0; i < grid.count(); ++i) {
    const TileBounds b = grid.bounds(i);
    ASSERT_GT(b.width(), 0);
    ASSERT_GT(b.height(), 0);
    ASSERT_LE(b.width(), c.tile_width);
    ASSERT_LE(b.height(), c.tile_height);
    for (int y = b.y0; y < b.y1; ++y)
      for (int x = b.x0; x < b.x1; ++x) ++visits[static_cast<std::size_t>(y) * c.width + x];
  }
  for (std::size_t i = 0; i < visits.size(); ++i) ASSERT_EQ(visits[i], 1) << "pixel " << i;
}

// The prefix rule, checked against its definition: a tile is needed iff its first pixel in
// scan order is inside the prefix.
TEST_P(TileGridCoverage, PrefixCoverageMatchesFirstPixels) {
  const GridCase c = GetParam();
  const TileGrid grid(c.width, c.height, c.tile_width, c.tile_height);
  const std::size_t total = static_cast<std::size_t>(c.width) * c.height;
  for (std::size_t pixels = 0; pixels <= total + 3; ++pixels) {
    int needed = 0;
    for (int i = 0; i < grid.count(); ++i) {
      const TileBounds b = grid.bounds(i);
      if (static_cast<std::size_t>(b.y0) * c.width + b.x0 < pixels) ++needed;
    }
    ASSERT_EQ(grid.tiles_covering_prefix(pixels), needed) << "prefix " << pixels;
  }
}

INSTANTIATE_TEST_SUITE_P(Shapes, TileGridCoverage,
                         ::testing::Values(GridCase{15, 14, 4, 4}, GridCase{16, 16, 4, 4},
                                           GridCase{1, 1, 64, 64}, GridCase{7, 3, 1, 1},
                                           GridCase{33, 17, 8, 5}, GridCase{20, 9, 20, 9},
                                           GridCase{5, 40, 64, 3}));

TEST(TileGrid, RaggedEdgesAreClipped) {
  const TileGrid grid(15, 14, 4, 4);
  EXPECT_EQ(grid.columns(), 4);
  EXPECT_EQ(grid.rows(), 4);
  const TileBounds last = grid.bounds(grid.count() - 1);
  EXPECT_EQ(last.x0, 12);
  EXPECT_EQ(last.y0, 12);
  EXPECT_EQ(last.width(), 3);
  EXPECT_EQ(last.height(), 2);
}

}  // namespace
}  // namespace rtcli

// BandLayout: bands are runs of whole strips that cover every strip once, at least a tile high.
#include "png/band_layout.h"

#include <gtest/gtest.h>

namespace rtcli {
namespace {

TEST(BandLayout, BandsAreWholeStripsCoveringEveryRowOnce) {
  for (const auto& [w, h, rows] : std::vector<std::tuple<int, int, int>>{{1, 1, 1},
                                                                         {4000, 3000, 16},
                                                                         {4000, 23, 7},
                                                                         {800, 600, 16},
                                                                         {16384, 100, 16},
                                                                         {13, 11, 3},
                                                                         {4000, 3000, 5000},
                                                                         {65536, 17, 16}}) {
    SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h) + " rows " + std::to_string(rows));
    const BandLayout layout(w, h, rows);
    int row = 0;
    int strip = 0;
    for (int band = 0; band < layout.count(); ++band) {
      EXPECT_EQ(layout.first_row(band), row);
      EXPECT_EQ(layout.first_strip(band), strip);
      EXPECT_LE(layout.end_row(band) - layout.first_row(band), layout.max_rows());
      // At least the asked rows, unless the frame is shorter, and never a strip too many.
      if (band + 1 < layout.count()) {
        EXPECT_GE(layout.end_row(band) - row, std::min(rows, h));
      }
      for (int s = layout.first_strip(band); s < layout.end_strip(band); ++s)
        EXPECT_EQ(layout.band_of_strip(s), band);
      row = layout.end_row(band);
      strip = layout.end_strip(band);
    }
    EXPECT_EQ(row, h);
    EXPECT_EQ(strip, layout.strips().count());
  }
}

TEST(BandLayout, TileHeightRoundsUpToWholeStrips) {
  EXPECT_EQ(BandLayout(4000, 3000, 16).max_rows(), 20);   // strips of 5 rows
  EXPECT_EQ(BandLayout(16384, 3000, 16).max_rows(), 16);  // strips of 1 row
  EXPECT_EQ(BandLayout(800, 600, 16).max_rows(), 26);     // one strip of 26 rows
  EXPECT_EQ(BandLayout(800, 10, 16).max_rows(), 10);      // no taller than the frame
}

}  // namespace
}  // namespace rtcli

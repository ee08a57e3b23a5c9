#include "system/bitmap_font.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "test_support.h"

namespace rtcli {
namespace {

TEST(BitmapFont, DrawsGlyphsAndClipsAtTheEdges) {
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(12) * 7 * 3, 0);
  const std::uint8_t white[3] = {255, 255, 255};
  draw_text(rgb.data(), 12, 7, 0, 0, " 1", 1, white);
  int lit_left = 0, lit_right = 0;
  for (int y = 0; y < 7; ++y)
    for (int x = 0; x < 12; ++x)
      (x < 6 ? lit_left : lit_right) += rgb[(static_cast<std::size_t>(y) * 12 + x) * 3] ? 1 : 0;
  EXPECT_EQ(lit_left, 0);    // a space
  EXPECT_EQ(lit_right, 10);  // the 1's ten pixels, within the 12-pixel-wide buffer
  draw_text(rgb.data(), 12, 7, -3, 5, "88", 3, white);  // partly outside: no write past it
}

// What the latency map's test reads its bar's labels with: it reads back what was drawn.
TEST(BitmapFont, TextReadsBackAtAnyScale) {
  for (const int scale : {1, 3}) {
    test::Image image{40 * 6 * scale, 9 * scale, {}};
    image.rgb.assign(static_cast<std::size_t>(image.width) * image.height * 3, 255);
    const std::uint8_t ink[3] = {32, 32, 32};
    draw_text(image.rgb.data(), image.width, image.height, scale, scale, "P99.9 1234 NS, LOG",
              scale, ink);
    EXPECT_EQ(test::read_text(image, scale, scale, scale, 19), "P99.9 1234 NS, LOG ");
    EXPECT_EQ(test::read_text(image, 0, scale, scale, 3), "???");  // off by a font pixel
  }
}

}  // namespace
}  // namespace rtcli

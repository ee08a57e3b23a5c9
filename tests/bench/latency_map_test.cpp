#include "bench/latency_map.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "bench/latency_map_bar.h"
#include "test_support.h"

namespace rtcli {
namespace {

TEST(LatencyMap, ColoursRunFromDarkToBrightAlongALogScaleAndClamp) {
  const LatencyMapScale scale{10.0, 1000.0, {}, {}};
  unsigned char low[3], below[3], mid[3], high[3], above[3];
  latency_colour(10.0, scale, low);
  latency_colour(1.0, scale, below);
  latency_colour(100.0, scale, mid);  // halfway on a log scale: the middle stop
  latency_colour(1000.0, scale, high);
  latency_colour(1e9, scale, above);
  EXPECT_EQ(std::vector<int>(low, low + 3), (std::vector<int>{68, 1, 84}));
  EXPECT_EQ(std::vector<int>(below, below + 3), std::vector<int>(low, low + 3));
  EXPECT_EQ(std::vector<int>(mid, mid + 3), (std::vector<int>{33, 145, 140}));
  EXPECT_EQ(std::vector<int>(high, high + 3), (std::vector<int>{253, 231, 37}));
  EXPECT_EQ(std::vector<int>(above, above + 3), std::vector<int>(high, high + 3));
  EXPECT_NE(scale.description().find("10.0 ns"), std::string::npos);
  EXPECT_NE(scale.description().find("1000.0 ns"), std::string::npos);
}

TEST(LatencyMap, ScaleSpansTheBulkOfTheSamples) {
  LatencyHistogram h;
  for (int i = 1; i <= 1000; ++i) h.record(i);
  const LatencyMapScale scale = default_latency_map_scale(h);
  EXPECT_NEAR(scale.min_ns, 10.0, 0.1);   // p1
  EXPECT_NEAR(scale.max_ns, 999.0, 4.0);  // p99.9
  EXPECT_EQ(scale.min_percentile, 1.0);
  EXPECT_EQ(scale.max_percentile, 99.9);
  EXPECT_NE(scale.description().find("p1 = 10.0 ns"), std::string::npos) << scale.description();
}

TEST(LatencyMap, AnEndMovedOffItsPercentileSaysSo) {
  LatencyHistogram h;
  for (int i = 0; i < 1000; ++i) h.record(0.25);  // p1 under 1 ns, p99.9 under twice 1 ns
  const LatencyMapScale scale = default_latency_map_scale(h);
  EXPECT_EQ(scale.min_ns, 1.0);
  EXPECT_EQ(scale.max_ns, 2.0);
  EXPECT_FALSE(scale.min_percentile);
  EXPECT_FALSE(scale.max_percentile);
  const LatencyBarLayout bar = latency_bar_layout(8, 8, scale);
  for (const LatencyBarLabel& label : bar.labels)  // no "P1 ...", "P99.9 ..."
    EXPECT_NE(label.text.rfind('P', 0), 0u) << label.text;
}

test::Image encoded_map(const std::vector<float>& ns, int width, int height,
                        const LatencyMapScale& scale) {
  const std::string png = encode_latency_map_png(ns, width, height, scale);
  test::TempDir dir;
  const std::filesystem::path path = dir / "map.png";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  EXPECT_TRUE(f);
  if (!f) return {};
  std::fwrite(png.data(), 1, png.size(), f);
  std::fclose(f);
  const std::optional<test::Image> image = test::read_png(path);
  EXPECT_TRUE(image);
  return image.value_or(test::Image{});
}

std::vector<int> pixel(const test::Image& image, int x, int y) {
  const std::uint8_t* p = image.rgb.data() + (static_cast<std::size_t>(y) * image.width + x) * 3;
  return {p[0], p[1], p[2]};
}

TEST(LatencyMap, EncodesOnePixelPerLatencyAtTheTopLeft) {
  std::vector<float> ns(6 * 4, 20.0f);
  ns[5] = 5000.0f;  // last pixel of the first row
  const LatencyMapScale scale{10.0, 1000.0, 1.0, 99.9};
  const test::Image image = encoded_map(ns, 6, 4, scale);
  const LatencyBarLayout bar = latency_bar_layout(6, 4, scale);
  // The bar beside the map, and the image taller than a 4-row map so that the bar reads.
  EXPECT_EQ(image.width, bar.width);
  EXPECT_EQ(image.height, bar.height);
  EXPECT_GT(image.width, 6 + 60);
  EXPECT_GE(image.height, 100);
  EXPECT_EQ(pixel(image, 5, 0), (std::vector<int>{253, 231, 37}));  // the slow pixel: brightest
  unsigned char twenty[3];
  latency_colour(20.0, scale, twenty);
  EXPECT_EQ(pixel(image, 0, 3), std::vector<int>(twenty, twenty + 3));
  EXPECT_EQ(pixel(image, 0, 4), (std::vector<int>{255, 255, 255}));  // blank below the map
}

// What the bar shows is what the scale says: its strip runs from max_ns's colour at the top to
// min_ns's at the bottom, and its labels, read back from the PNG's pixels, are the ends with
// their percentiles, nice values between, the unit and the clipping.
TEST(LatencyMap, ColourBarShowsTheMeasuredRange) {
  const LatencyMapScale scale{12.34, 4567.0, 1.0, 99.9};
  const int width = 320, height = 600;
  const test::Image image =
      encoded_map(std::vector<float>(width * height, 100.0f), width, height, scale);
  const LatencyBarLayout bar = latency_bar_layout(width, height, scale);
  ASSERT_EQ(image.width, bar.width);
  ASSERT_EQ(image.height, height);  // tall enough: the map's height
  EXPECT_EQ(bar.text_scale, 2);
  unsigned char top[3], bottom[3];
  latency_colour(scale.max_ns, scale, top);
  latency_colour(scale.min_ns, scale, bottom);
  const int mid_x = bar.bar_x + bar.bar_width / 2;
  EXPECT_EQ(pixel(image, mid_x, bar.bar_top), std::vector<int>(top, top + 3));
  EXPECT_EQ(pixel(image, mid_x, bar.bar_top + bar.bar_height - 1),
            std::vector<int>(bottom, bottom + 3));
  EXPECT_GT(bar.bar_height, height / 2);

  std::vector<std::string> read;
  for (const LatencyBarLabel& label : bar.labels)
    read.push_back(test::read_text(image, label.x, label.y, bar.text_scale, label.text.size() + 1));
  EXPECT_EQ(read,
            (std::vector<std::string>{"NS, LOG ", "P99.9 4567 ", "2000 ", "1000 ", "500 ", "200 ",
                                      "100 ", "50 ", "20 ", "P1 12.3 ", "ENDS CLIPPED "}));
}

}  // namespace
}  // namespace rtcli

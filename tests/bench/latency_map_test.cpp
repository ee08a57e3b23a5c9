#include "bench/latency_map.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace rtcli {
namespace {

TEST(LatencyMap, ColoursRunFromDarkToBrightAlongALogScaleAndClamp) {
  const LatencyMapScale scale{10.0, 1000.0};
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
}

TEST(LatencyMap, EncodesOnePixelPerLatency) {
  std::vector<float> ns(6 * 4, 20.0f);
  ns[5] = 5000.0f;  // last pixel of the first row
  const std::string png = encode_latency_map_png(ns, 6, 4, {10.0, 1000.0});
  test::TempDir dir;
  std::filesystem::path path = dir / "map.png";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_TRUE(f);
  std::fwrite(png.data(), 1, png.size(), f);
  std::fclose(f);
  const std::optional<test::Image> image = test::read_png(path);
  ASSERT_TRUE(image);
  EXPECT_EQ(image->width, 6);
  EXPECT_EQ(image->height, 4);
  EXPECT_EQ(image->rgb[5 * 3], 253);  // the slow pixel is the brightest colour
  EXPECT_LT(image->rgb[0], 253);
}

}  // namespace
}  // namespace rtcli

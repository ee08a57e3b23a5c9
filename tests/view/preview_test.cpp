#include "view/preview.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <thread>
#include <vector>

namespace rtcli::view {
namespace {

std::vector<std::uint8_t> random_frame(int width, int height, unsigned seed) {
  std::mt19937 random(seed);
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(width) * height * 3);
  for (auto& v : rgb) v = static_cast<std::uint8_t>(random());
  return rgb;
}

// Adds the frame's rows in bands of `band` rows, the bands in the order given.
void add_bands(Preview& preview, const std::vector<std::uint8_t>& rgb, int width, int height,
               int band, const std::vector<int>& order) {
  for (const int b : order) {
    const int first = b * band;
    if (first >= height) continue;
    preview.add_rows(first, std::min(band, height - first),
                     rgb.data() + static_cast<std::size_t>(first) * width * 3, b % 7);
  }
}

TEST(FitPreview, KeepsTheAspectRatioAndNeverEnlarges) {
  EXPECT_EQ(fit_preview(800, 600, {1280, 960}).width, 800);
  EXPECT_EQ(fit_preview(800, 600, {1280, 960}).height, 600);
  const PreviewSize big = fit_preview(65536, 65536, {1280, 960});
  EXPECT_EQ(big.width, 960);
  EXPECT_EQ(big.height, 960);
  const PreviewSize wide = fit_preview(4000, 1000, {200, 200});
  EXPECT_EQ(wide.width, 200);
  EXPECT_EQ(wide.height, 50);
  const PreviewSize sliver = fit_preview(100000, 1, {80, 40});
  EXPECT_EQ(sliver.height, 1);  // never 0
}

TEST(Preview, AtFullSizeShowsTheFrameExactlyWhateverTheBandOrder) {
  const int width = 97, height = 61;
  const std::vector<std::uint8_t> frame = random_frame(width, height, 1);
  Preview preview(width, height, {width, height});
  add_bands(preview, frame, width, height, 16, {3, 0, 2, 1});
  std::vector<std::uint8_t> shown;
  preview.snapshot(shown, false);
  EXPECT_EQ(shown, frame);
  EXPECT_EQ(preview.rows_complete(), height);
}

TEST(Preview, RowsNotRenderedYetAreBlack) {
  const int width = 40, height = 32;
  const std::vector<std::uint8_t> frame(static_cast<std::size_t>(width) * height * 3, 200);
  Preview preview(width, height, {20, 16});
  add_bands(preview, frame, width, height, 16, {0});  // the top half only
  std::vector<std::uint8_t> shown;
  preview.snapshot(shown, false);
  EXPECT_EQ(preview.rows_complete(), 8);
  for (std::size_t i = 0; i < shown.size(); ++i)
    ASSERT_EQ(shown[i], i < shown.size() / 2 ? 200 : 0) << "byte " << i;
}

TEST(Preview, ScaledDownEachPixelAveragesSamplesOfItsOwnCell) {
  // Each 4x4 cell of the frame has its own colour: every sample of a preview pixel lands in its
  // cell, so the preview shows each cell's colour exactly.
  const int width = 64, height = 48;
  std::vector<std::uint8_t> frame(static_cast<std::size_t>(width) * height * 3);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int c = 0; c < 3; ++c)
        frame[(static_cast<std::size_t>(y) * width + x) * 3 + c] =
            static_cast<std::uint8_t>((x / 4) * 16 + (y / 4) + c);
  Preview preview(width, height, {16, 12});
  add_bands(preview, frame, width, height, 5, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0});
  std::vector<std::uint8_t> shown;
  preview.snapshot(shown, false);
  for (int py = 0; py < 12; ++py)
    for (int px = 0; px < 16; ++px)
      for (int c = 0; c < 3; ++c)
        ASSERT_EQ(shown[(static_cast<std::size_t>(py) * 16 + px) * 3 + c], px * 16 + py + c)
            << px << "," << py;
}

TEST(Preview, WorkersFillingDisjointBandsAtOnceGiveTheSamePreview) {
  const int width = 300, height = 257;
  const std::vector<std::uint8_t> frame = random_frame(width, height, 2);
  Preview serial(width, height, {100, 80});
  add_bands(serial, frame, width, height, 16,
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
  Preview parallel(width, height, {100, 80});
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w)
    workers.emplace_back([&, w] {
      std::vector<int> mine;
      for (int b = w; b < 17; b += 4) mine.push_back(b);
      add_bands(parallel, frame, width, height, 16, mine);
    });
  for (auto& t : workers) t.join();
  std::vector<std::uint8_t> a, b;
  serial.snapshot(a, false);
  parallel.snapshot(b, false);
  EXPECT_EQ(a, b);
}

TEST(Preview, TintMixesEachBandWithItsWorkersColour) {
  const int width = 8, height = 8;
  const std::vector<std::uint8_t> frame(static_cast<std::size_t>(width) * height * 3, 0);
  Preview preview(width, height, {width, height});
  preview.add_rows(0, 4, frame.data(), 0);
  preview.add_rows(4, 4, frame.data(), 1);
  std::vector<std::uint8_t> plain, tinted;
  preview.snapshot(plain, false);
  preview.snapshot(tinted, true);
  EXPECT_EQ(plain, frame);
  const std::size_t top = 0, bottom = static_cast<std::size_t>(4) * width * 3;
  EXPECT_NE(tinted[top] + tinted[top + 1] + tinted[top + 2], 0);
  EXPECT_TRUE(tinted[top] != tinted[bottom] || tinted[top + 1] != tinted[bottom + 1] ||
              tinted[top + 2] != tinted[bottom + 2]);  // two workers, two colours
}

TEST(Preview, ARefreshSendsOnlyTheRowsThatCameInSinceTheLast) {
  const int width = 40, height = 64;
  std::vector<std::uint8_t> frame(static_cast<std::size_t>(width) * height * 3);
  for (std::size_t i = 0; i < frame.size(); ++i) frame[i] = static_cast<std::uint8_t>(i * 7);
  Preview preview(width, height, {10, 16});
  std::vector<std::uint8_t> shown;
  std::vector<bool> drawn;
  EXPECT_TRUE(preview.refresh(shown, drawn, false).empty());
  add_bands(preview, frame, width, height, 16, {2});  // frame rows 32..47: preview rows 8..11
  const RowSpan first = preview.refresh(shown, drawn, false);
  EXPECT_EQ(first.first, 8);
  EXPECT_EQ(first.end, 12);
  EXPECT_TRUE(preview.refresh(shown, drawn, false).empty());  // nothing new
  add_bands(preview, frame, width, height, 16, {0, 1, 3});
  const RowSpan rest = preview.refresh(shown, drawn, false);
  EXPECT_EQ(rest.first, 0);
  EXPECT_EQ(rest.end, 16);
  std::vector<std::uint8_t> whole;
  preview.snapshot(whole, false);
  EXPECT_EQ(shown, whole);  // the pieces make the same picture as one snapshot
}

TEST(Preview, AHugeFrameNeedsOnlyAFewMegabytes) {
  const Preview preview(65536, 65536, fit_preview(65536, 65536, {1280, 960}));
  EXPECT_LT(preview.bytes(), std::size_t{16} << 20);
}

}  // namespace
}  // namespace rtcli::view

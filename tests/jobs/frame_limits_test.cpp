// Frame size limits: a frame that cannot fit in memory is refused before anything is
// allocated; the largest sizes that do fit render correctly.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "child_process.h"
#include "jobs/render_memory.h"
#include "shading/shade.h"
#include "system/errors.h"
#include "system/memory_budget.h"
#include "test_support.h"

namespace rtcli::test {
namespace {

// Far beyond any machine here, but within --size's range: only the memory check can refuse it.
TEST(FrameLimits, FrameBeyondMemoryIsRefusedWithTheBytesNeeded) {
  const std::size_t needed = render_peak_bytes(200'000, 200'000);
  ASSERT_GT(needed, available_memory_bytes());
  const TempDir dir;
  // RLIMIT_FSIZE 0 as well: had anything been written, the run would have died of EFBIG.
  RtcliProcess rtcli({"render", "--size", "200000x200000", "--out", (dir / "out").string()},
                     ChildLimits{.max_file_bytes = 0});
  const CommandResult r = rtcli.wait();
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("200000x200000 needs " + std::to_string(needed) + " bytes"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}

TEST(FrameLimits, CheckFrameFitsNamesTheSizeAndBytes) {
  try {
    check_frame_fits(1 << 20, 1 << 20);
    FAIL() << "a 2^20 x 2^20 frame was accepted";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("1048576x1048576 needs"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(check_frame_fits(800, 600));
}

// 16384x16384 (805 MB a frame, about 2.5 GB at the peak): opt-in, it takes about a minute here.
// Run with: build/tests/rtcli_tests --gtest_also_run_disabled_tests --gtest_filter='*16384*'
TEST(FrameLimits, DISABLED_Renders16384x16384) {
  constexpr int kSide = 16384;
  if (render_peak_bytes(kSide, kSide) * 2 > available_memory_bytes())
    GTEST_SKIP() << "not enough memory for a 16384x16384 render and its check";
  const TempDir dir;
  const auto start = std::chrono::steady_clock::now();
  const CommandResult r = run_rtcli({"render", "--size", "16384x16384", "--checkpoints", "",
                                     "--quiet", "--out", dir.path().string()});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::printf("[ measured ] 16384x16384 render and write: %.1f s\n", seconds);

  const std::optional<Image> image = read_png(dir / "final.png");
  ASSERT_TRUE(image);
  ASSERT_EQ(image->width, kSide);
  ASSERT_EQ(image->height, kSide);
  // Every 9973rd pixel (a prime, so rows and columns both vary) against the reference kernel.
  const Scene scene = seed_scene();
  const std::size_t total = static_cast<std::size_t>(kSide) * kSide;
  for (std::size_t i = 0; i < total; i += 9973) {
    const int x = static_cast<int>(i % kSide);
    const int y = static_cast<int>(i / kSide);
    const Rgb8 expected = shade_pixel(scene, x, y, kSide, kSide).colour;
    const Rgb8 got{image->rgb[i * 3], image->rgb[i * 3 + 1], image->rgb[i * 3 + 2]};
    ASSERT_EQ(got, expected) << "pixel " << x << "," << y;
  }
}

}  // namespace
}  // namespace rtcli::test

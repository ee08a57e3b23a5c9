// Frame size limits: a render that cannot fit the memory or the disk it may use is refused
// before anything is written; a frame too big for RAM is not, as it is never held whole.
#include <gtest/gtest.h>

#include <sys/mount.h>

#include <chrono>
#include <cstdio>

#include "child_process.h"
#include "png/render_memory.h"
#include "shading/shade.h"
#include "system/errors.h"
#include "system/memory_budget.h"
#include "test_support.h"

namespace rtcli::test {
namespace {

// Sanitizers map terabytes of shadow memory and hold freed memory back: address-space limits
// and resident-memory figures mean nothing under them.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

FrameSpec settings_for(int width, int height, int threads, const std::string& checkpoints) {
  FrameSpec s;
  s.width = width;
  s.height = height;
  s.threads = threads;
  s.checkpoints = parse_checkpoints(checkpoints);
  return s;
}

TEST(FrameLimits, RenderBeyondMemoryIsRefusedWithTheBytesNeeded) {
  const std::size_t needed =
      render_peak_bytes(settings_for(1 << 20, 1 << 20, 1024, "0,1000,2000,3000"));
  ASSERT_GT(needed, available_memory_bytes());
  const TempDir dir;
  // RLIMIT_FSIZE 0 as well: had anything been written, the run would have died of EFBIG.
  RtcliProcess rtcli(
      {"render", "--size", "1048576x1048576", "--threads", "1024", "--out", (dir / "out").string()},
      ChildLimits{.max_file_bytes = 0});
  const CommandResult r = rtcli.wait();
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("1048576x1048576 needs " + std::to_string(needed) + " bytes"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}

// prlimit --as: the check counts address space against RLIMIT_AS, not only MemAvailable.
TEST(FrameLimits, AddressSpaceLimitRefusesWhatItCannotHoldAndAllowsTheRest) {
  if (kSanitized) GTEST_SKIP() << "a sanitizer's shadow memory does not fit under RLIMIT_AS";
  const TempDir dir;
  const ChildLimits limit{.max_address_space_bytes = std::size_t{600} << 20};
  // 64 workers with bands of 16 rows 65536 wide, and their queue: over 600 MB.
  RtcliProcess big(
      {"render", "--size", "65536x64", "--threads", "64", "--out", (dir / "big").string()}, limit);
  const CommandResult refused = big.wait();
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_NE(refused.err.find("RLIMIT_AS"), std::string::npos) << refused.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "big"));
  // A 4000x3000 render fits in 600 MB of address space (it was once refused).
  RtcliProcess fits({"render", "--size", "4000x3000", "--threads", "2", "--checkpoints",
                     "25%,50%,75%", "--quiet", "--out", (dir / "fits").string()},
                    limit);
  const CommandResult done = fits.wait();
  EXPECT_EQ(done.exit_code, 0) << done.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "fits" / "final.png"));
}

// A 1 MiB tmpfs (needs root to mount; skipped otherwise) cannot hold 16384x16384's files.
TEST(FrameLimits, FrameBeyondTheFreeDiskIsRefusedBeforeAnythingIsWritten) {
  const TempDir dir;
  const std::filesystem::path mount_point = dir / "small";
  std::filesystem::create_directory(mount_point);
  if (::mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=1m") != 0)
    GTEST_SKIP() << "cannot mount a tmpfs here";
  const CommandResult r = run_rtcli({"render", "--size", "16384x16384", "--checkpoints", "50%",
                                     "--out", (mount_point / "out").string()});
  const std::uint64_t least = min_output_bytes(16384, 16384, 1);
  const bool out_exists = std::filesystem::exists(mount_point / "out");
  ::umount(mount_point.c_str());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("frame 16384x16384 needs at least " + std::to_string(least) +
                       " bytes of PNG files"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(out_exists);
}

// A tall frame's peak memory does not grow with its height: the frame is never held whole.
TEST(FrameLimits, TallFramePeakMemoryDoesNotGrowWithItsHeight) {
  if (kSanitized) GTEST_SKIP() << "a sanitizer's resident memory is not the program's";
  const TempDir dir;
  const auto peak_kib = [&](const std::string& size) {
    RtcliProcess rtcli({"render", "--size", size, "--threads", "2", "--checkpoints", "25%,50%,75%",
                        "--quiet", "--out", (dir / size).string()});
    const CommandResult r = rtcli.wait();
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.max_rss_kib;
  };
  const long short_frame = peak_kib("2000x500");
  const long tall_frame = peak_kib("2000x40000");  // 240 MB of pixels
  // The same bound for both: under 48 MiB, far below the tall frame's 240 MB.
  EXPECT_LT(short_frame, 48 * 1024);
  EXPECT_LT(tall_frame, 48 * 1024);
  EXPECT_LT(tall_frame, short_frame + 8 * 1024) << short_frame;
}

// 16384x16384 (805 MB of pixels, decoded whole by the test): opt-in, as the decode is slow.
// Run with: build/tests/rtcli_tests --gtest_also_run_disabled_tests --gtest_filter='*16384*'
TEST(FrameLimits, DISABLED_Renders16384x16384) {
  constexpr int kSide = 16384;
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

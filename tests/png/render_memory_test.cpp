// The memory and disk a streaming render needs: bounded whatever the frame's height, and
// refusals that name what is missing.
#include "png/render_memory.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>

#include "png/png_strips.h"
#include "shading/frame.h"
#include "system/dimensions.h"
#include "system/errors.h"
#include "system/memory_budget.h"

namespace rtcli {
namespace {

FrameSpec sized(int width, int height, int threads = 2) {
  FrameSpec s;
  s.width = width;
  s.height = height;
  s.threads = threads;
  s.checkpoints = parse_checkpoints("25%,50%,75%");
  return s;
}

// Only the writer's strip index (12 bytes a strip) and each worker's row table (16 bytes a
// row) grow with the height: a few dozen bytes a row against 3 bytes a pixel for the frame.
TEST(RenderMemory, PeakGrowsWithTheHeightOnlyByAFewBytesARow) {
  for (const int width : {800, 4000, 16384, 65536}) {
    const std::size_t short_frame = render_peak_bytes(sized(width, 100));
    const std::size_t tall_frame = render_peak_bytes(sized(width, kMaxSide));
    const std::size_t per_row =
        2 * 16 + 12 * static_cast<std::size_t>(StripLayout(width, 1).pieces_per_row());
    EXPECT_GE(tall_frame, short_frame);
    EXPECT_LE(tall_frame - short_frame, per_row * (kMaxSide - 100)) << width;
  }
}

TEST(RenderMemory, PeakStaysUnder64MBForWideFrames) {
  // At most 64 MB at 16384x16384 and 65536x65536 on 2 cores, counting every queued
  // band as incompressible.
  EXPECT_LT(render_peak_bytes(sized(16384, 16384)), std::size_t{64} << 20);
  EXPECT_LT(render_peak_bytes(sized(65536, 65536)), std::size_t{64} << 20);
  // And it grows with the workers and with the band height a tile asks for.
  EXPECT_GT(render_peak_bytes(sized(4000, 3000, 8)), render_peak_bytes(sized(4000, 3000, 2)));
  FrameSpec tall_tiles = sized(4000, 3000);
  tall_tiles.tile_height = 600;
  EXPECT_GT(render_peak_bytes(tall_tiles),
            render_peak_bytes(sized(4000, 3000)) + 2 * 4000 * 600 * 3);
}

TEST(RenderMemory, LeastOutputIsDeflatesBestRatioForEachFile) {
  // 16384x16384: 49153 filtered bytes a row, one-row strips of at least 16 bytes each.
  const std::uint64_t one = std::uint64_t{49153} * 16384 / 1032 + 16 * 16384;
  EXPECT_EQ(min_output_bytes(16384, 16384, 0), one);
  EXPECT_EQ(min_output_bytes(16384, 16384, 3), 4 * one);
}

TEST(RenderMemory, WholeFrameInMemoryIsRefusedWithItsSize) {
  try {
    check_frame_fits(kMaxSide, kMaxSide);  // 3.3 TB of pixels
    FAIL() << "not refused";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("1048576x1048576 needs"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(check_frame_fits(800, 600));
  EXPECT_GT(frame_peak_bytes(4000, 3000), Frame::bytes(4000, 3000));
}

// Other processes take and free memory between two readings, so the readings are compared
// with room for that drift: a few megabytes either way, never a factor of two.
TEST(MemoryBudget, LimitsAreNoLooserThanMemAvailable) {
  constexpr std::size_t kDrift = std::size_t{256} << 20;
  const std::size_t before = available_memory_bytes();
  const MemoryLimits limits = memory_limits();
  const std::size_t after = available_memory_bytes();
  EXPECT_LE(limits.resident, std::max(before, after) + kDrift);
  EXPECT_GT(limits.resident, 0u);
  EXPECT_GT(limits.address_space, 0u);
  EXPECT_THROW(check_memory_fits(2 * limits.resident + kDrift, "x"), UsageError);
}

}  // namespace
}  // namespace rtcli

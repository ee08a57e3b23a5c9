#include "jobs/render_memory.h"
#include "system/memory_budget.h"

#include <gtest/gtest.h>

#include "scene/frame.h"
#include "system/dimensions.h"
#include "system/errors.h"

namespace rtcli {
namespace {

TEST(MemoryBudget, PeakIsTheFramePlusBoundedWriterBuffers) {
  for (const auto& [w, h] :
       std::vector<std::pair<int, int>>{{800, 600}, {4000, 3000}, {16384, 16384}}) {
    const std::size_t frame = Frame::bytes(w, h);
    EXPECT_GT(render_peak_bytes(w, h), frame);
    EXPECT_LT(render_peak_bytes(w, h), frame + (std::size_t{20} << 20)) << w << "x" << h;
  }
  // The bound: a 16384x16384 render within 1.3 times its 805 MB frame.
  EXPECT_LT(render_peak_bytes(16384, 16384), Frame::bytes(16384, 16384) * 13 / 10);
}

TEST(MemoryBudget, FrameTooLargeForMemoryIsRefusedWithItsSize) {
  try {
    check_frame_fits(kMaxSide, kMaxSide);  // 3.3 TB of pixels
    FAIL() << "not refused";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("1048576x1048576"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(check_frame_fits(800, 600));
}

}  // namespace
}  // namespace rtcli

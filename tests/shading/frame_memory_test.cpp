// Frame memory: large frames come from huge-page-advised mappings, small ones from new[];
// both hold every byte written.
#include "shading/frame_memory.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "shading/frame.h"

namespace rtcli {
namespace {

void expect_holds_pattern(std::uint8_t* p, std::size_t bytes) {
  for (std::size_t i = 0; i < bytes; ++i) p[i] = static_cast<std::uint8_t>(i * 7 + 3);
  for (std::size_t i = 0; i < bytes; i += 4093)
    ASSERT_EQ(p[i], static_cast<std::uint8_t>(i * 7 + 3)) << "byte " << i;
  EXPECT_EQ(p[bytes - 1], static_cast<std::uint8_t>((bytes - 1) * 7 + 3));
}

TEST(FrameMemory, LargeBlocksAreHugePageAlignedAndWritable) {
  const std::size_t bytes = 4000u * 3000u * 3u;
  FrameMemory memory = allocate_frame_memory(bytes);
  ASSERT_NE(memory.get(), nullptr);
#if defined(__linux__)
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(memory.get()) % (2u << 20), 0u);
  EXPECT_GE(memory.get_deleter().mapped_bytes, bytes);
#endif
  expect_holds_pattern(memory.get(), bytes);
}

TEST(FrameMemory, SmallBlocksAreWritable) {
  FrameMemory memory = allocate_frame_memory(7 * 3 * 3);
  EXPECT_EQ(memory.get_deleter().mapped_bytes, 0u);
  expect_holds_pattern(memory.get(), 7 * 3 * 3);
}

TEST(FrameMemory, FramesOfManySizesKeepTheirPixels) {
  for (const auto& [w, h] : {std::pair{1, 1}, {800, 600}, {1000, 700}, {4001, 2999}}) {
    Frame frame(w, h);
    expect_holds_pattern(frame.data(), Frame::bytes(w, h));
    EXPECT_EQ(frame.pixel(w - 1, h - 1), frame.data() + Frame::bytes(w, h) - 3);
  }
}

}  // namespace
}  // namespace rtcli

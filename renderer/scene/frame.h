// Frame: the RGB8 image being rendered, and read-only views of a rendered prefix of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "scene/frame_memory.h"

namespace rtcli {

// The first `visible_pixels` in scan order are shown; every other pixel reads as black.
struct FrameView {
  const std::uint8_t* rgb = nullptr;  // width * height * 3 bytes, rows top to bottom
  int width = 0;
  int height = 0;
  std::size_t visible_pixels = 0;
};

class Frame {
 public:
  // Uninitialised: every pixel is written by exactly one tile before anyone reads it.
  Frame(int width, int height)
      : width_(width), height_(height), rgb_(allocate_frame_memory(bytes(width, height))) {}

  static std::size_t bytes(int width, int height) {
    return static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3;
  }

  int width() const { return width_; }
  int height() const { return height_; }
  std::size_t pixels() const { return static_cast<std::size_t>(width_) * height_; }
  std::uint8_t* data() { return rgb_.get(); }
  const std::uint8_t* data() const { return rgb_.get(); }
  std::uint8_t* pixel(int x, int y) {
    return rgb_.get() + (static_cast<std::size_t>(y) * width_ + x) * 3;
  }

  FrameView prefix(std::size_t visible_pixels) const {
    return {rgb_.get(), width_, height_, visible_pixels};
  }

 private:
  int width_;
  int height_;
  FrameMemory rgb_;
};

}  // namespace rtcli

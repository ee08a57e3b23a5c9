// Frame: the RGB8 image being rendered, or a band of its rows, and read-only views of a
// rendered prefix of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "shading/frame_memory.h"

namespace rtcli {

// The first `visible_pixels` in scan order are shown; every other pixel reads as black.
// `rgb` holds rows first_row onwards (all of them for a whole frame); only rows that are
// read need to be there.
struct FrameView {
  const std::uint8_t* rgb = nullptr;  // rows from first_row on, top to bottom, 3 bytes a pixel
  int width = 0;
  int height = 0;
  std::size_t visible_pixels = 0;
  int first_row = 0;  // the frame row rgb starts at
};

class Frame {
 public:
  // Uninitialised: every pixel is written by exactly one tile before anyone reads it.
  Frame(int width, int height) : Frame(width, height, height) {}

  // Storage for `stored_rows` rows of a width x height frame, starting at row 0; move it
  // with set_first_row. Tiles rendered into it keep their frame coordinates (the shading
  // depends on them), so a streaming render holds one band of rows at a time.
  Frame(int width, int height, int stored_rows)
      : width_(width),
        height_(height),
        stored_rows_(stored_rows),
        rgb_(allocate_frame_memory(bytes(width, stored_rows))) {}

  // A whole frame in `borrowed_rgb`, width * height * 3 bytes that the caller owns and keeps
  // alive as long as the frame (the Python package renders into a numpy array this way).
  Frame(int width, int height, std::uint8_t* borrowed_rgb)
      : width_(width),
        height_(height),
        stored_rows_(height),
        rgb_(borrowed_rgb, FrameMemoryRelease{.mapped_bytes = 0, .borrowed = true}) {}

  static std::size_t bytes(int width, int height) {
    return static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3;
  }

  int width() const { return width_; }
  int height() const { return height_; }
  std::size_t pixels() const { return static_cast<std::size_t>(width_) * height_; }
  int first_row() const { return first_row_; }
  int stored_rows() const { return stored_rows_; }
  // The stored rows now stand for rows [row, row + stored_rows()) of the frame.
  void set_first_row(int row) { first_row_ = row; }

  std::uint8_t* data() { return rgb_.get(); }
  const std::uint8_t* data() const { return rgb_.get(); }
  // (x, y) in frame coordinates; y must be a stored row.
  std::uint8_t* pixel(int x, int y) {
    return rgb_.get() + (static_cast<std::size_t>(y - first_row_) * width_ + x) * 3;
  }
  const std::uint8_t* pixel(int x, int y) const {
    return rgb_.get() + (static_cast<std::size_t>(y - first_row_) * width_ + x) * 3;
  }

  FrameView prefix(std::size_t visible_pixels) const {
    return {rgb_.get(), width_, height_, visible_pixels, first_row_};
  }

 private:
  int width_;
  int height_;
  int stored_rows_;
  int first_row_ = 0;
  FrameMemory rgb_;
};

}  // namespace rtcli

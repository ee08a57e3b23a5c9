// Preview: a small filtered copy of a frame that fills in as its bands finish, for a live
// view. It never holds the frame: only a few sampled rows per preview row, so a 65536² render
// shows in the same few megabytes as an 800x600 one.
//
// Each preview pixel averages a 2x2 grid of source pixels spread over the part of the frame
// it covers (a box filter's samples). A sampled source row belongs to exactly one band, so
// the worker that renders that band is the only writer of its sample row: workers never lock
// or wait, and they publish each row with one release store. The display thread reads the
// published rows whenever it likes and never blocks a worker either.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace rtcli::view {

struct PreviewSize {
  int width = 0;
  int height = 0;
};

// Preview rows [first, end): what a redraw changed.
struct RowSpan {
  int first = 0;
  int end = 0;
  bool empty() const { return end <= first; }
};

// The largest size of the frame's aspect ratio that fits `limit`, never larger than the frame.
PreviewSize fit_preview(int frame_width, int frame_height, PreviewSize limit);

class Preview {
 public:
  static constexpr int kSamples = 2;  // per preview pixel along each axis

  Preview(int frame_width, int frame_height, PreviewSize size);

  PreviewSize size() const { return size_; }
  int frame_width() const { return frame_width_; }
  int frame_height() const { return frame_height_; }

  // Worker side: frame rows [first_row, first_row + rows) are rendered; `rgb` holds them top
  // to bottom, 3 bytes a pixel, `frame_width` pixels a row. `worker` (0..255) rendered them.
  // Safe to call from several workers at once for disjoint rows.
  void add_rows(int first_row, int rows, const std::uint8_t* rgb, int worker);

  // Display side: the preview as RGB, 3 bytes a pixel, size().width a row. A preview pixel
  // whose rows are not rendered yet is black, as in a checkpoint frame; with `tint`, each pixel
  // is mixed with the colour of the worker that rendered it.
  void snapshot(std::vector<std::uint8_t>& rgb, bool tint) const;

  // Display side, a redraw at a time: fills in the rows of `rgb` that became complete since the
  // last call with the same `drawn` (both start empty) and returns the span they lie in, so
  // that a window sends only that part to the screen. Each row is averaged once per render.
  RowSpan refresh(std::vector<std::uint8_t>& rgb, std::vector<bool>& drawn, bool tint) const;

  // Preview rows all of whose samples are in.
  int rows_complete() const;

  // Bytes this preview holds: what the live view adds to a render's memory.
  std::size_t bytes() const;

 private:
  bool row_complete(int preview_row) const;

  int frame_width_;
  int frame_height_;
  PreviewSize size_;
  int sample_rows_;                   // size_.height * kSamples
  std::vector<int> sample_x_;         // source column of each horizontal sample, kSamples a pixel
  std::vector<int> sample_row_of_;    // frame row -> sample row index, or -1 if not sampled
  std::vector<int> frame_row_of_;     // sample row index -> frame row
  std::vector<std::uint8_t> rows_;    // per sample row: size_.width pixels, horizontal average
  std::vector<std::uint8_t> worker_;  // per sample row: who rendered it
  std::unique_ptr<std::atomic<bool>[]> ready_;  // per sample row: published
};

}  // namespace rtcli::view

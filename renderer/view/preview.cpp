#include "view/preview.h"

#include <algorithm>
#include <cmath>

namespace rtcli::view {

namespace {
// Sample s of kSamples in the cell [cell * extent / cells, (cell + 1) * extent / cells): the
// centres of equal parts, so the samples spread over the whole cell.
int sample_position(int cell, int s, int cells, int extent) {
  const double begin = static_cast<double>(cell) * extent / cells;
  const double end = static_cast<double>(cell + 1) * extent / cells;
  const double at = begin + (end - begin) * (s + 0.5) / Preview::kSamples;
  return std::clamp(static_cast<int>(at), 0, extent - 1);
}

// A colour per worker, well apart on the hue circle (the golden angle), for --view-tint.
void worker_colour(int worker, std::uint8_t out[3]) {
  const double hue = std::fmod(worker * 137.507764, 360.0) / 60.0;
  const double x = 1 - std::fabs(std::fmod(hue, 2.0) - 1);
  double r = 0, g = 0, b = 0;
  switch (static_cast<int>(hue)) {
    case 0:
      r = 1, g = x;
      break;
    case 1:
      r = x, g = 1;
      break;
    case 2:
      g = 1, b = x;
      break;
    case 3:
      g = x, b = 1;
      break;
    case 4:
      r = x, b = 1;
      break;
    default:
      r = 1, b = x;
      break;
  }
  out[0] = static_cast<std::uint8_t>(r * 255);
  out[1] = static_cast<std::uint8_t>(g * 255);
  out[2] = static_cast<std::uint8_t>(b * 255);
}
}  // namespace

PreviewSize fit_preview(int frame_width, int frame_height, PreviewSize limit) {
  const double scale = std::min({1.0, static_cast<double>(limit.width) / frame_width,
                                 static_cast<double>(limit.height) / frame_height});
  return {std::max(1, static_cast<int>(frame_width * scale)),
          std::max(1, static_cast<int>(frame_height * scale))};
}

Preview::Preview(int frame_width, int frame_height, PreviewSize size)
    : frame_width_(frame_width),
      frame_height_(frame_height),
      size_(size),
      sample_rows_(size.height * kSamples),
      sample_row_of_(static_cast<std::size_t>(frame_height), -1),
      rows_(static_cast<std::size_t>(sample_rows_) * size.width * 3),
      worker_(static_cast<std::size_t>(sample_rows_)),
      ready_(new std::atomic<bool>[static_cast<std::size_t>(sample_rows_)]) {
  sample_x_.reserve(static_cast<std::size_t>(size.width) * kSamples);
  for (int px = 0; px < size.width; ++px)
    for (int s = 0; s < kSamples; ++s)
      sample_x_.push_back(sample_position(px, s, size.width, frame_width));
  // Two samples of one cell may land on one frame row (a preview as tall as the frame): that
  // row then serves both, and the second sample row copies the first when it is published.
  frame_row_of_.reserve(static_cast<std::size_t>(sample_rows_));
  for (int py = 0; py < size.height; ++py)
    for (int s = 0; s < kSamples; ++s) {
      const int row = sample_position(py, s, size.height, frame_height);
      frame_row_of_.push_back(row);
      if (sample_row_of_[static_cast<std::size_t>(row)] < 0)
        sample_row_of_[static_cast<std::size_t>(row)] = static_cast<int>(frame_row_of_.size()) - 1;
    }
  for (int i = 0; i < sample_rows_; ++i) ready_[static_cast<std::size_t>(i)].store(false);
}

void Preview::add_rows(int first_row, int rows, const std::uint8_t* rgb, int worker) {
  const int end = std::min(frame_height_, first_row + rows);
  for (int y = std::max(0, first_row); y < end; ++y) {
    const int first_sample = sample_row_of_[static_cast<std::size_t>(y)];
    if (first_sample < 0) continue;
    const std::uint8_t* row = rgb + static_cast<std::size_t>(y - first_row) * frame_width_ * 3;
    // Every sample row of this frame row (usually one): the same average.
    for (int sample = first_sample; sample < sample_rows_ && frame_row_of_[sample] == y; ++sample) {
      std::uint8_t* out = rows_.data() + static_cast<std::size_t>(sample) * size_.width * 3;
      const int* xs = sample_x_.data();
      for (int px = 0; px < size_.width; ++px, out += 3, xs += kSamples)
        for (int c = 0; c < 3; ++c) {
          int sum = 0;
          for (int s = 0; s < kSamples; ++s) sum += row[static_cast<std::size_t>(xs[s]) * 3 + c];
          out[c] = static_cast<std::uint8_t>((sum + kSamples / 2) / kSamples);
        }
      worker_[static_cast<std::size_t>(sample)] = static_cast<std::uint8_t>(worker);
      ready_[static_cast<std::size_t>(sample)].store(true, std::memory_order_release);
    }
  }
}

void Preview::snapshot(std::vector<std::uint8_t>& rgb, bool tint) const {
  std::vector<bool> drawn;
  rgb.clear();
  refresh(rgb, drawn, tint);
}

RowSpan Preview::refresh(std::vector<std::uint8_t>& rgb, std::vector<bool>& drawn,
                         bool tint) const {
  const std::size_t row_bytes = static_cast<std::size_t>(size_.width) * 3;
  if (rgb.size() != row_bytes * size_.height) rgb.assign(row_bytes * size_.height, 0);
  if (drawn.size() != static_cast<std::size_t>(size_.height))
    drawn.assign(static_cast<std::size_t>(size_.height), false);
  RowSpan changed{size_.height, 0};
  for (int py = 0; py < size_.height; ++py) {
    if (drawn[static_cast<std::size_t>(py)] || !row_complete(py)) continue;
    // Black until all of its samples are in, as a checkpoint shows it.
    drawn[static_cast<std::size_t>(py)] = true;
    changed = {std::min(changed.first, py), py + 1};
    const int first = py * kSamples;
    std::uint8_t* out = rgb.data() + row_bytes * py;
    for (std::size_t i = 0; i < row_bytes; ++i) {
      int sum = 0;
      for (int s = 0; s < kSamples; ++s)
        sum += rows_[static_cast<std::size_t>(first + s) * row_bytes + i];
      out[i] = static_cast<std::uint8_t>((sum + kSamples / 2) / kSamples);
    }
    if (!tint) continue;
    std::uint8_t colour[3];
    worker_colour(worker_[static_cast<std::size_t>(first)], colour);
    // A third of the worker's colour: the bands' owners show, and so does the picture.
    for (std::size_t i = 0; i < row_bytes; ++i)
      out[i] = static_cast<std::uint8_t>((2 * out[i] + colour[i % 3]) / 3);
  }
  return changed.empty() ? RowSpan{} : changed;
}

bool Preview::row_complete(int py) const {
  for (int s = 0; s < kSamples; ++s)
    if (!ready_[static_cast<std::size_t>(py * kSamples + s)].load(std::memory_order_acquire))
      return false;
  return true;
}

int Preview::rows_complete() const {
  int complete = 0;
  for (int py = 0; py < size_.height; ++py) complete += row_complete(py) ? 1 : 0;
  return complete;
}

std::size_t Preview::bytes() const {
  return rows_.size() + worker_.size() + sample_row_of_.size() * sizeof(int) +
         (sample_x_.size() + frame_row_of_.size()) * sizeof(int) +
         static_cast<std::size_t>(sample_rows_) * sizeof(std::atomic<bool>);
}

}  // namespace rtcli::view

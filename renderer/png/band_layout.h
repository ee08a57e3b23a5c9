// How a streaming render cuts a frame into bands: runs of whole PNG strips, each band the
// unit a worker renders and compresses, and the unit the writer appends in scan order.
#pragma once

#include <algorithm>
#include <cstddef>

#include "pipeline/tiles.h"
#include "png/png_strips.h"

namespace rtcli {

class BandLayout {
 public:
  // Bands are at least `min_rows` tall (the tile height), rounded up to whole strips, so a
  // band's strips are the same bytes as in a file encoded whole (png_writer.h).
  BandLayout(int width, int height, int min_rows)
      : strips_(width, height),
        strips_per_band_(
            std::min(strips_.count(), (std::max(min_rows, 1) + strips_.rows_per_strip() - 1) /
                                          strips_.rows_per_strip() * strips_.pieces_per_row())),
        count_((strips_.count() + strips_per_band_ - 1) / strips_per_band_) {}

  const StripLayout& strips() const { return strips_; }
  int width() const { return strips_.width(); }
  int height() const { return strips_.height(); }
  int count() const { return count_; }
  int strips_per_band() const { return strips_per_band_; }
  // Rows a band holds at most: what a worker's pixel buffer stores.
  int max_rows() const {
    return std::min(height(),
                    strips_per_band_ / strips_.pieces_per_row() * strips_.rows_per_strip());
  }

  // The bands as tiles of whole rows, max_rows() high (the last one may be lower).
  TileGrid grid() const { return TileGrid(width(), height(), width(), max_rows()); }

  int first_strip(int band) const { return band * strips_per_band_; }
  int end_strip(int band) const { return std::min(strips_.count(), (band + 1) * strips_per_band_); }
  int first_row(int band) const { return strips_.first_row(first_strip(band)); }
  int end_row(int band) const { return strips_.end_row(end_strip(band) - 1); }
  int band_of_strip(int strip) const { return strip / strips_per_band_; }
  std::size_t pixels(int band) const {
    return static_cast<std::size_t>(end_row(band) - first_row(band)) *
           static_cast<std::size_t>(width());
  }

 private:
  StripLayout strips_;
  int strips_per_band_;
  int count_;
};

}  // namespace rtcli

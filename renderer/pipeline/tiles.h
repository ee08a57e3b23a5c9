// TileGrid: how a frame splits into tiles, numbered in scan order.
#pragma once

#include <cstddef>

#include "shading/tile_bounds.h"

namespace rtcli {

class TileGrid {
 public:
  TileGrid(int width, int height, int tile_width, int tile_height);

  int width() const { return width_; }
  int height() const { return height_; }
  int tile_width() const { return tile_width_; }
  int tile_height() const { return tile_height_; }
  int columns() const { return columns_; }
  int rows() const { return rows_; }
  int count() const { return columns_ * rows_; }

  // Tiles on the right and bottom edges are clipped to the frame.
  TileBounds bounds(int index) const;

  // How many tiles, taken in order, hold every pixel of the first `pixels` in scan order.
  // Tiles' first pixels increase in tile order, so the answer is always a prefix.
  int tiles_covering_prefix(std::size_t pixels) const;

 private:
  int width_;
  int height_;
  int tile_width_;
  int tile_height_;
  int columns_;
  int rows_;
};

}  // namespace rtcli

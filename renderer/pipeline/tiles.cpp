#include "pipeline/tiles.h"

#include <algorithm>

namespace rtcli {

TileGrid::TileGrid(int width, int height, int tile_width, int tile_height)
    : width_(width),
      height_(height),
      tile_width_(tile_width),
      tile_height_(tile_height),
      columns_((width + tile_width - 1) / tile_width),
      rows_((height + tile_height - 1) / tile_height) {}

TileBounds TileGrid::bounds(int index) const {
  const int tx = index % columns_;
  const int ty = index / columns_;
  const int x0 = tx * tile_width_;
  const int y0 = ty * tile_height_;
  return {x0, y0, std::min(x0 + tile_width_, width_), std::min(y0 + tile_height_, height_)};
}

int TileGrid::tiles_covering_prefix(std::size_t pixels) const {
  if (pixels == 0) return 0;
  const std::size_t width = static_cast<std::size_t>(width_);
  const std::size_t total = width * static_cast<std::size_t>(height_);
  if (pixels >= total) return count();
  // The tile row holding the last pixel is partly needed: the tiles starting before it.
  const std::size_t last_row = (pixels - 1) / width;
  const std::size_t tile_row = last_row / static_cast<std::size_t>(tile_height_);
  const std::size_t row_start = tile_row * static_cast<std::size_t>(tile_height_) * width;
  const std::size_t into_row = pixels - row_start;
  const std::size_t needed =
      std::min<std::size_t>(columns_, (into_row + tile_width_ - 1) / tile_width_);
  return static_cast<int>(tile_row * static_cast<std::size_t>(columns_) + needed);
}

}  // namespace rtcli

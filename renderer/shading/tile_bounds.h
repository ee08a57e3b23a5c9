// TileBounds: the rectangle of pixels a kernel renders, in frame coordinates.
#pragma once

#include <cstddef>

namespace rtcli {

// Half-open pixel bounds [x0, x1) x [y0, y1).
struct TileBounds {
  int x0 = 0;
  int y0 = 0;
  int x1 = 0;
  int y1 = 0;
  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
  std::size_t pixels() const { return static_cast<std::size_t>(width()) * height(); }
};

}  // namespace rtcli

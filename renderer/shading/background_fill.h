// The background colour repeated, copied over runs of pixels that miss every sphere.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "scene/scene.h"

namespace rtcli {

class BackgroundFill {
 public:
  explicit BackgroundFill(Rgb8 c) {
    for (int i = 0; i < kPixels; ++i) {
      pattern_[3 * i] = c.r;
      pattern_[3 * i + 1] = c.g;
      pattern_[3 * i + 2] = c.b;
    }
  }

  // Writes `pixels` background pixels from `out` on.
  void operator()(std::uint8_t* out, int pixels) const {
    for (; pixels > 0; pixels -= kPixels, out += 3 * kPixels)
      std::memcpy(out, pattern_, 3 * static_cast<std::size_t>(std::min(pixels, kPixels)));
  }

 private:
  static constexpr int kPixels = 64;
  std::uint8_t pattern_[3 * kPixels];
};

}  // namespace rtcli

// "WxH" arguments (--size, --tile).
#pragma once

#include <string_view>

namespace rtcli {

struct Dimensions {
  int width = 0;
  int height = 0;
};

// Largest accepted side, in pixels: far beyond any memory here, small enough that no
// pixel index can overflow.
inline constexpr int kMaxSide = 1 << 20;

// Parses "800x600": two whole numbers in 1..kMaxSide. `flag` names the option in errors.
// Throws UsageError.
Dimensions parse_dimensions(std::string_view text, std::string_view flag);

}  // namespace rtcli

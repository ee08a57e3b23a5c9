#include "flag_values.h"

#include <charconv>
#include <string>

#include "system/dimensions.h"
#include "system/errors.h"

namespace rtcli::cli {

const CLI::Validator& non_empty() {
  static const CLI::Validator validator(
      [](std::string& value) {
        return value.empty() ? std::string("empty value: give one, or leave the flag out")
                             : std::string();
      },
      "");  // nothing added to the value's name in --help
  return validator;
}

long long parse_count(std::string_view text, std::string_view flag, long long min, long long max) {
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < min ||
      value > max)
    throw UsageError(std::string(flag) + ": invalid value '" + std::string(text) +
                     "': expected a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max));
  return value;
}

Accel parse_accel(std::string_view text) {
  for (const Accel accel : {Accel::kAuto, Accel::kBvh, Accel::kNone})
    if (text == accel_name(accel)) return accel;
  throw UsageError("invalid --accel '" + std::string(text) + "': expected auto, bvh or none");
}

void apply_frame_flags(std::string_view size, std::string_view tile, FrameSpec& frame) {
  const Dimensions pixels = parse_dimensions(size, "--size");
  const Dimensions tiles = parse_dimensions(tile, "--tile");
  frame.width = pixels.width;
  frame.height = pixels.height;
  frame.tile_width = tiles.width;
  frame.tile_height = tiles.height;
}

}  // namespace rtcli::cli

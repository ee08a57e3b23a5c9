// Parsing of flags shared by the commands, with errors that name the flag and the value.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <string_view>

#include "shading/render_scene.h"
#include "system/dimensions.h"

namespace rtcli::cli {

// Refuses an empty value ("--scene ''"): an empty value never means "the default". Every
// option but --checkpoints (where "" is "no checkpoints") carries it.
const CLI::Validator& non_empty();

// A whole number in [min, max]; throws UsageError naming `flag` and `text` otherwise.
long long parse_count(std::string_view text, std::string_view flag, long long min, long long max);

// --accel auto|bvh|none; throws UsageError naming the value otherwise.
Accel parse_accel(std::string_view text);

// --size and --tile, which render and bench both take, into settings with the frame fields
// width, height, tile_width and tile_height. Throws UsageError naming the flag.
template <class Settings>
void apply_frame_flags(std::string_view size, std::string_view tile, Settings& settings) {
  const Dimensions frame = parse_dimensions(size, "--size");
  const Dimensions tiles = parse_dimensions(tile, "--tile");
  settings.width = frame.width;
  settings.height = frame.height;
  settings.tile_width = tiles.width;
  settings.tile_height = tiles.height;
}

}  // namespace rtcli::cli

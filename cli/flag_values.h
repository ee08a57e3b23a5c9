// Parsing of flags shared by the commands, with errors that name the flag and the value.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <string_view>

#include "pipeline/frame_spec.h"
#include "shading/render_scene.h"

namespace rtcli::cli {

// Refuses an empty value ("--scene ''"): an empty value never means "the default". Every
// option but --checkpoints (where "" is "no checkpoints") carries it.
const CLI::Validator& non_empty();

// A whole number in [min, max]; throws UsageError naming `flag` and `text` otherwise.
long long parse_count(std::string_view text, std::string_view flag, long long min, long long max);

// --accel auto|bvh|none; throws UsageError naming the value otherwise.
Accel parse_accel(std::string_view text);

// --size and --tile, which render and bench both take, into the frame. Throws UsageError naming
// the flag.
void apply_frame_flags(std::string_view size, std::string_view tile, FrameSpec& frame);

}  // namespace rtcli::cli

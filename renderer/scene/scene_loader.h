// Scene files: JSON in, a validated Scene out, or one line saying what is wrong and where.
#pragma once

#include <filesystem>
#include <string_view>

#include "scene/scene.h"

namespace rtcli {

// Parses a scene document. `source` names it in errors. Throws RunError.
Scene parse_scene(std::string_view json_text, std::string_view source);

// Reads and parses a scene file. Throws RunError.
Scene load_scene_file(const std::filesystem::path& path);

}  // namespace rtcli

// Reading a scene file's bytes: only what can hold a scene, and only as much as one needs.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace rtcli {

// Largest scene file read: over a million spheres, and a bound on the memory parsing takes
// (a device such as /dev/zero never ends).
inline constexpr std::size_t kMaxSceneBytes = std::size_t{256} << 20;

// The whole text of a regular file or a pipe (FIFO, `<(...)`, /dev/stdin from a pipe). Refuses
// devices, sockets and folders without opening them, and anything over kMaxSceneBytes.
// Opening a FIFO waits for its writer; callers make signals end that wait (ExitAtOnce).
// Throws RunError naming the file.
std::string read_scene_text(const std::filesystem::path& path);

}  // namespace rtcli

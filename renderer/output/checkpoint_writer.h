// Writing a render's PNG files while it runs: each checkpoint as soon as its prefix is
// rendered, final.png once the last tile is done.
//
// Rows that are final are compressed once, in strips (png_strips.h), as soon as the render
// has finished them, and appended to final.png's temporary file. A checkpoint copies those
// strips from there, compresses only the strip holding its partial row, and appends
// pre-compressed black strips, so its cost does not grow with the frame. Memory stays
// bounded by one strip's buffers whatever the frame size.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include "output/checkpoints.h"
#include "scene/frame.h"
#include "scene/tiles.h"

namespace rtcli {

// Blocks until the first `tiles` tiles of the grid are rendered; false if the render stopped.
// The render job passes its scheduler's wait, so output/ knows nothing of how tiles are made.
using WaitForTiles = std::function<bool(int tiles)>;

// Writes <folder>/<name>.png for each checkpoint, in order, then <folder>/final.png,
// appending each path to `written` once the file is in place. Blocks in `wait_for_tiles` for
// each prefix, so it runs on a thread of its own and the render workers never wait for it.
// Returns early if the render stops; every file is whole or absent (atomic_file.h).
// Throws RunError when a file cannot be written.
void write_frames_as_rendered(const Frame& frame, const TileGrid& grid,
                              const WaitForTiles& wait_for_tiles,
                              const std::filesystem::path& folder,
                              const std::vector<Checkpoint>& checkpoints,
                              std::vector<std::filesystem::path>& written);

// Bytes the writer holds at most for a frame of this size (not counting the frame).
std::size_t frame_writer_peak_bytes(int width, int height);

}  // namespace rtcli

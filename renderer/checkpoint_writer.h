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
#include <vector>

#include "checkpoints.h"
#include "frame.h"
#include "tile_scheduler.h"
#include "tiles.h"

namespace rtcli {

// Writes <folder>/<name>.png for each checkpoint, in order, then <folder>/final.png,
// appending each path to `written` once the file is in place. Blocks on the scheduler for
// each prefix, so it runs on a thread of its own and the render workers never wait for it.
// Returns early if the scheduler is cancelled; every file is whole or absent (atomic_file.h).
// Throws RunError when a file cannot be written.
void write_frames_as_rendered(const Frame& frame, const TileGrid& grid, TileScheduler& scheduler,
                              const std::filesystem::path& folder,
                              const std::vector<Checkpoint>& checkpoints,
                              std::vector<std::filesystem::path>& written);

// Bytes the writer holds at most for a frame of this size (not counting the frame).
std::size_t frame_writer_peak_bytes(int width, int height);

}  // namespace rtcli

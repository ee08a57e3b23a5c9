// FrameSpec: one frame as every caller asks for it (rtcli render, rtcli bench, the Python module,
// each MPI rank), checked in one place so that all of them refuse the same values alike.
#pragma once

#include <cstddef>
#include <vector>

#include "pipeline/checkpoints.h"
#include "pipeline/tiles.h"
#include "scene/scene.h"
#include "shading/render_scene.h"

namespace rtcli {

struct FrameSpec {
  int width = 800;         // pixels
  int height = 600;        // pixels
  int tile_width = 4096;   // pixels; wider than most frames: full-row strips, see README
  int tile_height = 16;    // pixels; also a streamed band's least height (png/band_layout.h)
  int threads = 0;         // worker threads; 0: one per logical core
  std::size_t step = 200;  // pixels per step, for plain-number checkpoints
  std::vector<CheckpointSpec> checkpoints = default_checkpoints();
  // What is rendered. A caller that holds a prepared RenderScene (the Python module) renders
  // that one and leaves these alone.
  Scene scene = seed_scene();
  Accel accel = Accel::kAuto;  // sphere hierarchies: built when they pay, always, or never

  TileGrid tiles() const { return TileGrid(width, height, tile_width, tile_height); }
};

// Worker count for a setting of 0 (all logical cores) or N.
int resolve_threads(int threads);

// Throws UsageError naming the bad value, before any memory is taken or file touched. What the
// outputs need (memory, disk, folders) their own checks add (png/render_memory.h).
void validate(const FrameSpec& spec);

// The spec's checkpoints as pixel counts of its frame. Throws UsageError.
std::vector<Checkpoint> resolve_checkpoints(const FrameSpec& spec);

}  // namespace rtcli

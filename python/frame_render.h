// Rendering one frame in memory for the Python module: the tiles, workers and kernels of
// `rtcli render`, without files or checkpoints.
#pragma once

#include <optional>

#include "frame/frame.h"
#include "shading/render_scene.h"

namespace rtcli::python {

struct FrameRequest {
  int width = 800;             // pixels
  int height = 600;            // pixels
  int tile_width = 4096;       // pixels; rtcli render's default: full-row strips
  int tile_height = 16;        // pixels
  std::optional<int> threads;  // worker threads, 1..1024; none: one per logical core
};

// A frame or tile side as asked for, 1..kMaxSide as rtcli's --size takes; `what` names it in the
// error ("width"). Throws UsageError.
int frame_side(long long value, const char* what);

// A thread count as asked for, 1..1024 as rtcli render --threads takes. Throws UsageError.
int thread_count(long long threads);

// Throws UsageError naming the bad value, before any memory is taken.
void validate(const FrameRequest& request);

// The whole frame, every tile rendered by render_tile on a WorkerArena as rtcli render does.
Frame render_frame(const RenderScene& scene, const FrameRequest& request);

}  // namespace rtcli::python

// Rendering one frame in memory for the Python package: the tiles, workers and kernels of
// `rtcli render`, without files or checkpoints. The calling thread is one of the workers, so a
// call costs no hand-over to another thread; between its bands it lets its caller look in
// (Python's signals, progress).
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

// What the calling thread does after each band it renders itself: rows [0, rows_done) are all
// rendered (whole bands). Returning false stops the render: each worker finishes the band in
// hand and takes no more.
class BandWatcher {
 public:
  virtual ~BandWatcher() = default;
  virtual bool band_done(int rows_done) = 0;
};

// Renders `frame` (request.width x request.height, every row stored; the request validated)
// with the frame loop, a tile a band, in an arena borrowed from the module's pool
// (arena_pool.h), the calling thread among the workers. Returns the rows all rendered: the
// height, or fewer when the watcher stopped it. Throws what the workers threw; RunError when
// the threads cannot start.
int render_watched(const RenderScene& scene, const FrameRequest& request, Frame& frame,
                   BandWatcher& watcher);

}  // namespace rtcli::python

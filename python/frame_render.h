// Rendering one frame in memory for the Python package: the tiles, workers and kernels of
// `rtcli render`, without files or checkpoints. The calling thread is one of the workers, so a
// call costs no hand-over to another thread; between its bands it lets its caller look in
// (Python's signals, progress).
#pragma once

#include "pipeline/frame_spec.h"
#include "shading/frame.h"
#include "shading/render_scene.h"

namespace rtcli::python {

// A frame or tile side as asked for, 1..kMaxSide as rtcli's --size takes; `what` names it in the
// error ("width"), after the Python argument it came from when that is not `what` itself
// ("size[0]: invalid width 0: ..."). Throws UsageError.
int frame_side(long long value, const char* what, const char* argument = nullptr);

// A thread count as asked for, 1..1024 as rtcli render --threads takes; the error names the
// `threads` argument. Throws UsageError.
int thread_count(long long threads);

// `spec`, its sides and threads already checked as arguments, as a frame in memory: what every
// frame must be (validate(FrameSpec)) and the memory it takes; its checkpoints and scene are not
// used (the caller hands a prepared RenderScene). Throws UsageError before any memory is taken.
void validate_in_memory(const FrameSpec& spec);

// What the calling thread does after each band it renders itself: rows [0, rows_done) are all
// rendered (whole bands). Returning false stops the render: each worker finishes the band in
// hand and takes no more.
class BandWatcher {
 public:
  virtual ~BandWatcher() = default;
  virtual bool band_done(int rows_done) = 0;
};

// Renders `frame` (spec.width x spec.height, every row stored; the spec validated)
// with the frame loop, a tile a band, in an arena borrowed from the module's pool
// (arena_pool.h), the calling thread among the workers. Returns the rows all rendered: the
// height, or fewer when the watcher stopped it. Throws what the workers threw; RunError when
// the threads cannot start.
int render_watched(const RenderScene& scene, const FrameSpec& spec, Frame& frame,
                   BandWatcher& watcher);

}  // namespace rtcli::python

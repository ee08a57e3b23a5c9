// Rendering one frame in memory for the Python package: the tiles, workers and kernels of
// `rtcli render`, without files or checkpoints, on threads of their own so that the caller
// can watch: see bands finish, notice Ctrl-C, cancel.
#pragma once

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "frame/frame.h"
#include "frame/tiles.h"
#include "parallel/tile_scheduler.h"
#include "parallel/tile_workers.h"
#include "pipeline/band_renderer.h"
#include "pipeline/frame_loop.h"
#include "pipeline/frame_spec.h"
#include "pipeline/memory_sink.h"
#include "shading/render_scene.h"

namespace rtcli::python {

// A frame or tile side as asked for, 1..kMaxSide as rtcli's --size takes; `what` names it in the
// error ("width"). Throws UsageError.
int frame_side(long long value, const char* what);

// A thread count as asked for, 1..1024 as rtcli render --threads takes. Throws UsageError.
int thread_count(long long threads);

// `spec` as a frame in memory: its size, tiles and threads (0: one per logical core), as every
// frame's; its checkpoints and scene are not used (the caller hands a prepared RenderScene).
// Throws UsageError naming the bad value, before any memory is taken.
void validate_in_memory(const FrameSpec& spec);

// One frame being rendered into `frame` (spec.width x spec.height, every row stored) by the
// frame loop (a tile a band, into a MemorySink) on a thread of its own. The constructor
// validates and starts; the caller then waits in slices, reads rows_done() and may cancel. The
// scene and frame must outlive it.
class FrameRender {
 public:
  // Throws UsageError for a bad spec, RunError when the threads cannot start.
  FrameRender(const RenderScene& scene, const FrameSpec& spec, Frame& frame);
  // Cancels and waits for the workers: no worker outlives the render.
  ~FrameRender();
  FrameRender(const FrameRender&) = delete;
  FrameRender& operator=(const FrameRender&) = delete;

  // Waits until a tile finishes, the render ends or `timeout` passes. True once it has ended
  // (finished, cancelled or failed).
  bool wait(std::chrono::milliseconds timeout);

  // Rows [0, rows_done()) are all rendered: whole bands, one row of tiles each.
  int rows_done() const;
  int band_height() const { return tile_height_; }

  // Stops handing out tiles; each worker finishes the tile in hand.
  void cancel();

  // Waits for the end, then rethrows what the workers threw, if anything.
  void finish();

 private:
  // Tells the watcher each time a tile is done, and which tiles are done in scan order.
  class Watch : public FrameSink {
   public:
    Watch(FrameRender& render, int tiles) : render_(render), done_(tiles) {}
    void band_finished(const FinishedBand& band) override;
    int bands_done() const { return done_.completed_prefix(); }

   private:
    FrameRender& render_;
    TileScheduler done_;  // used for its record of finished tiles only
  };
  void signal(bool ended);

  int threads_;  // first: the spec is validated before anything is made from it
  TileGrid grid_;
  int height_;
  int tile_height_;
  WorkerArena arena_;
  MemorySink into_;
  Watch watch_;
  KernelRenderer kernels_;
  FrameLoop loop_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool news_ = false;         // guarded by mutex_: a tile finished since the last wait
  bool ended_ = false;        // guarded by mutex_
  std::exception_ptr error_;  // written by the render thread before ended_
  std::thread thread_;
};

}  // namespace rtcli::python

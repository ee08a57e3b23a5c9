// Rendering one frame in memory for the Python package: the tiles, workers and kernels of
// `rtcli render`, without files or checkpoints, on threads of their own so that the caller
// can watch: see bands finish, notice Ctrl-C, cancel.
#pragma once

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <vector>

#include "frame/frame.h"
#include "frame/tiles.h"
#include "parallel/tile_scheduler.h"
#include "parallel/tile_workers.h"
#include "pipeline/band_renderer.h"
#include "pipeline/frame_loop.h"
#include "pipeline/memory_sink.h"
#include "render_threads.h"
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

// One frame being rendered into `frame` (request.width x request.height, every row stored) by
// the frame loop (a tile a band, into a MemorySink) on a thread borrowed from the module's
// pool (render_threads.h). The constructor starts it; the caller then waits in slices, reads
// rows_done() and may cancel. The request is validated (validate) and the scene and frame outlive
// it.
class FrameRender {
 public:
  // With watch_bands, each finished band ends a wait() and rows_done() counts them; without,
  // a wait() ends only at the end or its timeout, so a caller who wants no progress is not
  // woken once a band. Throws RunError when the threads cannot start.
  FrameRender(const RenderScene& scene, const FrameRequest& request, Frame& frame,
              bool watch_bands);
  // Cancels and waits for the workers: no worker outlives the render. The thread goes back to
  // the pool.
  ~FrameRender();
  FrameRender(const FrameRender&) = delete;
  FrameRender& operator=(const FrameRender&) = delete;

  // Waits until a band finishes (with watch_bands), the render ends or `timeout` passes. True
  // once it has ended (finished, cancelled or failed).
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
  std::vector<FrameSink*> sinks(bool watch_bands);

  void wait_for_end();

  BorrowedThread thread_;  // first: its arena is the loop's
  TileGrid grid_;
  int height_;
  int tile_height_;
  MemorySink into_;
  Watch watch_;
  KernelRenderer kernels_;
  FrameLoop loop_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool news_ = false;         // guarded by mutex_: a tile finished since the last wait
  bool ended_ = false;        // guarded by mutex_
  std::exception_ptr error_;  // written by the render thread before ended_
};

}  // namespace rtcli::python

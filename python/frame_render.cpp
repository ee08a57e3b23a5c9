#include "frame_render.h"

#include <algorithm>
#include <mutex>
#include <string>
#include <thread>

#include "arena_pool.h"
#include "pipeline/band_renderer.h"
#include "pipeline/frame_loop.h"
#include "pipeline/memory_sink.h"
#include "pipeline/thread_probe.h"
#include "pipeline/tile_scheduler.h"
#include "pipeline/tiles.h"
#include "png/render_memory.h"
#include "system/dimensions.h"
#include "system/errors.h"

namespace rtcli::python {
namespace {
constexpr int kMaxThreads = 1024;  // as rtcli render --threads

// oneTBB aborts the process, Python and all, when it cannot start a worker; check first, as
// rtcli render does. oneTBB keeps its workers, so only a count larger than any before is checked.
void check_threads_once(int threads) {
  static std::mutex mutex;
  static int largest_checked = 0;
  const std::lock_guard lock(mutex);
  if (threads <= largest_checked) return;
  check_threads_can_start(threads);
  largest_checked = threads;
}

int checked_threads(const FrameSpec& spec) {
  const int threads = resolve_threads(spec.threads);
  check_threads_once(threads);
  return threads;
}
}  // namespace

int frame_side(long long value, const char* what, const char* argument) {
  if (value < 1 || value > kMaxSide)
    throw UsageError((argument ? std::string(argument) + ": " : std::string()) + "invalid " + what +
                     " " + std::to_string(value) + ": expected 1.." + std::to_string(kMaxSide));
  return static_cast<int>(value);
}

int thread_count(long long threads) {
  if (threads < 1 || threads > kMaxThreads)
    throw UsageError("threads: invalid thread count " + std::to_string(threads) + ": expected 1.." +
                     std::to_string(kMaxThreads) + ", or None for one per logical core");
  return static_cast<int>(threads);
}

void validate_in_memory(const FrameSpec& spec) {
  FrameSpec frame = spec;
  frame.checkpoints = {};  // none in memory
  validate(frame);
  check_frame_fits(spec.width, spec.height);
}

namespace {
// Records the bands done, and hands the calling thread's own bands to the watcher.
class CallerWatch : public FrameSink {
 public:
  CallerWatch(BandWatcher& watcher, const TileGrid& grid, int height, int band_height)
      : watcher_(watcher),
        caller_(std::this_thread::get_id()),
        done_(grid.count()),
        columns_(grid.columns()),
        height_(height),
        band_height_(band_height) {}

  void watch(FrameLoop& loop) { loop_ = &loop; }
  bool stopped() const { return stopped_; }

  // Rows [0, rows_done()) are all rendered: whole bands, one row of tiles each.
  int rows_done() const {
    const int rows = done_.completed_prefix() / columns_ * band_height_;
    return std::min(rows, height_);
  }

  void band_finished(const FinishedBand& band) override {
    done_.complete(band.index);
    if (std::this_thread::get_id() != caller_ || stopped_) return;
    if (!watcher_.band_done(rows_done())) {
      stopped_ = true;
      loop_->stop();
    }
  }

 private:
  BandWatcher& watcher_;
  std::thread::id caller_;
  TileScheduler done_;  // used for its record of finished tiles only
  int columns_;
  int height_;
  int band_height_;
  FrameLoop* loop_ = nullptr;
  bool stopped_ = false;  // the caller's only
};
}  // namespace

int render_watched(const RenderScene& scene, const FrameSpec& spec, Frame& frame,
                   BandWatcher& watcher) {
  const BorrowedArena arena = borrow_arena(checked_threads(spec));
  const TileGrid grid = spec.tiles();
  MemorySink into(frame);
  CallerWatch watch(watcher, grid, spec.height, spec.tile_height);
  KernelRenderer kernels(scene, spec.tile_width, arena->threads());
  FrameLoop loop(*arena, grid, {&into, &watch});
  watch.watch(loop);
  try {
    loop.run(kernels);
  } catch (const FrameStopped&) {
    if (!watch.stopped()) throw;
  }
  return watch.rows_done();
}

}  // namespace rtcli::python

#include "frame_render.h"

#include <limits>
#include <mutex>
#include <string>

#include "jobs/render_job.h"
#include "jobs/render_memory.h"
#include "parallel/thread_probe.h"
#include "parallel/tile_scheduler.h"
#include "parallel/tile_workers.h"
#include "scene/tiles.h"
#include "shading/tile_renderer.h"
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
}  // namespace

int frame_side(long long value, const char* what) {
  if (value < 1 || value > kMaxSide)
    throw UsageError("invalid " + std::string(what) + " " + std::to_string(value) +
                     ": expected 1.." + std::to_string(kMaxSide));
  return static_cast<int>(value);
}

int thread_count(long long threads) {
  if (threads < 1 || threads > kMaxThreads)
    throw UsageError("invalid thread count " + std::to_string(threads) + ": expected 1.." +
                     std::to_string(kMaxThreads) + ", or None for one per logical core");
  return static_cast<int>(threads);
}

void validate(const FrameRequest& r) {
  frame_side(r.width, "width");
  frame_side(r.height, "height");
  frame_side(r.tile_width, "tile width");
  frame_side(r.tile_height, "tile height");
  if (r.threads) thread_count(*r.threads);
  const TileGrid grid(r.width, r.height, r.tile_width, r.tile_height);
  if (static_cast<long long>(grid.columns()) * grid.rows() > std::numeric_limits<int>::max())
    throw UsageError("tile " + std::to_string(r.tile_width) + "x" + std::to_string(r.tile_height) +
                     " splits the frame into too many tiles");
  check_frame_fits(r.width, r.height);
}

Frame render_frame(const RenderScene& scene, const FrameRequest& r) {
  validate(r);
  Frame frame(r.width, r.height);
  const TileGrid grid(r.width, r.height, r.tile_width, r.tile_height);
  TileScheduler scheduler(grid.count());
  const int threads = resolve_threads(r.threads.value_or(0));
  check_threads_once(threads);
  WorkerArena arena(threads);
  arena.run_with_state(
      scheduler, [] { return KernelContext{interrupt::stop_token()}; },
      [&](int tile, int, KernelContext& kernel) {
        render_tile(scene, grid.bounds(tile), frame, kernel);
      });
  return frame;
}

}  // namespace rtcli::python

#include "frame_render.h"

#include <limits>
#include <string>
#include <system_error>
#include <utility>

#include "parallel/thread_probe.h"
#include "pipeline/render_job.h"
#include "pipeline/render_memory.h"
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

int checked_threads(const FrameRequest& r) {
  validate(r);
  const int threads = resolve_threads(r.threads.value_or(0));
  check_threads_once(threads);
  return threads;
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

FrameRender::FrameRender(const RenderScene& scene, const FrameRequest& request, Frame& frame)
    : threads_(checked_threads(request)),
      grid_(request.width, request.height, request.tile_width, request.tile_height),
      height_(request.height),
      tile_height_(request.tile_height),
      scheduler_(grid_.count()),
      arena_(threads_) {
  try {
    thread_ = std::thread([this, &scene, &frame] {
      try {
        WatchedScheduler watched{scheduler_, *this};
        arena_.run(watched, [&](int tile, int) { render_tile(scene, grid_.bounds(tile), frame); });
      } catch (...) {
        error_ = std::current_exception();
      }
      signal(true);
    });
  } catch (const std::system_error& e) {
    throw RunError(std::string("cannot start a thread: ") + e.what());
  }
}

FrameRender::~FrameRender() {
  cancel();
  if (thread_.joinable()) thread_.join();
}

void FrameRender::WatchedScheduler::complete(int tile) {
  tiles.complete(tile);
  render.signal(false);
}

void FrameRender::signal(bool ended) {
  {
    const std::lock_guard lock(mutex_);
    news_ = true;
    ended_ = ended_ || ended;
  }
  changed_.notify_all();
}

bool FrameRender::wait(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return news_; });
  news_ = false;
  return ended_;
}

int FrameRender::rows_done() const {
  const int bands = scheduler_.completed_prefix() / grid_.columns();
  return bands >= grid_.rows() ? height_ : bands * tile_height_;
}

void FrameRender::cancel() {
  scheduler_.cancel();
}

void FrameRender::finish() {
  if (thread_.joinable()) thread_.join();
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

Frame render_frame(const RenderScene& scene, const FrameRequest& request) {
  validate(request);  // before the frame's memory is taken
  Frame frame(request.width, request.height);
  FrameRender render(scene, request, frame);
  render.finish();
  return frame;
}

}  // namespace rtcli::python

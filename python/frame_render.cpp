#include "frame_render.h"

#include <mutex>
#include <string>
#include <utility>

#include "parallel/thread_probe.h"
#include "pipeline/render_memory.h"
#include "system/dimensions.h"
#include "system/errors.h"
#include "system/interrupt.h"

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
  const int threads = resolve_threads(r.threads.value_or(0));
  check_threads_once(threads);
  return threads;
}
FrameSpec frame_spec(const FrameRequest& r) {
  FrameSpec spec;
  spec.width = r.width;
  spec.height = r.height;
  spec.tile_width = r.tile_width;
  spec.tile_height = r.tile_height;
  spec.threads = r.threads.value_or(0);
  spec.checkpoints = {};
  return spec;
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
  // The values as Python arguments first, each named as the caller wrote it; then as a frame.
  frame_side(r.width, "width");
  frame_side(r.height, "height");
  frame_side(r.tile_width, "tile width");
  frame_side(r.tile_height, "tile height");
  if (r.threads) thread_count(*r.threads);
  validate(frame_spec(r));
  check_frame_fits(r.width, r.height);
}

void FrameRender::Watch::band_finished(const FinishedBand& band) {
  done_.complete(band.index);
  render_.signal(false);
}

std::vector<FrameSink*> FrameRender::sinks(bool watch_bands) {
  if (watch_bands) return {&into_, &watch_};
  return {&into_};
}

FrameRender::FrameRender(const RenderScene& scene, const FrameRequest& request, Frame& frame,
                         bool watch_bands)
    : thread_(borrow_render_thread(checked_threads(request))),
      grid_(frame_spec(request).tiles()),
      height_(request.height),
      tile_height_(request.tile_height),
      into_(frame),
      watch_(*this, grid_.count()),
      kernels_(scene, request.tile_width, thread_->workers()),
      loop_(thread_->arena(), grid_, sinks(watch_bands)) {
  thread_->start([this] {
    try {
      loop_.run(kernels_);
    } catch (const FrameStopped&) {
      // cancelled: the workers finished the tiles in hand, as asked
    } catch (...) {
      error_ = std::current_exception();
    }
    signal(true);  // the last this job touches: the render may be destroyed right after
  });
}

FrameRender::~FrameRender() {
  cancel();
  wait_for_end();
}

void FrameRender::signal(bool ended) {
  // Notified under the lock, so that a waiter who sees ended_ and destroys this render can do
  // so only once this thread has let go of it.
  const std::lock_guard lock(mutex_);
  news_ = true;
  ended_ = ended_ || ended;
  changed_.notify_all();
}

void FrameRender::wait_for_end() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return ended_; });
}

bool FrameRender::wait(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return news_; });
  news_ = false;
  return ended_;
}

int FrameRender::rows_done() const {
  const int bands = watch_.bands_done() / grid_.columns();
  return bands >= grid_.rows() ? height_ : bands * tile_height_;
}

void FrameRender::cancel() {
  loop_.stop();
}

void FrameRender::finish() {
  wait_for_end();
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

}  // namespace rtcli::python

#include "frame_render.h"

#include <mutex>
#include <string>
#include <system_error>
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
  validate(r);
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

FrameRender::FrameRender(const RenderScene& scene, const FrameRequest& request, Frame& frame)
    : threads_(checked_threads(request)),
      grid_(frame_spec(request).tiles()),
      height_(request.height),
      tile_height_(request.tile_height),
      arena_(threads_),
      into_(frame),
      watch_(*this, grid_.count()),
      kernels_(scene, request.tile_width, threads_),
      loop_(arena_, grid_, {&into_, &watch_}) {
  try {
    thread_ = std::thread([this] {
      try {
        loop_.run(kernels_);
      } catch (const FrameStopped&) {
        // cancelled: the workers finished the tiles in hand, as asked
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
  const int bands = watch_.bands_done() / grid_.columns();
  return bands >= grid_.rows() ? height_ : bands * tile_height_;
}

void FrameRender::cancel() {
  loop_.stop();
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

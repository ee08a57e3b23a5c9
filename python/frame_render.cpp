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

int checked_threads(const FrameSpec& spec) {
  validate_in_memory(spec);
  const int threads = resolve_threads(spec.threads);
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

void validate_in_memory(const FrameSpec& spec) {
  // The values as Python arguments first, each named as the caller wrote it; then as a frame.
  frame_side(spec.width, "width");
  frame_side(spec.height, "height");
  frame_side(spec.tile_width, "tile width");
  frame_side(spec.tile_height, "tile height");
  if (spec.threads != 0) thread_count(spec.threads);
  FrameSpec frame = spec;
  frame.checkpoints = {};  // none in memory
  validate(frame);
  check_frame_fits(spec.width, spec.height);
}

void FrameRender::Watch::band_finished(const FinishedBand& band) {
  done_.complete(band.index);
  render_.signal(false);
}

FrameRender::FrameRender(const RenderScene& scene, const FrameSpec& spec, Frame& frame)
    : threads_(checked_threads(spec)),
      grid_(spec.tiles()),
      height_(spec.height),
      tile_height_(spec.tile_height),
      arena_(threads_),
      into_(frame),
      watch_(*this, grid_.count()),
      kernels_(scene, spec.tile_width, threads_),
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

}  // namespace rtcli::python

#include "frame_render.h"

#include <mutex>
#include <string>

#include "parallel/thread_probe.h"
#include "parallel/tile_workers.h"
#include "pipeline/band_renderer.h"
#include "pipeline/frame_loop.h"
#include "pipeline/frame_spec.h"
#include "pipeline/memory_sink.h"
#include "pipeline/render_memory.h"
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

namespace {
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

void validate(const FrameRequest& r) {
  // The values as Python arguments first, each named as the caller wrote it.
  frame_side(r.width, "width");
  frame_side(r.height, "height");
  frame_side(r.tile_width, "tile width");
  frame_side(r.tile_height, "tile height");
  if (r.threads) thread_count(*r.threads);
  validate(frame_spec(r));
  check_frame_fits(r.width, r.height);
}

Frame render_frame(const RenderScene& scene, const FrameRequest& r) {
  validate(r);
  const FrameSpec spec = frame_spec(r);
  const int threads = resolve_threads(spec.threads);
  check_threads_once(threads);
  WorkerArena arena(threads);
  MemorySink frame(spec.width, spec.height);
  KernelRenderer kernels(scene, spec.tile_width);
  FrameLoop(arena, spec.tiles(), {&frame}).run(kernels);
  return frame.take();
}

}  // namespace rtcli::python

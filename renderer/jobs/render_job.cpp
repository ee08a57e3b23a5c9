#include "jobs/render_job.h"

#include <oneapi/tbb/info.h>

#include <time.h>

#include <chrono>
#include <exception>
#include <limits>
#include <thread>

#include "jobs/render_memory.h"
#include "output/checkpoint_writer.h"
#include "output/created_folder.h"
#include "output/output_paths.h"
#include "parallel/tile_scheduler.h"
#include "parallel/tile_workers.h"
#include "scene/frame.h"
#include "scene/tiles.h"
#include "shading/bvh.h"
#include "shading/tile_renderer.h"
#include "system/errors.h"
#include "system/interrupt.h"

namespace rtcli {

namespace {
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU time the calling thread has used; a thread blocked on a condition variable uses none.
double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

int resolve_threads(int threads) {
  return threads > 0 ? threads : tbb::info::default_concurrency();
}

void validate(const RenderSettings& s) {
  if (s.width <= 0 || s.height <= 0)
    throw UsageError("invalid size " + std::to_string(s.width) + "x" + std::to_string(s.height));
  if (s.tile_width <= 0 || s.tile_height <= 0)
    throw UsageError("invalid tile " + std::to_string(s.tile_width) + "x" +
                     std::to_string(s.tile_height));
  const TileGrid grid(s.width, s.height, s.tile_width, s.tile_height);
  if (static_cast<long long>(grid.columns()) * grid.rows() > std::numeric_limits<int>::max())
    throw UsageError("--tile " + std::to_string(s.tile_width) + "x" +
                     std::to_string(s.tile_height) + " splits the frame into too many tiles");
  if (s.threads < 0) throw UsageError("invalid thread count " + std::to_string(s.threads));
  if (s.step == 0) throw UsageError("invalid step 0: a step must be at least one pixel");
  const std::vector<Checkpoint> checkpoints =
      resolve_checkpoints(s.checkpoints, s.width, s.height, s.step);
  if (s.out.empty()) throw UsageError("no output folder: give --out DIR");
  std::error_code error;
  if (std::filesystem::exists(s.out, error) && !std::filesystem::is_directory(s.out, error))
    throw UsageError("--out '" + s.out.string() + "' is an existing file, not a folder");
  check_folder_outputs(s.out, output_file_names(checkpoints));
  check_frame_fits(s.width, s.height);
}

RenderSummary render_to_directory(const RenderSettings& settings, RenderProgress* progress) {
  validate(settings);
  const std::vector<Checkpoint> checkpoints =
      resolve_checkpoints(settings.checkpoints, settings.width, settings.height, settings.step);
  interrupt::throw_if_requested();  // a signal while the scene loaded: not even the folder

  const Clock::time_point start = Clock::now();
  Frame frame(settings.width, settings.height);
  const TileGrid grid(settings.width, settings.height, settings.tile_width, settings.tile_height);
  TileScheduler scheduler(grid.count());
  // SIGINT/SIGTERM: workers stop taking tiles, the writer stops waiting; see interrupt.h.
  const interrupt::OnInterrupt stop_on_signal([&] { scheduler.cancel(); });
  RenderSummary summary;
  summary.tiles = grid.count();
  summary.threads = resolve_threads(settings.threads);
  if (progress) progress->pixels_total = frame.pixels();

  WorkerArena arena(summary.threads);
  // Many-sphere scenes get their hierarchy here, built by the render's threads, timed with it.
  // Before any folder or file, so a signal may end the process at once: a million spheres take
  // seconds to sort, with no point at which to look for a stop.
  const RenderScene scene = [&] {
    const interrupt::ExitAtOnce nothing_written_yet;
    interrupt::throw_if_requested();  // a signal just before: ExitAtOnce did not see it
    return arena.execute([&] { return prepare_scene(settings.scene, settings.accel); });
  }();
  // Removed again if the run ends before its first file (a signal, a thread refused).
  CreatedFolder out_folder(settings.out);

  // The writer encodes each checkpoint as soon as its prefix is done, off the workers' threads.
  std::exception_ptr write_error;
  std::thread writer([&] {
    try {
      const auto wait_for_tiles = [&](int tiles) { return scheduler.wait_for_prefix(tiles); };
      write_frames_as_rendered(frame, grid, wait_for_tiles, settings.out, checkpoints,
                               summary.files);
      summary.write_cpu_seconds = thread_cpu_seconds();
    } catch (...) {
      write_error = std::current_exception();
      scheduler.cancel();
    }
  });
  // Should the workers throw, the writer is released and joined before the frame goes away.
  struct WriterGuard {
    TileScheduler& scheduler;
    std::thread& writer;
    ~WriterGuard() {
      if (!writer.joinable()) return;
      scheduler.cancel();
      writer.join();
    }
  } writer_guard{scheduler, writer};

  arena.run(scheduler, [&](int tile, int) {
    const TileBounds bounds = grid.bounds(tile);
    render_tile(scene, bounds, frame);
    if (progress) progress->pixels_done.fetch_add(bounds.pixels());
  });
  summary.render_seconds = seconds_since(start);
  writer.join();
  if (write_error) std::rethrow_exception(write_error);
  interrupt::throw_if_requested();
  summary.total_seconds = seconds_since(start);
  out_folder.keep();
  return summary;
}

}  // namespace rtcli

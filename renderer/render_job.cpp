#include "render_job.h"

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <chrono>
#include <exception>
#include <optional>
#include <thread>

#include "atomic_file.h"
#include "errors.h"
#include "fork_join_fence.h"
#include "frame.h"
#include "interrupt.h"
#include "memory_budget.h"
#include "png_writer.h"
#include "tile_renderer.h"
#include "tile_scheduler.h"
#include "tiles.h"

namespace rtcli {

namespace {
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void prepare_output_folder(const std::filesystem::path& out) {
  std::error_code error;
  std::filesystem::create_directories(out, error);
  if (error || !std::filesystem::is_directory(out))
    throw RunError("cannot create output folder '" + out.string() + "': " + error.message());
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
  if (s.threads < 0) throw UsageError("invalid thread count " + std::to_string(s.threads));
  if (s.step == 0) throw UsageError("invalid step 0: a step must be at least one pixel");
  resolve_checkpoints(s.checkpoints, s.width, s.height, s.step);
  if (s.out.empty()) throw UsageError("no output folder: give --out DIR");
  std::error_code error;
  if (std::filesystem::exists(s.out, error) && !std::filesystem::is_directory(s.out, error))
    throw UsageError("--out '" + s.out.string() + "' is an existing file, not a folder");
  check_frame_fits(s.width, s.height);
}

RenderSummary render_to_directory(const RenderSettings& settings, RenderProgress* progress) {
  validate(settings);
  const std::vector<Checkpoint> checkpoints =
      resolve_checkpoints(settings.checkpoints, settings.width, settings.height, settings.step);
  interrupt::throw_if_requested();  // a signal while the scene loaded: not even the folder
  prepare_output_folder(settings.out);

  const Clock::time_point start = Clock::now();
  Frame frame(settings.width, settings.height);
  const TileGrid grid(settings.width, settings.height, settings.tile_width,
                      settings.tile_height);
  TileScheduler scheduler(grid.count());
  // SIGINT/SIGTERM: workers stop taking tiles, the writer stops waiting; see interrupt.h.
  const interrupt::OnInterrupt stop_on_signal([&] { scheduler.cancel(); });
  RenderSummary summary;
  summary.tiles = grid.count();
  summary.threads = resolve_threads(settings.threads);
  if (progress) progress->pixels_total = frame.pixels();

  // The writer encodes each checkpoint as soon as its prefix is done, off the workers' threads.
  std::exception_ptr write_error;
  std::thread writer([&] {
    try {
      std::vector<Checkpoint> outputs = checkpoints;
      outputs.push_back({"final", frame.pixels()});
      for (const Checkpoint& c : outputs) {
        if (!scheduler.wait_for_prefix(grid.tiles_covering_prefix(c.pixels))) return;
        if (scheduler.cancelled()) return;  // no new encode once the run is stopping
        const std::filesystem::path path = settings.out / (c.name + ".png");
        write_file_atomically(path, encode_png(frame.prefix(c.pixels)));
        summary.files.push_back(path);
      }
    } catch (...) {
      write_error = std::current_exception();
      scheduler.cancel();
    }
  });

  // More workers than cores is allowed when asked for: lift TBB's default cap.
  std::optional<tbb::global_control> allow;
  if (summary.threads > tbb::info::default_concurrency())
    allow.emplace(tbb::global_control::max_allowed_parallelism,
                  static_cast<std::size_t>(summary.threads));
  tbb::task_arena arena(summary.threads);
  ForkJoinFence fence;  // for ThreadSanitizer, see fork_join_fence.h
  fence.fork();
  arena.execute([&] {
    // One task per worker, each pulling tiles in scan order until none are left.
    tbb::parallel_for(
        0, summary.threads,
        [&](int) {
          fence.enter();
          while (const std::optional<int> tile = scheduler.next()) {
            const TileBounds bounds = grid.bounds(*tile);
            render_tile(settings.scene, bounds, frame);
            if (progress) progress->pixels_done.fetch_add(bounds.pixels());
            scheduler.complete(*tile);
          }
          fence.leave();
        },
        tbb::simple_partitioner());
  });
  fence.join();
  summary.render_seconds = seconds_since(start);
  writer.join();
  if (write_error) std::rethrow_exception(write_error);
  interrupt::throw_if_requested();
  summary.total_seconds = seconds_since(start);
  return summary;
}

}  // namespace rtcli

#include "pipeline/render_job.h"

#include <oneapi/tbb/info.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <functional>
#include <limits>
#include <optional>
#include <thread>

#include "files/created_folder.h"
#include "files/output_paths.h"
#include "frame/frame.h"
#include "frame/tiles.h"
#include "parallel/ordered_window.h"
#include "parallel/tile_scheduler.h"
#include "parallel/tile_workers.h"
#include "pipeline/render_memory.h"
#include "png/band_encoder.h"
#include "png/band_layout.h"
#include "png/checkpoint_writer.h"
#include "png/compressed_band.h"
#include "shading/bvh.h"
#include "shading/tile_renderer.h"
#include "system/errors.h"
#include "system/interrupt.h"

namespace rtcli {

namespace {
using Clock = std::chrono::steady_clock;

constexpr int kQueuedBandsPerWorker = 2;

// What a worker keeps between bands: the band's pixels and its compressor.
struct BandWorker {
  BandWorker(const BandLayout& layout, const std::vector<Checkpoint>& checkpoints)
      : pixels(layout.width(), layout.height(), layout.max_rows()), encoder(layout, checkpoints) {}
  Frame pixels;
  BandEncoder encoder;
};

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
  check_render_fits(s);
}

int band_window(int threads) {
  // Two queued bands per worker: enough slack that a worker descheduled for a moment does not
  // stall the others (README, "Writing frames").
  return threads * (1 + kQueuedBandsPerWorker);
}

namespace {
// The bands' hand-out: this process's scheduler, or the sharing's (another process's counter).
class BandSource {
 public:
  BandSource(int count, const BandSharing* sharing) : local_(count), sharing_(sharing) {}
  std::optional<int> next() {
    if (!sharing_ || !sharing_->next_band) return local_.next();
    if (local_.cancelled()) return std::nullopt;
    return sharing_->next_band();
  }
  void complete(int band) {
    if (!sharing_ || !sharing_->next_band) local_.complete(band);
  }
  void cancel() { local_.cancel(); }
  bool cancelled() const { return local_.cancelled(); }

 private:
  TileScheduler local_;
  const BandSharing* sharing_;
};
}  // namespace

RenderSummary render_to_directory(const RenderSettings& settings, RenderProgress* progress,
                                  const BandSharing* sharing) {
  // A process that only sends its bands away touches no file; the writing one checks them.
  const bool writes = !sharing || !sharing->send;
  if (writes) validate(settings);
  const std::vector<Checkpoint> checkpoints =
      resolve_checkpoints(settings.checkpoints, settings.width, settings.height, settings.step);
  interrupt::throw_if_requested();  // a signal while the scene loaded: not even the folder

  const Clock::time_point start = Clock::now();
  const BandLayout layout(settings.width, settings.height, settings.tile_height);
  RenderSummary summary;
  summary.bands = layout.count();
  summary.band_rows = layout.max_rows();
  summary.threads = resolve_threads(settings.threads);
  summary.window = sharing && sharing->window > 0 ? sharing->window : band_window(summary.threads);
  BandSource bands(layout.count(), sharing);
  OrderedWindow<CompressedBand> queue(summary.window);
  const auto stop = [&] {
    bands.cancel();
    queue.cancel();
  };
  // SIGINT/SIGTERM: workers stop taking bands, waiters are released; see interrupt.h.
  const interrupt::OnInterrupt stop_on_signal(stop);
  if (progress) progress->pixels_total = static_cast<std::size_t>(settings.width) * settings.height;

  WorkerArena arena(summary.threads);
  // Many-sphere scenes get their hierarchy here, built by the render's threads, timed with it.
  // Before any folder or file, so a signal may end the process at once: a million spheres take
  // seconds to sort, with no point at which to look for a stop.
  const RenderScene scene = [&] {
    const interrupt::ExitAtOnce nothing_written_yet;
    interrupt::throw_if_requested();  // a signal just before: ExitAtOnce did not see it
    return arena.execute([&] { return prepare_scene(settings.scene, settings.accel); });
  }();
  // Removed again if the run ends before its first file (a signal, a thread refused). Only
  // the writing process makes it.
  std::optional<CreatedFolder> out_folder;
  if (writes) out_folder.emplace(settings.out);

  // The writer appends bands in scan order and writes each checkpoint once its bands are in.
  std::exception_ptr write_error;
  std::thread writer;
  if (writes)
    writer = std::thread([&] {
      try {
        CheckpointWriter files(layout, settings.out, checkpoints, summary.files);
        for (int band = 0; band < layout.count(); ++band) {
          std::optional<CompressedBand> next = queue.pop();
          if (!next) return;  // cancelled
          if (settings.before_band_written) settings.before_band_written(band);
          files.append(*next);
          if (sharing && sharing->on_written) sharing->on_written(band + 1);
        }
        files.finish();
        summary.write_cpu_seconds = thread_cpu_seconds();
      } catch (...) {
        write_error = std::current_exception();
        stop();
      }
    });
  // Other processes' bands, fed to the writer as they arrive: polled, so a stop ends it.
  std::atomic<int> bands_queued{0};
  std::thread receiver;
  if (writes && sharing && sharing->poll)
    receiver = std::thread([&] {
      try {
        auto idle = std::chrono::microseconds(20);
        while (bands_queued.load() < layout.count() && !bands.cancelled()) {
          if (std::optional<CompressedBand> band = sharing->poll()) {
            queue.push(band->index, std::move(*band));  // within the window: see BandSharing
            bands_queued.fetch_add(1);
            idle = std::chrono::microseconds(20);
          } else {
            std::this_thread::sleep_for(idle);
            idle = std::min(idle * 2, std::chrono::microseconds(1000));
          }
        }
      } catch (...) {
        write_error = std::current_exception();
        stop();
      }
    });
  // Should the workers throw, the threads are released and joined before what they read goes.
  struct ThreadGuard {
    const std::function<void()> stop;
    std::thread& thread;
    ~ThreadGuard() {
      if (!thread.joinable()) return;
      stop();
      thread.join();
    }
  } writer_guard{stop, writer}, receiver_guard{stop, receiver};

  // Each worker renders a band into its own buffer, compresses it and hands it on.
  const auto make_worker = [&] { return BandWorker(layout, checkpoints); };
  arena.run_with_state(bands, make_worker, [&](int band, int, BandWorker& worker) {
    try {
      // Cancelled while the writer was behind.
      if (writes ? !queue.wait_for_room(band) : !sharing->wait_for_room(band)) return;
      worker.pixels.set_first_row(layout.first_row(band));
      const int y0 = layout.first_row(band);
      const int y1 = layout.end_row(band);
      for (int x0 = 0; x0 < settings.width; x0 += settings.tile_width)
        render_tile(scene, {x0, y0, std::min(settings.width, x0 + settings.tile_width), y1},
                    worker.pixels);
      if (writes) {
        queue.push(band, worker.encoder.encode(worker.pixels, band));
        bands_queued.fetch_add(1);
      } else {
        sharing->send(worker.encoder.encode(worker.pixels, band));
      }
      if (progress) progress->pixels_done.fetch_add(layout.pixels(band));
    } catch (...) {
      stop();  // nobody may wait for this band
      throw;
    }
  });
  summary.render_seconds = seconds_since(start);
  if (writer.joinable()) writer.join();
  if (receiver.joinable()) receiver.join();
  if (write_error) std::rethrow_exception(write_error);
  interrupt::throw_if_requested();
  summary.peak_bands_queued = queue.peak_waiting();
  summary.producer_waits = queue.producer_waits();
  summary.total_seconds = seconds_since(start);
  if (out_folder) out_folder->keep();
  return summary;
}

}  // namespace rtcli

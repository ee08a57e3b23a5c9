#include "profiling/bench_runner.h"

#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>

#include "distributed/rank_tiles.h"
#include "distributed/world.h"
#include "frame/frame.h"
#include "parallel/tile_workers.h"
#include "pipeline/render_memory.h"
#include "profiling/statistics.h"
#include "shading/shade.h"
#include "shading/tile_renderer.h"
#include "system/errors.h"
#include "system/interrupt.h"
#include "system/memory_budget.h"

namespace rtcli {

namespace {
using SteadyClock = std::chrono::steady_clock;

double ms_since(SteadyClock::time_point start) {
  return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

double process_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

struct FrameShare {
  std::size_t pixels = 0;  // this rank rendered
  double busy_ms = 0;      // until this rank's workers found no tile left
};

// One whole frame on `arena`: work(tile, bounds, worker) for each tile. Under MPI the ranks
// share the frame's tiles (distributed/rank_tiles.h) and leave together once all are done.
template <class Work>
FrameShare render_frame(WorkerArena& arena, const TileGrid& grid, Work&& work) {
  std::atomic<std::size_t> pixels{0};
  const auto counted = [&](int tile, int worker) {
    const TileBounds bounds = grid.bounds(tile);
    work(tile, bounds, worker);
    pixels.fetch_add(bounds.pixels(), std::memory_order_relaxed);
  };
  FrameShare share;
  if (distributed::active()) {
    distributed::SharedCounter counter;  // collective: every rank starts together
    const SteadyClock::time_point start = SteadyClock::now();
    distributed::RankTiles tiles(counter, grid.count());
    arena.run(tiles, counted);
    share.busy_ms = ms_since(start);
    distributed::barrier();
  } else {
    const SteadyClock::time_point start = SteadyClock::now();
    TileScheduler scheduler(grid.count());
    arena.run(scheduler, counted);
    share.busy_ms = ms_since(start);
  }
  share.pixels = pixels.load();
  interrupt::throw_if_requested();  // a signal ends the bench before any file is written
  return share;
}

// Per-worker histograms, each on its own cache lines (the bucket arrays are separate heap
// blocks), merged after the pass: nothing shared is written per pixel.
struct alignas(64) WorkerHistograms {
  LatencyHistogram hit;
  LatencyHistogram background;
};

// Times each pixel's shade_pixel call between a start and a stop read of the clock.
template <class StartTicks, class StopTicks>
void timed_tile(const RenderScene& scene, const TileBounds& tile, Frame& frame,
                StartTicks start_ticks, StopTicks stop_ticks, double ns_per_tick,
                WorkerHistograms& histograms, float* pixel_ns) {
  const int width = frame.width();
  const int height = frame.height();
  for (int y = tile.y0; y < tile.y1; ++y) {
    std::uint8_t* out = frame.pixel(tile.x0, y);
    for (int x = tile.x0; x < tile.x1; ++x, out += 3) {
      const std::uint64_t t0 = start_ticks();
      const PixelResult pixel = shade_pixel(scene, x, y, width, height);
      const std::uint64_t t1 = stop_ticks();
      const double ns = static_cast<double>(t1 - t0) * ns_per_tick;
      (pixel.hit ? histograms.hit : histograms.background).record(ns);
      if (pixel_ns) pixel_ns[static_cast<std::size_t>(y) * width + x] = static_cast<float>(ns);
      out[0] = pixel.colour.r;
      out[1] = pixel.colour.g;
      out[2] = pixel.colour.b;
    }
  }
}
}  // namespace

void validate(const BenchSettings& s) {
  if (s.width <= 0 || s.height <= 0)
    throw UsageError("invalid size " + std::to_string(s.width) + "x" + std::to_string(s.height));
  if (s.tile_width <= 0 || s.tile_height <= 0)
    throw UsageError("invalid tile " + std::to_string(s.tile_width) + "x" +
                     std::to_string(s.tile_height));
  for (const int t : s.threads)
    if (t < 1) throw UsageError("invalid thread count " + std::to_string(t));
  if (s.repetitions < 1) throw UsageError("invalid repetitions " + std::to_string(s.repetitions));
  if (s.warmup < 0) throw UsageError("invalid warm-up count " + std::to_string(s.warmup));
  if (s.latency_runs < 1)
    throw UsageError("invalid instrumented run count " + std::to_string(s.latency_runs));
  check_frame_fits(s.width, s.height);
  // The sweep's renders stream, as rtcli render does: only their bands need to fit.
  for (const auto& [width, height] : s.sweep_sizes) {
    RenderSettings render;
    render.width = width;
    render.height = height;
    render.tile_width = s.tile_width;
    render.tile_height = s.tile_height;
    render.checkpoints = parse_checkpoints("25%,50%,75%");
    render.out = std::filesystem::temp_directory_path();
    for (const int t : resolve_thread_list(s)) render.threads = std::max(render.threads, t);
    check_render_fits(render);
  }
  // With a latency map: a float per pixel beside the frame, then an RGB image of the map.
  if (s.keep_pixel_latencies) {
    const std::size_t pixels = static_cast<std::size_t>(s.width) * s.height;
    check_memory_fits(
        frame_peak_bytes(s.width, s.height) + pixels * sizeof(float),
        "a latency map of " + std::to_string(s.width) + "x" + std::to_string(s.height));
  }
}

std::vector<int> resolve_thread_list(const BenchSettings& s) {
  if (s.threads.empty()) return {tbb::info::default_concurrency()};
  return s.threads;
}

std::vector<ThroughputRun> run_throughput(const BenchSettings& s) {
  Frame frame(s.width, s.height);
  const TileGrid grid(s.width, s.height, s.tile_width, s.tile_height);
  const RenderScene scene = prepare_scene(s.scene, s.accel);  // hierarchies: not timed
  std::vector<ThroughputRun> runs;
  for (const int threads : resolve_thread_list(s)) {
    WorkerArena arena(threads);
    const auto render = [&] {
      return render_frame(arena, grid, [&](int, const TileBounds& bounds, int) {
        render_tile(scene, bounds, frame);
      });
    };
    for (int i = 0; i < s.warmup; ++i) render();
    ThroughputRun run;
    run.threads = threads;
    RankShare own;
    own.rank = distributed::rank();
    for (int i = 0; i < s.repetitions; ++i) {
      const double cpu0 = process_cpu_ms();
      const SteadyClock::time_point start = SteadyClock::now();
      const FrameShare share = render();
      run.wall_ms.push_back(ms_since(start));
      run.cpu_ms.push_back(process_cpu_ms() - cpu0);
      own.busy_ms.push_back(share.busy_ms);
      own.pixels.push_back(share.pixels);
      own.cpu_ms.push_back(run.cpu_ms.back());
    }
    run.ranks.push_back(std::move(own));
    runs.push_back(std::move(run));
  }
  return runs;
}

LatencyPass run_latency_pass(const BenchSettings& s, int threads, const CycleClock& clock) {
  Frame frame(s.width, s.height);
  const TileGrid grid(s.width, s.height, s.tile_width, s.tile_height);
  WorkerArena arena(threads);
  const RenderScene scene = prepare_scene(s.scene, s.accel);  // hierarchies: not timed
  LatencyPass pass;
  pass.threads = threads;
  pass.clock = clock;

  const auto plain = [&] {
    render_frame(arena, grid, [&](int, const TileBounds& bounds, int) {
      // The scalar loop: what the instrumented pass does, minus the clocks.
      render_tile_scalar(scene, bounds, frame);
    });
  };

  std::vector<WorkerHistograms> workers;
  // Under MPI a rank fills only the tiles it rendered; bench_ranks.h joins them on rank 0.
  TileRecord unrendered;
  unrendered.rank = -1;
  pass.tiles.assign(static_cast<std::size_t>(grid.count()), unrendered);
  if (s.keep_pixel_latencies) pass.pixel_ns.assign(frame.pixels(), 0.0f);
  float* pixel_ns = pass.pixel_ns.empty() ? nullptr : pass.pixel_ns.data();
  const auto instrumented = [&](auto start_ticks, auto stop_ticks) {
    workers.assign(static_cast<std::size_t>(threads), WorkerHistograms{});
    // Under MPI another rank may take a tile this rank timed before: only the last pass counts.
    if (distributed::active()) {
      pass.tiles.assign(pass.tiles.size(), unrendered);
      std::fill(pass.pixel_ns.begin(), pass.pixel_ns.end(), 0.0f);
    }
    const double cpu0 = process_cpu_ms();
    const SteadyClock::time_point start = SteadyClock::now();
    render_frame(arena, grid, [&](int tile, const TileBounds& bounds, int worker) {
      const double tile_start = ms_since(start) * 1e3;
      timed_tile(scene, bounds, frame, start_ticks, stop_ticks, clock.ns_per_tick,
                 workers[static_cast<std::size_t>(worker)], pixel_ns);
      const double tile_end = ms_since(start) * 1e3;
      pass.tiles[static_cast<std::size_t>(tile)] = {
          tile, bounds, worker, tile_start, tile_end - tile_start, distributed::rank()};
    });
    pass.instrumented_wall_ms.push_back(ms_since(start));
    pass.instrumented_cpu_ms.push_back(process_cpu_ms() - cpu0);
  };

  // Warm-up (arena threads, the frame's pages), then plain and instrumented passes in turn.
  for (int i = 0; i < s.warmup; ++i) plain();
  for (int i = 0; i < std::max(1, s.latency_runs); ++i) {
    const double cpu0 = process_cpu_ms();
    const SteadyClock::time_point start = SteadyClock::now();
    plain();
    pass.plain_wall_ms.push_back(ms_since(start));
    pass.plain_cpu_ms.push_back(process_cpu_ms() - cpu0);
    // The clock is chosen once per pass, not per read.
    if (clock.source == ClockSource::kTsc)
      instrumented([] { return read_tsc_start(); }, [] { return read_tsc_stop(); });
    else
      instrumented([] { return read_steady_ns(); }, [] { return read_steady_ns(); });
  }
  pass.wall_ms = median(pass.instrumented_wall_ms);

  for (const WorkerHistograms& w : workers) {
    pass.hit.merge(w.hit);
    pass.background.merge(w.background);
  }
  pass.all.merge(pass.hit);
  pass.all.merge(pass.background);
  return pass;
}

std::vector<ThreadLoad> thread_loads(const std::vector<TileRecord>& tiles, int threads, int ranks) {
  std::vector<ThreadLoad> loads(static_cast<std::size_t>(threads) * ranks);
  for (int r = 0; r < ranks; ++r)
    for (int t = 0; t < threads; ++t)
      loads[static_cast<std::size_t>(r) * threads + t] = ThreadLoad{r, t, 0, 0, 0};
  for (const TileRecord& tile : tiles) {
    if (tile.thread < 0 || tile.thread >= threads || tile.rank < 0 || tile.rank >= ranks) continue;
    ThreadLoad& load = loads[static_cast<std::size_t>(tile.rank) * threads + tile.thread];
    ++load.tiles;
    load.pixels += tile.bounds.pixels();
    load.busy_ms += tile.duration_us / 1e3;
  }
  return loads;
}

}  // namespace rtcli

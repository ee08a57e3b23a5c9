#include "bench/bench_runner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>

#include "bench/bench_recorder.h"
#include "bench/statistics.h"
#include "distributed/shared_bands.h"
#include "distributed/world.h"
#include "pipeline/band_renderer.h"
#include "pipeline/frame_loop.h"
#include "pipeline/memory_sink.h"
#include "pipeline/run_timeline.h"
#include "pipeline/tile_workers.h"
#include "png/render_memory.h"
#include "shading/frame.h"
#include "shading/shade.h"
#include "shading/tile_renderer.h"
#include "system/cpu_clock.h"
#include "system/errors.h"
#include "system/interrupt.h"
#include "system/memory_budget.h"

namespace rtcli {

namespace {

double ms_since(SteadyClock::time_point start) {
  return ms(SteadyClock::now() - start);
}

struct FrameShare {
  std::size_t pixels = 0;  // this rank rendered
  double busy_ms = 0;      // until this rank's workers found no tile left
};

// One whole frame into `frame` through the frame loop, a tile a band, rendered by `renderer`.
// Under MPI the ranks share the frame's tiles (distributed/shared_bands.h) and leave together
// once all are done. `tiles`: each tile's record, when kept.
FrameShare render_frame(WorkerArena& arena, const TileGrid& grid, BandRenderer& renderer,
                        MemorySink& frame, std::vector<TileRecord>* tiles = nullptr) {
  BenchRecorder recorder(tiles, distributed::rank());
  const std::vector<FrameSink*> sinks{&frame, &recorder};
  const auto busy_ms = [](const FrameTimes& t) { return ms(t.rendered - t.start); };
  FrameShare share;
  if (distributed::active()) {
    distributed::SharedCounter counter;  // collective: every rank starts together
    distributed::SharedBands bands(counter, grid.count());
    try {
      share.busy_ms = busy_ms(FrameLoop(arena, grid, sinks, &bands).run(renderer));
    } catch (const interrupt::Interrupted&) {
      distributed::barrier();  // a signal ends the bench on every rank, after the frame
      throw;
    }
    distributed::barrier();
  } else {
    share.busy_ms = busy_ms(FrameLoop(arena, grid, sinks).run(renderer));
  }
  share.pixels = recorder.pixels();
  return share;
}

// rtcli bench's plain passes: the production kernels, or the scalar loop the instrumented
// pass times, without clocks.
class ScalarRenderer : public BandRenderer {
 public:
  explicit ScalarRenderer(const RenderScene& scene) : scene_(scene) {}
  void render(const TileBounds& tile, Frame& pixels, int) override {
    render_tile_scalar(scene_, tile, pixels, interrupt::stop_token());
  }

 private:
  const RenderScene& scene_;
};

// Per-worker histograms, each on its own cache lines (the bucket arrays are separate heap
// blocks), merged after the pass: nothing shared is written per pixel.
struct alignas(64) WorkerHistograms {
  LatencyHistogram hit;
  LatencyHistogram background;
};

// Times each pixel's shade_pixel call between two reads of the clock.
template <class Ticks>
void timed_tile(const RenderScene& scene, const TileBounds& tile, Frame& frame, Ticks ticks,
                double ns_per_tick, WorkerHistograms& histograms, float* pixel_ns) {
  const int width = frame.width();
  const int height = frame.height();
  for (int y = tile.y0; y < tile.y1; ++y) {
    std::uint8_t* out = frame.pixel(tile.x0, y);
    for (int x = tile.x0; x < tile.x1; ++x, out += 3) {
      const std::uint64_t t0 = ticks();
      const PixelResult pixel = shade_pixel(scene, x, y, width, height);
      const std::uint64_t t1 = ticks();
      const double ns = static_cast<double>(t1 - t0) * ns_per_tick;
      (pixel.hit ? histograms.hit : histograms.background).record(ns);
      if (pixel_ns) pixel_ns[static_cast<std::size_t>(y) * width + x] = static_cast<float>(ns);
      out[0] = pixel.colour.r;
      out[1] = pixel.colour.g;
      out[2] = pixel.colour.b;
    }
  }
}

// The instrumented pass's renderer: every pixel timed (timed_tile), into its worker's histograms.
template <class Ticks>
class TimedRenderer : public BandRenderer {
 public:
  TimedRenderer(const RenderScene& scene, double ns_per_tick,
                std::vector<WorkerHistograms>& workers, float* pixel_ns)
      : scene_(scene), ns_per_tick_(ns_per_tick), workers_(workers), pixel_ns_(pixel_ns) {}
  void render(const TileBounds& tile, Frame& pixels, int worker) override {
    timed_tile(scene_, tile, pixels, Ticks{}, ns_per_tick_,
               workers_[static_cast<std::size_t>(worker)], pixel_ns_);
  }

 private:
  const RenderScene& scene_;
  const double ns_per_tick_;
  std::vector<WorkerHistograms>& workers_;
  float* const pixel_ns_;
};

struct TscTicks {
  std::uint64_t operator()() const { return read_tsc(); }
};
struct SteadyTicks {
  std::uint64_t operator()() const { return read_steady_ns(); }
};
}  // namespace

FrameSpec frame_spec(const BenchSettings& s, int width, int height, int threads) {
  FrameSpec frame = s.frame;
  frame.width = width;
  frame.height = height;
  frame.threads = threads;
  return frame;
}

void validate(const BenchSettings& s) {
  // The frame as every frame; the thread list is the bench's own.
  validate(s.frame);
  for (const int t : s.threads)
    if (t < 1) throw UsageError("invalid thread count " + std::to_string(t));
  if (s.repetitions < 1) throw UsageError("invalid repetitions " + std::to_string(s.repetitions));
  if (s.warmup < 0) throw UsageError("invalid warm-up count " + std::to_string(s.warmup));
  if (s.latency_runs < 1)
    throw UsageError("invalid instrumented run count " + std::to_string(s.latency_runs));
  check_frame_fits(s.frame.width, s.frame.height);
  // The sweep's renders stream, as rtcli render does: only their bands need to fit.
  const std::vector<int> threads = resolve_thread_list(s);
  for (const auto& [width, height] : s.sweep_sizes) {
    FrameSpec render =
        frame_spec(s, width, height, *std::max_element(threads.begin(), threads.end()));
    render.checkpoints = parse_checkpoints(kEndToEndCheckpoints);
    validate(render);
    check_render_fits(render, std::filesystem::temp_directory_path());
  }
  // With a latency map: a float per pixel beside the frame, then an RGB image of the map.
  if (s.keep_pixel_latencies) {
    const FrameSpec& f = s.frame;
    const std::size_t pixels = static_cast<std::size_t>(f.width) * f.height;
    check_memory_fits(
        frame_peak_bytes(f.width, f.height) + pixels * sizeof(float),
        "a latency map of " + std::to_string(f.width) + "x" + std::to_string(f.height));
  }
}

std::vector<int> resolve_thread_list(const BenchSettings& s) {
  if (s.threads.empty()) return {tbb::info::default_concurrency()};
  return s.threads;
}

std::vector<ThroughputRun> run_throughput(const BenchSettings& s) {
  MemorySink frame(s.frame.width, s.frame.height);
  const TileGrid grid = s.frame.tiles();
  const RenderScene scene = prepare_scene(s.frame.scene, s.frame.accel);  // hierarchies: not timed
  std::vector<ThroughputRun> runs;
  for (const int threads : resolve_thread_list(s)) {
    WorkerArena arena(threads);
    // One scratch per worker, kept across the repetitions as each worker's own.
    KernelRenderer kernels(scene, s.frame.tile_width, threads);
    const auto render = [&] { return render_frame(arena, grid, kernels, frame); };
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
  MemorySink frame(s.frame.width, s.frame.height);
  const TileGrid grid = s.frame.tiles();
  WorkerArena arena(threads);
  const RenderScene scene = prepare_scene(s.frame.scene, s.frame.accel);  // hierarchies: not timed
  LatencyPass pass;
  pass.threads = threads;
  pass.clock = clock;

  // The scalar loop: what the instrumented pass does, minus the clocks.
  ScalarRenderer scalar(scene);
  const auto plain = [&] { render_frame(arena, grid, scalar, frame); };

  std::vector<WorkerHistograms> workers;
  // Under MPI a rank fills only the tiles it rendered; bench_ranks.h joins them on rank 0.
  TileRecord unrendered;
  unrendered.rank = -1;
  pass.tiles.assign(static_cast<std::size_t>(grid.count()), unrendered);
  if (s.keep_pixel_latencies) pass.pixel_ns.assign(frame.frame().pixels(), 0.0f);
  float* pixel_ns = pass.pixel_ns.empty() ? nullptr : pass.pixel_ns.data();
  const auto instrumented = [&](BandRenderer&& timed) {
    workers.assign(static_cast<std::size_t>(threads), WorkerHistograms{});
    // Under MPI another rank may take a tile this rank timed before: only the last pass counts.
    if (distributed::active()) {
      pass.tiles.assign(pass.tiles.size(), unrendered);
      std::fill(pass.pixel_ns.begin(), pass.pixel_ns.end(), 0.0f);
    }
    const double cpu0 = process_cpu_ms();
    const SteadyClock::time_point start = SteadyClock::now();
    render_frame(arena, grid, timed, frame, &pass.tiles);
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
      instrumented(TimedRenderer<TscTicks>(scene, clock.ns_per_tick, workers, pixel_ns));
    else
      instrumented(TimedRenderer<SteadyTicks>(scene, clock.ns_per_tick, workers, pixel_ns));
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

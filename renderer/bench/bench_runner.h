// The timed renders of `rtcli bench`: uninstrumented throughput passes, and one instrumented
// pass that times every pixel. Produces measurements only; bench_report.* formats them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "bench/cycle_clock.h"
#include "bench/latency_histogram.h"
#include "pipeline/frame_spec.h"
#include "shading/tile_bounds.h"

namespace rtcli {

struct BenchSettings {
  // The frame every pass renders: size, tiles, scene and --accel, declared and checked as every
  // frame's. Its thread count and checkpoints stay unset: the passes time the thread list
  // below, on whole frames without checkpoints (the end-to-end runs add theirs).
  FrameSpec frame{.checkpoints = {}};
  std::vector<int> threads;         // thread counts to time, each >= 1; empty: all logical cores
  int repetitions = 10;             // timed renders per thread count
  int warmup = 1;                   // untimed renders before them
  int latency_runs = 3;             // instrumented passes, each after a plain one (data: the last)
  int end_to_end_runs = 5;          // whole renders with checkpoints and files (0: none)
  std::string scene_name = "seed";  // "seed" or the scene file's path, for the report
  bool keep_pixel_latencies = false;  // fill LatencyPass::pixel_ns (for the latency map)
  int ranks = 1;                      // MPI ranks sharing each frame (distributed/world.h)
  // Frame sizes for the end-to-end size sweep, {width, height} each (empty: no sweep).
  std::vector<std::pair<int, int>> sweep_sizes;
};

// What the end-to-end runs and the size sweep render, as rtcli render --checkpoints takes it.
inline constexpr const char* kEndToEndCheckpoints = "25%,50%,75%";

// Checks sizes, counts and memory before any work. Throws UsageError.
void validate(const BenchSettings& settings);

// settings.frame at width x height (a sweep size, or its own) on `threads` workers.
FrameSpec frame_spec(const BenchSettings& settings, int width, int height, int threads);

// The thread counts to run: the list as given, or {all logical cores} when it is empty.
std::vector<int> resolve_thread_list(const BenchSettings& settings);

// One rank's part of the timed repetitions, when MPI ranks share each frame.
struct RankShare {
  int rank = 0;
  std::vector<double> busy_ms;      // each repetition: from its start to the rank's last tile
  std::vector<std::size_t> pixels;  // each repetition: pixels the rank rendered
  std::vector<double> cpu_ms;       // each repetition: the rank's process CPU time
};

struct ThroughputRun {
  int threads = 0;               // per rank
  std::vector<double> wall_ms;   // each timed repetition, in order (the whole frame)
  std::vector<double> cpu_ms;    // CPU time of the same repetitions, summed over the ranks
  std::vector<RankShare> ranks;  // this rank's share; every rank's on rank 0 (bench_ranks.h)
};

struct TileRecord {
  int index = 0;
  TileBounds bounds;
  int thread = 0;       // arena slot of the worker that rendered it
  double start_us = 0;  // from the start of the instrumented pass
  double duration_us = 0;
  int rank = 0;  // MPI rank of that worker; -1: rendered by another rank
};

struct ThreadLoad {
  int rank = 0;
  int thread = 0;
  int tiles = 0;
  std::size_t pixels = 0;
  double busy_ms = 0;  // sum of its tiles' durations
};

// The instrumented passes alternate with the same scalar loop without clocks, so both see the
// same machine load; the histograms, tiles and pixel latencies are the last pass's.
struct LatencyPass {
  int threads = 0;
  double wall_ms = 0;                        // median of instrumented_wall_ms
  std::vector<double> instrumented_wall_ms;  // each instrumented pass, first tile to last
  std::vector<double> plain_wall_ms;         // each plain scalar pass
  // Process CPU time of the same passes: unlike wall time, not inflated while the machine's
  // other work holds our threads off the cores.
  std::vector<double> instrumented_cpu_ms;
  std::vector<double> plain_cpu_ms;
  CycleClock clock;
  LatencyHistogram all;
  LatencyHistogram hit;           // pixels whose ray hit a sphere (what the seed timed)
  LatencyHistogram background;    // pixels whose ray missed
  std::vector<TileRecord> tiles;  // by tile index
  std::vector<float> pixel_ns;    // per pixel in scan order, raw; empty unless kept
};

// Warm-up, then settings.repetitions timed renders through render_tile (the production
// kernel, whatever it is), for each thread count.
std::vector<ThroughputRun> run_throughput(const BenchSettings& settings);

// Times shade_pixel for every pixel with `clock` on `threads` workers, settings.latency_runs
// times, each run after a pass of the same scalar loop without clocks.
LatencyPass run_latency_pass(const BenchSettings& settings, int threads, const CycleClock& clock);

// Tiles and pixels each worker of each of `ranks` ranks did, from the tile records.
std::vector<ThreadLoad> thread_loads(const std::vector<TileRecord>& tiles, int threads,
                                     int ranks = 1);

}  // namespace rtcli

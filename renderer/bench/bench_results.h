// BenchResults: every measurement of one `rtcli bench` run and the statistics derived from them.
// bench_report.* serialises it; bench_table.* prints it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bench/bench_context.h"
#include "bench/bench_end_to_end.h"
#include "bench/bench_runner.h"
#include "bench/latency_map.h"
#include "bench/statistics.h"

namespace rtcli {

struct ThroughputSummary {
  ThroughputRun run;
  Summary wall;                       // of run.wall_ms
  Summary cpu;                        // of run.cpu_ms
  double mpix_per_s = 0;              // from the median wall time
  std::vector<std::size_t> outliers;  // repetitions beyond 3 MADs of the median
  bool first_run_slow = false;
  std::optional<RatioEstimate> speedup;     // against the one-thread entry, when there is one
  std::optional<RatioEstimate> efficiency;  // speedup / threads, interval scaled alike
};

struct LatencyMapInfo {
  std::string file;
  LatencyMapScale scale;
};

struct BenchResults {
  BenchContext context;
  BenchSettings settings;  // with the thread list resolved
  std::vector<ThroughputSummary> throughput;
  LatencyPass latency;
  std::optional<double> render_tile_median_ms;  // throughput median at latency.threads
  std::optional<LatencyMapInfo> latency_map;
  std::optional<EndToEndRuns> end_to_end;  // with --end-to-end-runs above 0
  std::vector<EndToEndRuns> size_sweep;    // with --sizes: end to end at each size
  std::vector<std::string> warnings;       // outliers, slow first runs, clock cost vs latency
};

// Summaries, speedups (bootstrap CI over repetitions) and warnings from the raw runs.
BenchResults make_bench_results(BenchContext context, BenchSettings settings,
                                std::vector<ThroughputRun> runs, LatencyPass latency);

// The instrumented pass's wall time over an uninstrumented one (nothing when either is 0).
std::optional<double> instrumented_ratio(const LatencyPass& latency,
                                         std::optional<double> uninstrumented_ms);

// Median CPU time of the instrumented passes over that of the plain scalar ones.
std::optional<double> instrumented_cpu_ratio(const LatencyPass& latency);

}  // namespace rtcli

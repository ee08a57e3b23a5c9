// One `rtcli bench`: which passes run, for which scenes, in which order, on how many threads and
// ranks. The command line builds the settings and writes what comes back.
#pragma once

#include <vector>

#include "bench/bench_results.h"
#include "bench/bench_runner.h"

namespace rtcli {

struct BenchSession {
  std::vector<BenchResults> scenes;  // one per scene, in the order given; complete on rank 0
  std::vector<float> pixel_ns;       // the last scene's raw per-pixel latencies (heat map)
};

// Benches each of `scenes` (the same settings but for the scene) in turn: throughput, then the
// per-pixel latency passes on the largest thread count, then the end-to-end runs and the size
// sweep. Under MPI every rank renders its share of each frame and rank 0 gathers the shares;
// the end-to-end runs, which would run on one rank alone, are skipped with a warning. What else
// the machine did meanwhile goes into every report (rank 0's). Checks first that the largest
// thread count can start. Throws RunError.
BenchSession run_bench_session(const std::vector<BenchSettings>& scenes);

}  // namespace rtcli

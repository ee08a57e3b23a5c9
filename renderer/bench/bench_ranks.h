// `rtcli bench` under MPI: every rank renders its share of each frame; rank 0 collects the
// shares, merges the latency histograms (each pixel was timed by one rank only) and reports.
// In a one-process run every function here leaves its argument as it is.
#pragma once

#include <string>
#include <vector>

#include "bench/bench_context.h"
#include "bench/bench_runner.h"

namespace rtcli {

// Every rank's host and core count, on rank 0 (this rank's alone elsewhere).
std::vector<RankHost> gather_rank_hosts(const std::string& host, int logical_cores);

// Fills each run's `ranks` with every rank's share and sums cpu_ms over the ranks, on rank 0.
void gather_throughput(std::vector<ThroughputRun>& runs);

// Merges histograms, tile records, instrumented CPU time and pixel latencies into rank 0's
// pass.
void gather_latency(LatencyPass& pass);

// Pixels per second of one rank's share, over its busy time: sum of pixels / sum of busy ms.
double rank_mpix_per_s(const RankShare& share);

}  // namespace rtcli

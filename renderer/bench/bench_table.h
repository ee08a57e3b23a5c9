// The short human summary `rtcli bench` prints on stdout: throughput and latency tables.
#pragma once

#include <string>
#include <vector>

#include "bench/bench_results.h"

namespace rtcli {

std::string format_bench_summary(const BenchResults& results);

// One line per scene of a run over several: the kernel that ran and the render median at the
// largest thread count, with each scene's time as a multiple of the first's.
std::string format_scene_comparison(const std::vector<BenchResults>& scenes);

}  // namespace rtcli

// The short human summary `rtcli bench` prints on stdout: throughput and latency tables.
#pragma once

#include <string>

#include "profiling/bench_results.h"

namespace rtcli {

std::string format_bench_summary(const BenchResults& results);

}  // namespace rtcli

// Chrome trace event JSON of the instrumented pass: one complete ("X") event per tile on the
// thread that rendered it, for chrome://tracing or ui.perfetto.dev. Under MPI each rank is a
// process of its own (pid = rank + 1).
#pragma once

#include <string>
#include <vector>

#include "bench/bench_runner.h"

namespace rtcli {

// Times are microseconds from the pass's start, printed with three fixed decimals (ns).
std::string chrome_trace_json(const std::vector<TileRecord>& tiles, int threads, int ranks = 1);

}  // namespace rtcli

// The Chrome trace of a render recorded on a RunTimeline (rtcli render --trace), for
// ui.perfetto.dev or chrome://tracing: on each thread that did it, every band's render, its
// compression and each strip of it, every wait for room in the writer's window, every band
// appended, and every file written with its fsync inside; on the main thread the whole run
// and its setup before the first band. An event's category is its phase (run_timeline.h), or
// "run" and "setup".
#pragma once

#include <string>

#include "pipeline/run_timeline.h"

namespace rtcli {

// After the run, from a timeline that kept its events. Times are µs from the run's start,
// three fixed decimals (ns); each thread's events in order of start, an event before those it
// holds.
std::string render_trace_json(const RunTimeline& timeline);

}  // namespace rtcli

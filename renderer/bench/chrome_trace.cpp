#include "bench/chrome_trace.h"

#include <cstdio>

#include "pipeline/trace_events.h"

namespace rtcli {

std::string chrome_trace_json(const std::vector<TileRecord>& tiles, int threads, int ranks) {
  TraceEvents trace;
  for (int r = 0; r < ranks; ++r) {
    trace.process_name(
        r + 1, ranks == 1 ? std::string("rtcli bench (instrumented pass)")
                          : "rtcli bench rank " + std::to_string(r) + " (instrumented pass)");
    for (int t = 0; t < threads; ++t) trace.thread_name(r + 1, t, "worker " + std::to_string(t));
  }
  char args[256];
  for (const TileRecord& tile : tiles) {
    std::snprintf(args, sizeof args, "\"x\":%d,\"y\":%d,\"width\":%d,\"height\":%d,\"pixels\":%zu",
                  tile.bounds.x0, tile.bounds.y0, tile.bounds.width(), tile.bounds.height(),
                  tile.bounds.pixels());
    trace.complete("tile " + std::to_string(tile.index), "tile", tile.rank + 1, tile.thread,
                   tile.start_us, tile.duration_us, args);
  }
  return trace.finish();
}

}  // namespace rtcli

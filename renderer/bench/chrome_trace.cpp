#include "bench/chrome_trace.h"

#include <cstdio>

namespace rtcli {

std::string chrome_trace_json(const std::vector<TileRecord>& tiles, int threads, int ranks) {
  // Written by hand rather than through a JSON library so that ts and dur stay fixed decimals
  // (no exponents), which every trace viewer parses the same way.
  std::string out = "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n";
  char line[512];
  for (int r = 0; r < ranks; ++r) {
    if (ranks == 1)
      std::snprintf(line, sizeof line,
                    "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"tid\":0,"
                    "\"args\":{\"name\":\"rtcli bench (instrumented pass)\"}}");
    else
      std::snprintf(line, sizeof line,
                    "%s{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":%d,\"tid\":0,"
                    "\"args\":{\"name\":\"rtcli bench rank %d (instrumented pass)\"}}",
                    r == 0 ? "" : ",\n", r + 1, r);
    out += line;
    for (int t = 0; t < threads; ++t) {
      std::snprintf(line, sizeof line,
                    ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":%d,\"tid\":%d,"
                    "\"args\":{\"name\":\"worker %d\"}}",
                    r + 1, t, t);
      out += line;
    }
  }
  for (const TileRecord& tile : tiles) {
    std::snprintf(line, sizeof line,
                  ",\n{\"name\":\"tile %d\",\"cat\":\"tile\",\"ph\":\"X\",\"pid\":%d,"
                  "\"tid\":%d,\"ts\":%.3f,\"dur\":%.3f,\"args\":{\"x\":%d,\"y\":%d,"
                  "\"width\":%d,\"height\":%d,\"pixels\":%zu}}",
                  tile.index, tile.rank + 1, tile.thread, tile.start_us, tile.duration_us,
                  tile.bounds.x0, tile.bounds.y0, tile.bounds.width(), tile.bounds.height(),
                  tile.bounds.pixels());
    out += line;
  }
  out += "\n]}\n";
  return out;
}

}  // namespace rtcli

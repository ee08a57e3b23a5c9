// What `rtcli compare` reads from an rtcli.bench/1 report: the facts two reports must share to
// be compared, the figures to compare, and the warnings the run recorded.
#pragma once

#include <string>
#include <vector>

#include "compare/rank_tests.h"

namespace rtcli::compare {

// One figure of one report; every figure is a time, so lower is better.
struct Figure {
  std::string key;              // unique within a report: scene and name
  std::string scene;            // the scene file of a several-scene report, else empty
  std::string name;             // e.g. "frame, 2 threads", "pixel p99 hit"
  std::string unit;             // of the values, e.g. "ms" or "ns"
  std::vector<double> values;   // repetitions (a percentile has none: see buckets)
  std::vector<Bucket> buckets;  // for a per-pixel percentile: the class's histogram
  double percentile = 0;        // 50 or 99 for a per-pixel percentile, else 0
  double clock_step_ns = 0;     // for a percentile: the clock's resolution (0: unknown)
  double value = 0;             // the figure: median of the repetitions, or the percentile
};

struct BenchFigures {
  std::string path;
  // The facts that must agree, by name ("frame size", "scene", ...), each as text.
  std::vector<std::pair<std::string, std::string>> identity;
  std::vector<Figure> figures;
  std::vector<std::string> machine_warnings;  // context.machine.warnings of the run
};

// Reads and checks the report at `path`; throws UsageError with one line naming the file and
// what is wrong (missing, not JSON, another tool's file, a field of the wrong type).
BenchFigures read_bench_figures(const std::string& path);

}  // namespace rtcli::compare

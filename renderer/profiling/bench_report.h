// The `rtcli.bench/1` JSON report (documented in README.md): serialisation only, one to_json
// per struct; every figure was computed in bench_results.* or the structs it holds.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "profiling/bench_results.h"

namespace rtcli {

inline constexpr const char* kBenchSchema = "rtcli.bench/1";

nlohmann::ordered_json to_json(const MachineState& machine);
nlohmann::ordered_json to_json(const BenchContext& context);
nlohmann::ordered_json to_json(const RatioEstimate& ratio);
nlohmann::ordered_json to_json(const ThroughputSummary& throughput);
nlohmann::ordered_json to_json(const CycleClock& clock);
// Raw statistics, `corrected` ones (minus the clock overhead, floored at 0) and buckets.
nlohmann::ordered_json to_json(const LatencyHistogram& histogram, double overhead_ns);
nlohmann::ordered_json to_json(const TileRecord& tile);
nlohmann::ordered_json to_json(const ThreadLoad& load);
nlohmann::ordered_json to_json(const EndToEndRuns& runs);

// The `benchmarks` array in Google Benchmark's JSON shape: per thread count, one "iteration"
// entry per repetition and mean/median/stddev aggregates; per latency class, one entry whose
// time is the median pixel latency over `iterations` pixels. Every time in ns.
nlohmann::ordered_json google_benchmark_entries(const BenchResults& results);

nlohmann::ordered_json to_json(const BenchResults& results);

// The report of a run over one or more scenes: the first scene's report as above, so that
// readers of one-scene reports read it unchanged, plus, with two or more scenes, `scenes`:
// every scene's report in the order benched, each without a `scenes` of its own.
nlohmann::ordered_json to_json(const std::vector<BenchResults>& scenes);

}  // namespace rtcli

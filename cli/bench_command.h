// `rtcli bench`: flags in, the timed passes run, the report written and summarised.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace rtcli::cli {

// The flags as typed; values are parsed and checked when the command runs. Names, help and
// defaults: flag_table.cpp.
struct BenchFlags {
  std::string json;                 // --json FILE: the rtcli.bench/1 report (none if empty)
  std::string trace;                // --trace FILE: Chrome trace of the instrumented pass
  std::string latency_map;          // --latency-map FILE.png: per-pixel latency heat map
  std::string size;                 // --size WxH
  std::string tile;                 // --tile WxH, as render
  std::string threads;              // --threads LIST, e.g. 1,2 (empty: all cores)
  std::string repetitions;          // --repetitions N, timed renders per thread count
  std::string warmup;               // --warmup N, untimed renders first
  std::string latency_runs;         // --latency-runs N, instrumented passes (data: the last)
  std::string end_to_end_runs;      // --end-to-end-runs N, whole renders with files (0: none)
  std::string sizes;                // --sizes WxH,...: end-to-end size sweep (empty: none)
  std::vector<std::string> scenes;  // --scene FILE, repeated or A,B (empty: the seed scene)
  std::string accel;                // --accel auto|bvh|none: sphere hierarchies, as render
  bool quiet = false;               // --quiet: no summary on stdout
};

CLI::App* add_bench_command(CLI::App& app, BenchFlags& flags);

// Returns the exit code; errors escape as UsageError or RunError.
int run_bench(const BenchFlags& flags);

}  // namespace rtcli::cli

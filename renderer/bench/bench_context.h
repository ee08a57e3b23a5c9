// Where and how a benchmark ran: the `context` of a bench report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bench/machine_state.h"

namespace rtcli {

// Where one MPI rank ran.
struct RankHost {
  int rank = 0;
  std::string host;
  int logical_cores = 0;
};

struct BenchContext {
  std::string date;       // ISO 8601 UTC, e.g. 2026-11-24T03:10:00Z
  std::string host;       // host name
  std::string cpu_model;  // /proc/cpuinfo "model name", or "unknown"
  int logical_cores = 0;
  std::string version;         // rtcli's own
  std::string compiler;        // baked in at configure time
  std::string compiler_flags;  // CMAKE_CXX_FLAGS, the build type's flags, compile options
  std::string build_type;
  std::string tbb_version;                  // the oneTBB library loaded at run time
  std::optional<std::string> git_revision;  // baked in at build time, "-dirty" when modified
  std::string simd_target;      // the instruction set Highway chose on this processor, e.g. AVX2
  std::string render_path;      // render_path() of the benched scene, e.g. sphere-simd/AVX2
  std::vector<RankHost> ranks;  // under MPI: every rank's host and cores; empty otherwise
  std::optional<MachineState> machine;  // load, steal, governor... over the whole run
};

// Everything but render_path, which depends on the scene: the caller fills it in.
BenchContext collect_bench_context();

}  // namespace rtcli

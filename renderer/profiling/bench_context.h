// Where and how a benchmark ran: the `context` of a bench report.
#pragma once

#include <optional>
#include <string>

namespace rtcli {

struct BenchContext {
  std::string date;       // ISO 8601 UTC, e.g. 2026-11-24T03:10:00Z
  std::string host;       // host name
  std::string cpu_model;  // /proc/cpuinfo "model name", or "unknown"
  int logical_cores = 0;
  std::string compiler;        // baked in at configure time
  std::string compiler_flags;  // CMAKE_CXX_FLAGS, the build type's flags, compile options
  std::string build_type;
  std::string tbb_version;                  // the oneTBB library loaded at run time
  std::optional<std::string> git_revision;  // baked in at build time, "-dirty" when modified
};

BenchContext collect_bench_context();

}  // namespace rtcli

#include "bench/bench_context.h"

#include <oneapi/tbb/version.h>
#include <unistd.h>

#include <ctime>
#include <fstream>
#include <thread>

#include "bench/build_facts.h"
#include "shading/sphere_kernel.h"

namespace rtcli {

namespace {
std::string utc_now_iso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string cpu_model() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("model name", 0) != 0) continue;
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) break;
    const std::size_t start = line.find_first_not_of(" \t", colon + 1);
    return start == std::string::npos ? "unknown" : line.substr(start);
  }
  return "unknown";
}

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "unknown";
  return name;
}
}  // namespace

BenchContext collect_bench_context() {
  BenchContext c;
  c.date = utc_now_iso8601();
  c.host = host_name();
  c.cpu_model = cpu_model();
  c.logical_cores = static_cast<int>(std::thread::hardware_concurrency());
  const BuildFacts build = build_facts();
  c.version = build.version;
  c.compiler = build.compiler;
  c.compiler_flags = build.compiler_flags;
  c.build_type = build.build_type;
  c.tbb_version = TBB_runtime_version();
  c.git_revision = build.git_revision;
  c.simd_target = sphere_kernel_target();
  return c;
}

}  // namespace rtcli

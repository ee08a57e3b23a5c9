#include "bench/machine_state.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace rtcli {

namespace {
std::optional<std::string> first_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line)) return std::nullopt;
  return line;
}

// (name, utime + stime) from /proc/PID/stat; the name is in parentheses and may hold spaces.
std::optional<std::pair<std::string, double>> process_ticks(const std::string& pid) {
  const std::optional<std::string> line = first_line("/proc/" + pid + "/stat");
  if (!line) return std::nullopt;
  const std::size_t open = line->find('('), close = line->rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return std::nullopt;
  std::istringstream rest(line->substr(close + 2));
  std::string field;
  double utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {  // fields 14 and 15: utime, stime
    if (i == 14) utime = std::strtod(field.c_str(), nullptr);
    if (i == 15) stime = std::strtod(field.c_str(), nullptr);
  }
  return std::pair{line->substr(open + 1, close - open - 1), utime + stime};
}

std::string sanitizer_in_build() {
#if defined(__SANITIZE_ADDRESS__)
  return "address";
#elif defined(__SANITIZE_THREAD__)
  return "thread";
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return "address";
#elif __has_feature(thread_sanitizer)
  return "thread";
#elif __has_feature(memory_sanitizer)
  return "memory";
#endif
#endif
  return "";
}

std::string fixed(double x, int digits) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", digits, x);
  return text;
}

std::string percent_text(double x) {
  return fixed(x, 1) + "%";
}
}  // namespace

MachineSnapshot snapshot_machine() {
  MachineSnapshot s;
  s.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  if (const auto load = first_line("/proc/loadavg"))
    std::sscanf(load->c_str(), "%lf %lf %lf", &s.load_average[0], &s.load_average[1],
                &s.load_average[2]);
  if (const auto cpu = first_line("/proc/stat"); cpu && cpu->rfind("cpu ", 0) == 0) {
    std::istringstream fields(cpu->substr(4));
    double value = 0;
    for (int i = 0; fields >> value; ++i) {  // user nice system idle iowait irq softirq steal
      if (i < 8) s.total_ticks += value;     // guest time is already in user and nice
      if (i == 7) s.steal_ticks = value;
    }
  }
  const std::string self = std::to_string(getpid());
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", error)) {
    const std::string pid = entry.path().filename().string();
    if (pid.empty() || !std::all_of(pid.begin(), pid.end(), ::isdigit) || pid == self) continue;
    if (auto ticks = process_ticks(pid)) s.process_ticks[std::stoi(pid)] = std::move(*ticks);
  }
  return s;
}

MachineState machine_state(const MachineSnapshot& start, const MachineSnapshot& end,
                           int logical_cores, const std::string& build_type) {
  MachineState m;
  m.load_average_start = start.load_average;
  m.load_average_end = end.load_average;
  const double ticks_per_second = static_cast<double>(sysconf(_SC_CLK_TCK));
  const double seconds = std::max(end.seconds - start.seconds, 1e-6);
  double others = 0;
  for (const auto& [pid, now] : end.process_ticks) {
    const auto before = start.process_ticks.find(pid);
    const double ticks =
        now.second - (before == start.process_ticks.end() ? 0 : before->second.second);
    if (ticks < 0) continue;  // a new process under a recycled pid
    const double percent = 100 * ticks / ticks_per_second / seconds;
    others += percent;
    m.busiest.push_back({pid, now.first, percent});
  }
  std::sort(m.busiest.begin(), m.busiest.end(), [](const BusyProcess& a, const BusyProcess& b) {
    return a.cpu_percent > b.cpu_percent;
  });
  if (m.busiest.size() > 5) m.busiest.resize(5);
  const int cores = std::max(1, logical_cores);
  m.others_cpu_percent = others / cores;
  if (end.total_ticks > start.total_ticks)
    m.steal_percent =
        100 * (end.steal_ticks - start.steal_ticks) / (end.total_ticks - start.total_ticks);
  m.governor = first_line("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor");
  if (const auto boost = first_line("/sys/devices/system/cpu/cpufreq/boost"))
    m.boost = *boost == "1";
  else if (const auto no_turbo = first_line("/sys/devices/system/cpu/intel_pstate/no_turbo"))
    m.boost = *no_turbo == "0";
  if (const auto aslr = first_line("/proc/sys/kernel/randomize_va_space"))
    m.aslr = std::atoi(aslr->c_str());
  m.build_type = build_type;
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("TracerPid:", 0) == 0) m.debugger_attached = std::atoi(line.c_str() + 10) != 0;
  m.sanitizer = sanitizer_in_build();

  // Thresholds: the run's own threads are not in "others"; half a CPU of other work already
  // takes whole time slices from a run that uses every core.
  auto& w = m.warnings;
  if (m.others_cpu_percent >= 10) {
    std::string names;
    for (std::size_t i = 0; i < m.busiest.size() && i < 3; ++i)
      names += (i ? ", " : "") + m.busiest[i].name + " " + percent_text(m.busiest[i].cpu_percent);
    w.push_back("other processes used " + percent_text(m.others_cpu_percent) + " of the " +
                std::to_string(cores) + " CPUs during the run (busiest: " + names +
                "): times are inflated and noisy");
  }
  if (start.load_average[0] >= 0.5 * cores)
    w.push_back("load average " + fixed(start.load_average[0], 2) + " at the start on " +
                std::to_string(cores) + " CPUs: the machine was busy");
  if (m.steal_percent && *m.steal_percent >= 2)
    w.push_back("the hypervisor took " + percent_text(*m.steal_percent) +
                " of CPU time (steal): times are inflated");
  if (m.governor && *m.governor != "performance")
    w.push_back("CPU frequency governor is '" + *m.governor +
                "', not 'performance': the clock speed varies");
  if (m.boost && *m.boost) w.push_back("CPU boost (turbo) is on: the clock speed varies");
  if (build_type != "Release" && build_type != "RelWithDebInfo")
    w.push_back("built as '" + (build_type.empty() ? std::string("no build type") : build_type) +
                "', not Release: times are not representative");
  if (m.debugger_attached) w.push_back("a debugger or tracer is attached: times are inflated");
  if (!m.sanitizer.empty())
    w.push_back("built with the " + m.sanitizer + " sanitizer: times are inflated");
  return m;
}

}  // namespace rtcli

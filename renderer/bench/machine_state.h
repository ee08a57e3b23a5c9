// The machine a benchmark ran on, as far as it makes figures unreliable: other processes'
// load, CPU steal, frequency scaling, a debug or sanitized build, an attached debugger.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rtcli {

// What /proc says at one moment; two of them (start and end of the run) give the rates.
struct MachineSnapshot {
  std::array<double, 3> load_average{};  // 1, 5 and 15 minutes; 0 when unreadable
  double steal_ticks = 0;                // /proc/stat "cpu" line, summed over every CPU
  double total_ticks = 0;
  std::map<int, std::pair<std::string, double>> process_ticks;  // pid -> (name, CPU ticks)
  double seconds = 0;                                           // steady clock
};

struct BusyProcess {
  int pid = 0;
  std::string name;
  double cpu_percent = 0;  // of one CPU, over the run
};

struct MachineState {
  std::array<double, 3> load_average_start{};
  std::array<double, 3> load_average_end{};
  std::vector<BusyProcess> busiest;     // the 5 other processes with most CPU over the run
  double others_cpu_percent = 0;        // every other process together, of all CPUs
  std::optional<double> steal_percent;  // of all CPU time over the run (VMs)
  std::optional<std::string> governor;  // cpufreq scaling governor of CPU 0
  std::optional<bool> boost;            // turbo / boost enabled
  std::optional<int> aslr;              // /proc/sys/kernel/randomize_va_space
  std::string build_type;
  bool debugger_attached = false;     // TracerPid in /proc/self/status
  std::string sanitizer;              // "address", "thread", ... or empty
  std::vector<std::string> warnings;  // what makes the figures unreliable, one line each
};

MachineSnapshot snapshot_machine();

// The state over the run between two snapshots, with its warnings, for `logical_cores` CPUs.
MachineState machine_state(const MachineSnapshot& start, const MachineSnapshot& end,
                           int logical_cores, const std::string& build_type);

}  // namespace rtcli

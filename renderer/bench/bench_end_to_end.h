// The end-to-end figure of `rtcli bench`: whole renders as `rtcli render` does them (frame,
// workers, checkpoint and final PNG files), into a temporary folder removed afterwards.
#pragma once

#include <string>
#include <vector>

#include "bench/bench_runner.h"
#include "pipeline/run_timeline.h"

namespace rtcli {

struct EndToEndRuns {
  std::string checkpoints;  // as `rtcli render --checkpoints` takes them
  int threads = 0;
  std::vector<double> wall_ms;    // each run: first band handed out to last file in place
  std::vector<double> render_ms;  // of which: first band handed out to last band compressed
  std::vector<double> cpu_ms;     // process CPU time of each run, every thread
  int width = 0;                  // the frame rendered
  int height = 0;
  std::vector<RunPhases> phases;  // each run's wall time by phase (run_timeline.h)

  // One phase's ms in each run, as wall_ms holds the runs (`phase`: a kRunPhaseParts field).
  std::vector<double> phase_ms(double RunPhases::*phase) const {
    std::vector<double> values;
    for (const RunPhases& run : phases) values.push_back(run.*phase);
    return values;
  }
};

// `runs` renders of the settings' frame and scene on `threads` workers. Throws RunError when
// the temporary folder cannot be made or written.
EndToEndRuns run_end_to_end(const BenchSettings& settings, int threads, int runs,
                            const std::string& checkpoints);

// The same at each of the settings' sweep sizes, `runs` times, interleaved (one run of each
// size, then the next round), so that a busy machine slows every size alike.
std::vector<EndToEndRuns> run_size_sweep(const BenchSettings& settings, int threads, int runs,
                                         const std::string& checkpoints);

}  // namespace rtcli

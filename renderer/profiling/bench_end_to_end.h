// The end-to-end figure of `rtcli bench`: whole renders as `rtcli render` does them (frame,
// workers, checkpoint and final PNG files), into a temporary folder removed afterwards.
#pragma once

#include <string>
#include <vector>

#include "profiling/bench_runner.h"

namespace rtcli {

struct EndToEndRuns {
  std::string checkpoints;  // as `rtcli render --checkpoints` takes them
  int threads = 0;
  std::vector<double> wall_ms;    // each run: frame allocated to last file renamed into place
  std::vector<double> render_ms;  // of which: first tile handed out to last tile finished
};

// `runs` renders of the settings' frame and scene on `threads` workers. Throws RunError when
// the temporary folder cannot be made or written.
EndToEndRuns run_end_to_end(const BenchSettings& settings, int threads, int runs,
                            const std::string& checkpoints);

}  // namespace rtcli

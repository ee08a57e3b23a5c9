// A one-line progress bar on stderr, redrawn by its own thread while a render runs.
#pragma once

#include <atomic>
#include <chrono>
#include <thread>

#include "png/render_job.h"

namespace rtcli::cli {

class ProgressBar {
 public:
  // Draws only when `enabled` (stderr is a terminal and --quiet is off).
  ProgressBar(const RenderProgress& progress, bool enabled);
  ~ProgressBar();  // stops drawing and clears the line

  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

 private:
  // Runs on thread_ only; `cpu_seconds`: the process's CPU time since the bar started.
  void draw(double elapsed_seconds, double cpu_seconds);

  const RenderProgress& progress_;
  double render_seconds_ = -1;  // when the last pixel was done; -1 until then
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace rtcli::cli

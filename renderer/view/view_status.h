// What a live view shows beside the picture: how far the render is, how fast, how long to go,
// and how many files are written. The render fills it (any thread); the view's thread reads it.
#pragma once

#include <atomic>
#include <string>

#include "pipeline/progress_sink.h"

namespace rtcli::view {

struct ViewStatus {
  explicit ViewStatus(const RenderProgress& render_progress) : progress(render_progress) {}

  const RenderProgress& progress;
  std::atomic<bool> finished{false};      // every band rendered and every file written
  std::atomic<double> render_seconds{0};  // once finished: the render's own time
};

// One line: "42.5%  310.2 Mpix/s  ETA 1.2 s  files 2/5", or once finished
// "done in 0.53 s  310.2 Mpix/s  files 5/5". `seconds`: time since the render started.
std::string status_line(const ViewStatus& status, double seconds);

}  // namespace rtcli::view

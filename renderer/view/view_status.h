// What a live view shows beside the picture: how far the render is, how fast, how long to go,
// and which files are written. Filled by the render (any thread), read by the view's thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <string>

namespace rtcli::view {

struct ViewStatus {
  std::atomic<std::size_t> pixels_done{0};
  std::size_t pixels_total = 0;
  std::atomic<int> files_written{0};  // checkpoint frames and final.png
  int files_total = 0;
  std::atomic<bool> finished{false};      // every band rendered and every file written
  std::atomic<double> render_seconds{0};  // once finished: the render's time
};

// One line: "42.5%  310.2 Mpix/s  ETA 1.2 s  files 2/5", or once finished
// "done in 0.53 s  310.2 Mpix/s  files 5/5". `seconds` is the time since the render started.
std::string status_line(const ViewStatus& status, double seconds);

}  // namespace rtcli::view

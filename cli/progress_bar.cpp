#include "progress_bar.h"

#include <cstdio>

#include "system/cpu_clock.h"

namespace rtcli::cli {

ProgressBar::ProgressBar(const RenderProgress& progress, bool enabled) : progress_(progress) {
  if (!enabled) return;
  thread_ = std::thread([this] {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = process_cpu_seconds();
    while (!stop_.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      draw(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
           process_cpu_seconds() - cpu_start);
    }
  });
}

ProgressBar::~ProgressBar() {
  if (!thread_.joinable()) return;
  stop_.store(true);
  thread_.join();
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
}

void ProgressBar::draw(double elapsed, double cpu_seconds) {
  const double total = static_cast<double>(progress_.pixels_total);
  if (total <= 0 || elapsed <= 0) return;
  const double done = static_cast<double>(progress_.pixels_done.load());
  // Once every pixel is done only files are left to write: the rate stops at its final value.
  if (done >= total && render_seconds_ < 0) render_seconds_ = elapsed;
  const double rate = done / (render_seconds_ < 0 ? elapsed : render_seconds_);  // pixels/s
  const double share = done / total;
  constexpr int kWidth = 30;
  char bar[kWidth + 1];
  for (int i = 0; i < kWidth; ++i) bar[i] = i < static_cast<int>(share * kWidth) ? '#' : '.';
  bar[kWidth] = '\0';
  const double cores = cpu_seconds / elapsed;  // how many cores were kept busy, on average
  if (render_seconds_ >= 0)
    std::fprintf(stderr, "\r[%s] 100.0%%  %8.1f Mpix/s  %4.1f CPUs  writing files\033[K", bar,
                 rate / 1e6, cores);
  else if (rate > 0)
    std::fprintf(stderr, "\r[%s] %5.1f%%  %8.1f Mpix/s  %4.1f CPUs  %6.1f s left\033[K", bar,
                 share * 100, rate / 1e6, cores, (total - done) / rate);
  else
    std::fprintf(stderr, "\r[%s] %5.1f%%\033[K", bar, share * 100);
  std::fflush(stderr);
}

}  // namespace rtcli::cli

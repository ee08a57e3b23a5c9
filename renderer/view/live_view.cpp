#include "view/live_view.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <exception>
#include <future>
#include <vector>

namespace rtcli::view {

namespace {
using Clock = std::chrono::steady_clock;
constexpr int kViewNiceness = 10;  // a tenth of a worker's share when they compete

// Redraws come quickly at first and then less often, as Blender's viewport does: a short
// render is seen filling, and a long one costs the workers almost nothing.
int redraw_interval_ms(double seconds) {
  if (seconds < 1) return 100;
  if (seconds < 5) return 250;
  return 500;
}

// The view thread runs at a lower priority than the render's workers: on a machine whose cores
// the workers fill, a redraw waits for a gap instead of taking a core from a worker.
void yield_to_workers() {
  setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kViewNiceness);
}
}  // namespace

LiveView::LiveView(std::unique_ptr<Display> display, int frame_width, int frame_height,
                   const ViewStatus& status, ViewOptions options)
    : display_(std::move(display)), status_(status), options_(options) {
  std::promise<void> opened;
  std::future<void> open_result = opened.get_future();
  thread_ = std::thread([this, frame_width, frame_height, &opened] {
    try {
      const PreviewSize size = display_->open(frame_width, frame_height);
      preview_ = std::make_unique<Preview>(frame_width, frame_height, size);
      // The empty frame is on screen before the render starts, so the first redraw during the
      // render already has rows to send.
      preview_->refresh(rgb_, drawn_, options_.tint);
      display_->show(rgb_, {}, status_line(status_, 0));
    } catch (...) {
      opened.set_exception(std::current_exception());
      return;
    }
    opened.set_value();
    yield_to_workers();
    run();
  });
  try {
    open_result.get();
  } catch (...) {
    thread_.join();
    throw;
  }
  close_on_signal_ = std::make_unique<interrupt::OnInterrupt>([this] { stop_.store(true); });
}

LiveView::~LiveView() {
  close_on_signal_.reset();
  stop_.store(true);
  if (thread_.joinable()) thread_.join();
  display_.reset();  // on this thread: the thread that opened it is gone
}

void LiveView::wait_until_closed() {
  if (thread_.joinable()) thread_.join();
}

void LiveView::run() {
  const Clock::time_point start = Clock::now();
  Clock::time_point last_draw = start;
  bool final_drawn = false;
  while (!stop_.load()) {
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const bool finished = status_.finished.load();
    if (display_->wait_for_close(finished ? 100 : 20)) {
      // Closing the window during the render means what Ctrl-C means.
      if (!status_.finished.load()) interrupt::request(SIGINT);
      return;
    }
    const bool due =
        Clock::now() - last_draw >= std::chrono::milliseconds(redraw_interval_ms(seconds));
    if (!due && !(finished && !final_drawn) && !display_->damaged()) continue;
    // The status line changes every time; the picture only where rows came in.
    const RowSpan changed = preview_->refresh(rgb_, drawn_, options_.tint);
    display_->show(rgb_, changed, status_line(status_, seconds));
    last_draw = Clock::now();
    if (finished && !final_drawn) {
      final_drawn = true;
      if (options_.close_at_end || !display_->stays_open()) return;
    }
  }
}

}  // namespace rtcli::view

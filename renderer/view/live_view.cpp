#include "view/live_view.h"

#include <chrono>
#include <csignal>
#include <exception>
#include <future>
#include <vector>

namespace rtcli::view {

namespace {
using Clock = std::chrono::steady_clock;

// Redraws come quickly at first and then less often, as Blender's viewport does: a short
// render is seen filling, and a long one costs the workers almost nothing.
int redraw_interval_ms(double seconds) {
  if (seconds < 1) return 100;
  if (seconds < 5) return 250;
  return 500;
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
    } catch (...) {
      opened.set_exception(std::current_exception());
      return;
    }
    opened.set_value();
    run(frame_width, frame_height);
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

void LiveView::run(int, int) {
  const Clock::time_point start = Clock::now();
  std::vector<std::uint8_t> rgb;
  Clock::time_point last_draw{};
  int rows_drawn = -1;
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
    if (!due && !(finished && !final_drawn)) continue;
    const int rows = preview_->rows_complete();
    // The status line changes every time; the picture only when rows came in.
    if (rows != rows_drawn || finished) preview_->snapshot(rgb, options_.tint);
    display_->show(rgb, status_line(status_, seconds));
    rows_drawn = rows;
    last_draw = Clock::now();
    if (finished && !final_drawn) {
      final_drawn = true;
      if (options_.close_at_end || !display_->stays_open()) return;
    }
  }
}

}  // namespace rtcli::view

// A live view of a render: a Preview that the render's workers fill, and a thread of its own
// that draws it on a Display (a window or the terminal) a few times a second. The render never
// waits for the view: the workers only copy a few sampled rows into the preview, and the view
// draws whatever is there when its turn comes, skipping updates when it is slow.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

#include "system/interrupt.h"
#include "view/display.h"
#include "view/preview.h"
#include "view/view_status.h"

namespace rtcli::view {

struct ViewOptions {
  bool tint = false;          // each band mixed with the colour of the worker that rendered it
  bool close_at_end = false;  // close the window once the render is done
};

class LiveView {
 public:
  // Opens `display` on the view's thread and returns once it is open. Throws UsageError when it
  // cannot be opened (no display, not a terminal): before the render writes anything.
  LiveView(std::unique_ptr<Display> display, int frame_width, int frame_height,
           const ViewStatus& status, ViewOptions options);
  ~LiveView();  // closes the display and joins its thread

  LiveView(const LiveView&) = delete;
  LiveView& operator=(const LiveView&) = delete;

  Preview& preview() { return *preview_; }

  // After the render (status.finished set): returns once the view has drawn the final frame
  // and, for a window without close_at_end, once the user has closed it.
  void wait_until_closed();

 private:
  void run();

  std::unique_ptr<Display> display_;
  const ViewStatus& status_;
  ViewOptions options_;
  std::unique_ptr<Preview> preview_;
  std::vector<std::uint8_t> rgb_;  // the preview as drawn so far (view thread only)
  std::vector<bool> drawn_;        // its rows that are in
  std::atomic<bool> stop_{false};
  std::thread thread_;
  // Ctrl-C or SIGTERM: the window goes too, also after the render while it waits to be closed.
  std::unique_ptr<interrupt::OnInterrupt> close_on_signal_;
};

}  // namespace rtcli::view

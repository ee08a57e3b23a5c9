// Where a live view draws: a window (sdl_display.h) or the terminal (terminal_display.h).
// Every call comes from the view's own thread (live_view.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "view/preview.h"

namespace rtcli::view {

class Display {
 public:
  virtual ~Display() = default;

  // The preview size this display shows a frame of frame_width x frame_height at. Throws
  // UsageError when there is nowhere to draw (no display, not a terminal).
  virtual PreviewSize open(int frame_width, int frame_height) = 0;

  // Shows the preview (RGB, size from open) and the status line. Only the rows in `changed`
  // differ from the last call; a display may redraw just those (and its status line).
  virtual void show(const std::vector<std::uint8_t>& rgb, RowSpan changed,
                    const std::string& status) = 0;

  // Waits at most `milliseconds` for the user; true when they asked to close (Esc, the
  // window's close button). A terminal view has no such request and just waits.
  virtual bool wait_for_close(int milliseconds) = 0;

  // Whether the screen lacks part of what was shown (a window exposed or resized): the view
  // then draws at once instead of when its next redraw is due.
  virtual bool damaged() { return false; }

  // Whether the view stays on screen after the render until the user closes it.
  virtual bool stays_open() const = 0;
};

}  // namespace rtcli::view

// `rtcli render --view`: the preview in an SDL2 window, with the status line drawn below it.
// Esc or the window's close button asks to close. All SDL calls come from the view's thread.
// Each redraw converts and sends only the preview rows that changed and the status strip, so a
// large window costs the render little more than a small one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "view/display.h"

struct SDL_Window;

namespace rtcli::view {

class SdlDisplay : public Display {
 public:
  ~SdlDisplay() override;

  PreviewSize open(int frame_width, int frame_height) override;
  void show(const std::vector<std::uint8_t>& rgb, RowSpan changed,
            const std::string& status) override;
  bool wait_for_close(int milliseconds) override;
  bool stays_open() const override { return true; }

 private:
  SDL_Window* window_ = nullptr;
  PreviewSize preview_;
  int width_ = 0;                     // the window's: the preview's, or wider so the status fits
  int height_ = 0;                    // the preview's plus the status strip
  std::vector<std::uint8_t> status_;  // RGB, the status strip below the preview
  bool painted_ = false;              // the window surface holds the whole picture
  bool exposed_ = false;              // the screen lost the window's contents: send it all
};

}  // namespace rtcli::view

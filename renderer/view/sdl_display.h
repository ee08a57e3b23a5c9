// `rtcli render --view`: the preview in an SDL2 window (view/window.h, loaded only then), with
// the status line drawn below it. Esc or the window's close button asks to close.
// Each redraw converts and sends only the preview rows that changed and the status strip, so a
// large window costs the render little more than a small one.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "view/display.h"
#include "view/window.h"

namespace rtcli::view {

class SdlDisplay : public Display {
 public:
  PreviewSize open(int frame_width, int frame_height) override;
  void show(const std::vector<std::uint8_t>& rgb, RowSpan changed,
            const std::string& status) override;
  bool wait_for_close(int milliseconds) override;
  bool damaged() override;
  bool stays_open() const override { return true; }

 private:
  std::unique_ptr<Window> window_;
  PreviewSize preview_;
  int width_ = 0;                     // the window's: the preview's, or wider so the status fits
  int height_ = 0;                    // the preview's plus the status strip
  std::vector<std::uint8_t> status_;  // RGB, the status strip below the preview
  bool painted_ = false;              // the window holds the whole picture
};

}  // namespace rtcli::view

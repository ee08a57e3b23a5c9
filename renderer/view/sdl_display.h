// `rtcli render --view`: the preview in an SDL2 window (view/window.h, loaded only then), with
// the status line drawn below it. Esc or the window's close button asks to close.
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
  void show(const std::vector<std::uint8_t>& rgb, const std::string& status) override;
  bool wait_for_close(int milliseconds) override;
  bool stays_open() const override { return true; }

 private:
  std::unique_ptr<Window> window_;
  PreviewSize preview_;
  int width_ = 0;                     // the window's: the preview's, or wider so the status fits
  int height_ = 0;                    // the preview's plus the status strip
  std::vector<std::uint8_t> canvas_;  // RGB, the whole window
};

}  // namespace rtcli::view

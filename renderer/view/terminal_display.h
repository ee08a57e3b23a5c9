// `rtcli render --view terminal`: the preview drawn in the terminal with half-block characters
// (the upper half of a cell in one colour, the lower half in another, so a cell shows two
// pixels), redrawn in place. 24-bit colour where the terminal says it has it (COLORTERM),
// else the 256-colour palette.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "view/display.h"

namespace rtcli::view {

// The xterm 256-colour index nearest to (r, g, b): the 6x6x6 cube or the grey ramp.
int colour_256(std::uint8_t r, std::uint8_t g, std::uint8_t b);

// The preview as terminal text: size.height / 2 rows (rounded up) of size.width cells, each
// line ending with a colour reset and "\n". With `truecolor` false, 256-colour codes.
std::string half_block_text(const std::vector<std::uint8_t>& rgb, PreviewSize size, bool truecolor);

class TerminalDisplay : public Display {
 public:
  // Draws on `out`, whose file descriptor must be a terminal.
  explicit TerminalDisplay(std::FILE* out);
  ~TerminalDisplay() override;

  PreviewSize open(int frame_width, int frame_height) override;
  void show(const std::vector<std::uint8_t>& rgb, RowSpan changed,
            const std::string& status) override;
  bool wait_for_close(int milliseconds) override;
  bool stays_open() const override { return false; }

 private:
  std::FILE* out_;
  PreviewSize size_;
  bool truecolor_ = false;
  int lines_drawn_ = 0;  // to move back up over for the next frame
};

}  // namespace rtcli::view

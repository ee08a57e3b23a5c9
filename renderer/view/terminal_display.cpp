#include "view/terminal_display.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "system/errors.h"

namespace rtcli::view {

namespace {
constexpr int kStatusLines = 1;

bool says_truecolor() {
  const char* colorterm = std::getenv("COLORTERM");
  return colorterm &&
         (std::strcmp(colorterm, "truecolor") == 0 || std::strcmp(colorterm, "24bit") == 0);
}

void append_colour(std::string& text, bool foreground, const std::uint8_t* rgb, bool truecolor) {
  char code[32];
  if (truecolor)
    std::snprintf(code, sizeof code, "\033[%d;2;%d;%d;%dm", foreground ? 38 : 48, rgb[0], rgb[1],
                  rgb[2]);
  else
    std::snprintf(code, sizeof code, "\033[%d;5;%dm", foreground ? 38 : 48,
                  colour_256(rgb[0], rgb[1], rgb[2]));
  text += code;
}
}  // namespace

int colour_256(std::uint8_t r, std::uint8_t g, std::uint8_t b) {
  // The cube's levels are 0, 95, 135, 175, 215, 255; the grey ramp 8, 18, ..., 238.
  static constexpr int kLevels[] = {0, 95, 135, 175, 215, 255};
  const auto nearest_level = [](int v) {
    int best = 0;
    for (int i = 1; i < 6; ++i)
      if (std::abs(kLevels[i] - v) < std::abs(kLevels[best] - v)) best = i;
    return best;
  };
  const int ri = nearest_level(r), gi = nearest_level(g), bi = nearest_level(b);
  const auto distance = [&](int cr, int cg, int cb) {
    return (cr - r) * (cr - r) + (cg - g) * (cg - g) + (cb - b) * (cb - b);
  };
  const int cube = distance(kLevels[ri], kLevels[gi], kLevels[bi]);
  const int grey_index = std::min(23, std::max(0, ((r + g + b) / 3 - 8 + 5) / 10));
  const int grey = 8 + 10 * grey_index;
  if (distance(grey, grey, grey) < cube) return 232 + grey_index;
  return 16 + 36 * ri + 6 * gi + bi;
}

std::string half_block_text(const std::vector<std::uint8_t>& rgb, PreviewSize size,
                            bool truecolor) {
  std::string text;
  const std::uint8_t black[3] = {0, 0, 0};
  for (int y = 0; y < size.height; y += 2) {
    for (int x = 0; x < size.width; ++x) {
      const std::uint8_t* top = rgb.data() + (static_cast<std::size_t>(y) * size.width + x) * 3;
      const std::uint8_t* bottom =
          y + 1 < size.height ? top + static_cast<std::size_t>(size.width) * 3 : black;
      append_colour(text, true, top, truecolor);
      append_colour(text, false, bottom, truecolor);
      text += "\u2580";  // upper half block: foreground above, background below
    }
    text += "\033[0m\n";
  }
  return text;
}

TerminalDisplay::TerminalDisplay(std::FILE* out) : out_(out) {}

TerminalDisplay::~TerminalDisplay() {
  if (lines_drawn_ > 0) {
    std::fputs("\033[?25h", out_);  // the cursor back
    std::fflush(out_);
  }
}

PreviewSize TerminalDisplay::open(int frame_width, int frame_height) {
  const int fd = fileno(out_);
  winsize window{};
  if (!isatty(fd) || ioctl(fd, TIOCGWINSZ, &window) != 0 || window.ws_col == 0)
    throw UsageError("--view terminal needs standard output to be a terminal");
  truecolor_ = says_truecolor();
  // Two pixels a cell vertically; one line is left for the status and one for the shell.
  const int rows = std::max(1, window.ws_row - kStatusLines - 1);
  size_ = fit_preview(frame_width, frame_height, {window.ws_col, rows * 2});
  return size_;
}

// A terminal preview is small: it is drawn whole each time, whatever changed.
void TerminalDisplay::show(const std::vector<std::uint8_t>& rgb, RowSpan,
                           const std::string& status) {
  std::string text;
  if (lines_drawn_ > 0)
    text += "\033[" + std::to_string(lines_drawn_) + "A\r";  // back to the preview's first line
  else
    text += "\033[?25l";  // no cursor blinking over the picture
  text += half_block_text(rgb, size_, truecolor_);
  text += status + "\033[K\n";
  lines_drawn_ = (size_.height + 1) / 2 + kStatusLines;
  std::fwrite(text.data(), 1, text.size(), out_);
  std::fflush(out_);
}

bool TerminalDisplay::wait_for_close(int milliseconds) {
  std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
  return false;
}

}  // namespace rtcli::view

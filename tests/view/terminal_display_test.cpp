#include "view/terminal_display.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "view/view_status.h"

namespace rtcli::view {
namespace {

TEST(Colour256, PicksTheCubeOrTheGreyRamp) {
  EXPECT_EQ(colour_256(0, 0, 0), 16);
  EXPECT_EQ(colour_256(255, 0, 0), 196);
  EXPECT_EQ(colour_256(255, 255, 255), 231);
  EXPECT_EQ(colour_256(100, 100, 100), 241);  // grey 98: nearer than the cube's 95
}

TEST(HalfBlockText, TwoPixelsACellTopInForegroundBottomInBackground) {
  // 2x3: the last row has no partner below it and gets black.
  const std::vector<std::uint8_t> rgb = {1,  2,  3,  4,  5,  6,  7,  8,  9,
                                         10, 11, 12, 13, 14, 15, 16, 17, 18};
  const std::string text = half_block_text(rgb, {2, 3}, true);
  const std::string expected =
      "\033[38;2;1;2;3m\033[48;2;7;8;9m\u2580\033[38;2;4;5;6m\033[48;2;10;11;12m\u2580\033[0m\n"
      "\033[38;2;13;14;15m\033[48;2;0;0;0m\u2580\033[38;2;16;17;18m\033[48;2;0;0;0m\u2580\033[0m\n";
  EXPECT_EQ(text, expected);
  const std::string palette = half_block_text(rgb, {2, 3}, false);
  EXPECT_NE(palette.find("\033[38;5;16m"), std::string::npos);
  EXPECT_EQ(palette.find(";2;"), std::string::npos);
}

TEST(StatusLine, SaysHowFarHowFastAndWhatIsLeft) {
  RenderProgress progress;
  progress.pixels_total = 1000000;
  progress.pixels_done = 250000;
  progress.files_total = 5;
  progress.files_written = 1;
  ViewStatus status(progress);
  EXPECT_EQ(status_line(status, 0.5), "25.0%  0.5 Mpix/s  ETA 1.5 s  files 1/5");
  progress.pixels_done = 1000000;
  progress.files_written = 5;
  status.render_seconds = 2.0;
  status.finished = true;
  EXPECT_EQ(status_line(status, 9.0), "done in 2.00 s  0.5 Mpix/s  files 5/5");
}

}  // namespace
}  // namespace rtcli::view

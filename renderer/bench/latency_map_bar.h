// The latency map's colour bar: a vertical strip of the scale's colours beside the map, its ends
// labelled with their latency and the percentile they clip at, nice values (1, 2, 5 x 10^k ns)
// ticked between, drawn with the bitmap font.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bench/latency_map.h"

namespace rtcli {

struct LatencyBarLabel {
  std::string text;
  int x = 0;  // top-left corner of the text
  int y = 0;
};

// Where everything goes in the PNG: the map at (0, 0), the bar in a white panel to its right.
struct LatencyBarLayout {
  int map_width = 0;  // the map, at the image's top left
  int map_height = 0;
  int width = 0;       // the whole image
  int height = 0;      // the map's height, or more when the bar needs it
  int text_scale = 1;  // image pixels per font pixel, growing with the map
  int bar_x = 0;       // the colour strip: max_ns on its top row, min_ns on its bottom row
  int bar_top = 0;
  int bar_width = 0;
  int bar_height = 0;
  std::vector<int> tick_rows;           // the ends' and the nice values' rows
  std::vector<LatencyBarLabel> labels;  // title, ends, ticks and the clipping note
};

LatencyBarLayout latency_bar_layout(int map_width, int map_height, const LatencyMapScale& scale);

// Draws the panel (background, strip, ticks, labels) into an RGB image of layout.width x
// layout.height, and blanks any rows below the map; the map's pixels are left alone.
void draw_latency_bar(const LatencyBarLayout& layout, const LatencyMapScale& scale,
                      std::uint8_t* rgb);

// A latency as the bar prints it: three significant figures, no exponent ("12.3", "456").
std::string bar_ns_text(double ns);

}  // namespace rtcli

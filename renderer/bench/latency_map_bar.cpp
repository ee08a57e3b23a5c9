#include "bench/latency_map_bar.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "system/bitmap_font.h"

namespace rtcli {

namespace {
constexpr std::uint8_t kPaper[3] = {255, 255, 255};
constexpr std::uint8_t kInk[3] = {32, 32, 32};

// Distances in font pixels (times the layout's text_scale).
constexpr int kGap = 8;  // between the map and the strip
constexpr int kMargin = 4;
constexpr int kBarWidth = 10;
constexpr int kTick = 3;
constexpr int kTickGap = 3;                        // between a tick and its label
constexpr int kLine = kGlyphHeight + 3;            // labels at least this far apart
constexpr int kCentre = kGlyphHeight / 2;          // the text row level with its tick
constexpr int kAbove = kMargin + kLine + kCentre;  // the title, then half the top label
constexpr int kNote = kGlyphHeight - kCentre + 3;  // the note's top, below the bottom tick
constexpr int kBelow = kNote + kGlyphHeight + kMargin;
constexpr int kShortestBar = 100;  // shorter, a strip no longer reads as a scale

std::string end_label(double ns, const std::optional<double>& percentile) {
  if (!percentile) return bar_ns_text(ns);
  char text[32];
  std::snprintf(text, sizeof text, "P%g ", *percentile);
  return text + bar_ns_text(ns);
}

// The row of a latency on the strip: max_ns on the top row, min_ns on the bottom one.
int bar_row(const LatencyBarLayout& l, const LatencyMapScale& scale, double ns) {
  const double share = (std::log10(ns) - std::log10(scale.min_ns)) /
                       (std::log10(scale.max_ns) - std::log10(scale.min_ns));
  return l.bar_top + static_cast<int>(std::lround((1.0 - share) * (l.bar_height - 1)));
}

void fill(std::uint8_t* rgb, int width, int x0, int y0, int x1, int y1,
          const std::uint8_t colour[3]) {
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x)
      std::copy(colour, colour + 3, rgb + (static_cast<std::size_t>(y) * width + x) * 3);
}
}  // namespace

std::string bar_ns_text(double ns) {
  char text[32];
  std::snprintf(text, sizeof text, ns < 10 ? "%.2f" : ns < 100 ? "%.1f" : "%.0f", ns);
  return text;
}

LatencyBarLayout latency_bar_layout(int map_width, int map_height, const LatencyMapScale& scale) {
  LatencyBarLayout l;
  l.map_width = map_width;
  l.map_height = map_height;
  const int s = l.text_scale = std::max(1, map_height / 300);
  l.height = std::max(map_height, (kAbove + kShortestBar + kBelow) * s);
  l.bar_x = map_width + kGap * s;
  l.bar_top = kAbove * s;
  l.bar_width = kBarWidth * s;
  l.bar_height = l.height - (kAbove + kBelow) * s;
  const int text_x = l.bar_x + (kBarWidth + kTick + kTickGap) * s;
  const int top = bar_row(l, scale, scale.max_ns);
  const int bottom = bar_row(l, scale, scale.min_ns);

  l.labels.push_back({"NS, LOG", l.bar_x, kMargin * s});
  l.labels.push_back({end_label(scale.max_ns, scale.max_percentile), text_x, top - kCentre * s});
  l.tick_rows = {top, bottom};
  // Nice values between the ends, each a line clear of the ends and of the one above it.
  int last = top;
  for (int e = static_cast<int>(std::ceil(std::log10(scale.max_ns))); e >= -3; --e)
    for (const double m : {5.0, 2.0, 1.0}) {
      const double ns = m * std::pow(10.0, e);
      if (ns >= scale.max_ns || ns <= scale.min_ns) continue;
      const int row = bar_row(l, scale, ns);
      if (row - last < kLine * s || bottom - row < kLine * s) continue;
      char text[32];
      std::snprintf(text, sizeof text, ns < 1 ? "%g" : "%.0f", ns);
      l.labels.push_back({text, text_x, row - kCentre * s});
      l.tick_rows.push_back(row);
      last = row;
    }
  l.labels.push_back({end_label(scale.min_ns, scale.min_percentile), text_x, bottom - kCentre * s});
  l.labels.push_back({"ENDS CLIPPED", l.bar_x, bottom + kNote * s});

  int right = text_x;
  for (const LatencyBarLabel& label : l.labels)
    right = std::max(right, label.x + static_cast<int>(label.text.size()) * (kGlyphWidth + 1) * s);
  l.width = right + kMargin * s;
  return l;
}

void draw_latency_bar(const LatencyBarLayout& l, const LatencyMapScale& scale, std::uint8_t* rgb) {
  fill(rgb, l.width, l.map_width, 0, l.width, l.height, kPaper);
  fill(rgb, l.width, 0, l.map_height, l.map_width, l.height, kPaper);
  const double lo = std::log10(scale.min_ns);
  const double hi = std::log10(scale.max_ns);
  for (int row = 0; row < l.bar_height; ++row) {
    const double share = 1.0 - static_cast<double>(row) / (l.bar_height - 1);
    unsigned char colour[3];
    latency_colour(std::pow(10.0, lo + share * (hi - lo)), scale, colour);
    fill(rgb, l.width, l.bar_x, l.bar_top + row, l.bar_x + l.bar_width, l.bar_top + row + 1,
         colour);
  }
  const int s = l.text_scale;
  const int tick_x = l.bar_x + l.bar_width;
  for (const int row : l.tick_rows)
    fill(rgb, l.width, tick_x, row - s / 2, tick_x + kTick * s, row - s / 2 + s, kInk);
  for (const LatencyBarLabel& label : l.labels)
    draw_text(rgb, l.width, l.height, label.x, label.y, label.text, s, kInk);
}

}  // namespace rtcli

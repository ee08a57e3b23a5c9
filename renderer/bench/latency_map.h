// A heat map of per-pixel latency over the frame, as a PNG with its colour bar.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bench/latency_histogram.h"

namespace rtcli {

// Colours run along a log scale from min_ns (dark purple) to max_ns (yellow); values outside
// are clamped to the ends.
struct LatencyMapScale {
  double min_ns = 1;
  double max_ns = 1000;
  // The percentile of all pixels each end is, when it is one (the bar's labels say so).
  std::optional<double> min_percentile;
  std::optional<double> max_percentile;
  std::string description() const;  // the scale in words, for the report
};

// p1 to p99.9 of all pixels: the far tails would otherwise wash out the frame. The ends are
// at least 1 ns and a factor 2 apart; an end moved for that is no longer a percentile.
LatencyMapScale default_latency_map_scale(const LatencyHistogram& all);

// The colour of a latency on `scale`, as r, g, b.
void latency_colour(double ns, const LatencyMapScale& scale, unsigned char rgb[3]);

// PNG file bytes of the map; pixel_ns holds width * height values in scan order. The map's
// pixels are the PNG's top-left width x height; its colour bar is to their right
// (latency_map_bar.h), and the PNG is taller than the map when the map is too short for it.
std::string encode_latency_map_png(const std::vector<float>& pixel_ns, int width, int height,
                                   const LatencyMapScale& scale);

}  // namespace rtcli

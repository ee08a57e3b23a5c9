// A heat map of per-pixel latency over the frame, as a PNG.
#pragma once

#include <string>
#include <vector>

#include "profiling/latency_histogram.h"

namespace rtcli {

// Colours run along a log scale from min_ns (dark purple) to max_ns (yellow); values outside
// are clamped to the ends.
struct LatencyMapScale {
  double min_ns = 1;
  double max_ns = 1000;
  std::string description() const;  // the scale in words, for the report
};

// p1 to p99.9 of all pixels: the far tails would otherwise wash out the frame.
LatencyMapScale default_latency_map_scale(const LatencyHistogram& all);

// The colour of a latency on `scale`, as r, g, b.
void latency_colour(double ns, const LatencyMapScale& scale, unsigned char rgb[3]);

// PNG file bytes of the map; pixel_ns holds width * height values in scan order.
std::string encode_latency_map_png(const std::vector<float>& pixel_ns, int width, int height,
                                   const LatencyMapScale& scale);

}  // namespace rtcli

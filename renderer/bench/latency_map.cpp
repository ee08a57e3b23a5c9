#include "bench/latency_map.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "bench/latency_map_bar.h"
#include "png/png_writer.h"
#include "shading/frame.h"

namespace rtcli {

namespace {
// Five anchor colours of the viridis map (perceptually even, readable in grey and by most
// colour-blind viewers), linearly interpolated between.
constexpr std::array<std::array<double, 3>, 5> kStops{
    {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}}};

constexpr double kLowPercentile = 1.0;
constexpr double kHighPercentile = 99.9;

// "p1 = 12.3 ns", or "12.3 ns" for an end that is not a percentile.
std::string end_text(double ns, const std::optional<double>& percentile) {
  char text[64];
  if (percentile)
    std::snprintf(text, sizeof text, "p%g = %.1f ns", *percentile, ns);
  else
    std::snprintf(text, sizeof text, "%.1f ns", ns);
  return text;
}
}  // namespace

std::string LatencyMapScale::description() const {
  return "log10 of raw per-pixel ns from " + end_text(min_ns, min_percentile) +
         " (dark purple) to " + end_text(max_ns, max_percentile) +
         " (yellow), viridis colours, values outside clamped";
}

LatencyMapScale default_latency_map_scale(const LatencyHistogram& all) {
  LatencyMapScale scale;
  const double low = all.percentile_ns(kLowPercentile);
  const double high = all.percentile_ns(kHighPercentile);
  scale.min_ns = std::max(1.0, low);
  scale.max_ns = std::max(scale.min_ns * 2.0, high);
  if (scale.min_ns == low) scale.min_percentile = kLowPercentile;
  if (scale.max_ns == high) scale.max_percentile = kHighPercentile;
  return scale;
}

void latency_colour(double ns, const LatencyMapScale& scale, unsigned char rgb[3]) {
  const double lo = std::log10(scale.min_ns);
  const double hi = std::log10(scale.max_ns);
  const double v = std::log10(std::max(ns, 1e-3));
  const double share = std::clamp((v - lo) / (hi - lo), 0.0, 1.0);
  const double position = share * (kStops.size() - 1);
  const auto i = std::min<std::size_t>(static_cast<std::size_t>(position), kStops.size() - 2);
  const double f = position - static_cast<double>(i);
  for (int c = 0; c < 3; ++c) {
    const double value = kStops[i][c] + (kStops[i + 1][c] - kStops[i][c]) * f;
    rgb[c] = static_cast<unsigned char>(std::lround(value));
  }
}

std::string encode_latency_map_png(const std::vector<float>& pixel_ns, int width, int height,
                                   const LatencyMapScale& scale) {
  const LatencyBarLayout bar = latency_bar_layout(width, height, scale);
  Frame image(bar.width, bar.height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      latency_colour(pixel_ns[static_cast<std::size_t>(y) * width + x], scale,
                     image.data() + (static_cast<std::size_t>(y) * bar.width + x) * 3);
  draw_latency_bar(bar, scale, image.data());
  return encode_png(image.prefix(image.pixels()));
}

}  // namespace rtcli

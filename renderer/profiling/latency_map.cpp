#include "profiling/latency_map.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "frame/frame.h"
#include "png/png_writer.h"

namespace rtcli {

namespace {
// Five anchor colours of the viridis map (perceptually even, readable in grey and by most
// colour-blind viewers), linearly interpolated between.
constexpr std::array<std::array<double, 3>, 5> kStops{
    {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}}};
}  // namespace

std::string LatencyMapScale::description() const {
  char text[256];
  std::snprintf(text, sizeof text,
                "log10 of raw per-pixel ns from %.1f ns (dark purple) to %.1f ns (yellow), "
                "viridis colours, values outside clamped",
                min_ns, max_ns);
  return text;
}

LatencyMapScale default_latency_map_scale(const LatencyHistogram& all) {
  LatencyMapScale scale;
  scale.min_ns = std::max(1.0, all.percentile_ns(1.0));
  scale.max_ns = std::max(scale.min_ns * 2.0, all.percentile_ns(99.9));
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
  Frame image(width, height);
  std::uint8_t* out = image.data();
  for (std::size_t i = 0; i < image.pixels(); ++i, out += 3)
    latency_colour(pixel_ns[i], scale, out);
  return encode_png(image.prefix(image.pixels()));
}

}  // namespace rtcli

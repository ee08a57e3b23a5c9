#include "pipeline/memory_sink.h"

#include <algorithm>

namespace rtcli {

void MemorySink::band_finished(const FinishedBand& band) {
  if (&band.pixels == &frame_) return;
  const std::size_t bytes = static_cast<std::size_t>(band.bounds.width()) * 3;
  for (int y = band.bounds.y0; y < band.bounds.y1; ++y)
    std::copy_n(band.pixels.pixel(band.bounds.x0, y), bytes, frame_.pixel(band.bounds.x0, y));
}

}  // namespace rtcli

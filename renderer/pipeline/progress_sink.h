// RenderProgress: pixels done so far, counted as bands finish, read by another thread (the
// progress bar) while the render runs.
#pragma once

#include <atomic>
#include <cstddef>

#include "pipeline/frame_sink.h"

namespace rtcli {

struct RenderProgress : FrameSink {
  std::atomic<std::size_t> pixels_done{0};
  std::atomic<std::size_t> pixels_total{0};

  void begin(const FrameInfo& frame) override {
    pixels_total.store(static_cast<std::size_t>(frame.bands.width()) * frame.bands.height());
  }
  void band_finished(const FinishedBand& band) override {
    pixels_done.fetch_add(band.bounds.pixels(), std::memory_order_relaxed);
  }
};

}  // namespace rtcli

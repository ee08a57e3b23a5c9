// RenderProgress: pixels done so far, counted as bands finish, and files written, read by
// another thread (the progress bar, a live view) while the render runs.
#pragma once

#include <atomic>
#include <cstddef>

#include "pipeline/frame_sink.h"

namespace rtcli {

struct RenderProgress : FrameSink {
  std::atomic<std::size_t> pixels_done{0};
  std::atomic<std::size_t> pixels_total{0};
  std::atomic<int> files_written{0};  // checkpoint frames and final.png, put in place
  std::atomic<int> files_total{0};    // what the run writes in all; 0 until it knows

  void begin(const FrameInfo& frame) override {
    pixels_total.store(static_cast<std::size_t>(frame.bands.width()) * frame.bands.height());
  }
  void band_finished(const FinishedBand& band) override {
    pixels_done.fetch_add(band.bounds.pixels(), std::memory_order_relaxed);
  }
};

}  // namespace rtcli

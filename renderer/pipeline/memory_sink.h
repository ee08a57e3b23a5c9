// MemorySink: the whole frame in memory (the Python module's render(), rtcli bench's passes,
// tests). It lends its frame to the workers, so bands are rendered in place, not copied.
#pragma once

#include "frame/frame.h"
#include "pipeline/frame_sink.h"

namespace rtcli {

class MemorySink : public FrameSink {
 public:
  // Uninitialised until rendered: every pixel is written by exactly one band.
  MemorySink(int width, int height) : frame_(width, height) {}

  // Copies a band rendered elsewhere (another sink lent its frame); nothing when it is ours.
  void band_finished(const FinishedBand& band) override;
  Frame* frame_to_render_into() override { return &frame_; }

  const Frame& frame() const { return frame_; }
  // The frame, moved out: the sink holds nothing after.
  Frame take() { return std::move(frame_); }

 private:
  Frame frame_;
};

}  // namespace rtcli

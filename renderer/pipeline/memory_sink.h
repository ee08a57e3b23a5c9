// MemorySink: the whole frame in memory (the Python module's render(), rtcli bench's passes,
// tests). It lends its frame to the workers, so bands are rendered in place, not copied.
#pragma once

#include <optional>
#include <utility>

#include "pipeline/frame_sink.h"
#include "shading/frame.h"

namespace rtcli {

class MemorySink : public FrameSink {
 public:
  // A frame of its own, uninitialised until rendered: every pixel is written by one band.
  MemorySink(int width, int height) : owned_(std::in_place, width, height), frame_(*owned_) {}
  // The caller's frame (every row stored), which must outlive the sink.
  explicit MemorySink(Frame& frame) : frame_(frame) {}

  // Copies a band rendered elsewhere (another sink lent its frame); nothing when it is ours.
  void band_finished(const FinishedBand& band) override;
  Frame* frame_to_render_into() override { return &frame_; }

  const Frame& frame() const { return frame_; }
  // Its own frame, moved out: the sink holds nothing after.
  Frame take() { return std::move(*owned_); }

 private:
  std::optional<Frame> owned_;
  Frame& frame_;
};

}  // namespace rtcli

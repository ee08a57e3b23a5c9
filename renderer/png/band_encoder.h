// The producer's half of PNG writing: compresses a rendered band into a CompressedBand, on the
// worker that rendered it, so compression runs in parallel with the render.
#pragma once

#include <cstddef>
#include <vector>

#include "pipeline/checkpoints.h"
#include "pipeline/run_timeline.h"
#include "png/band_layout.h"
#include "png/compressed_band.h"
#include "png/png_strips.h"
#include "shading/frame.h"

namespace rtcli {

class BandEncoder {
 public:
  BandEncoder(const BandLayout& layout, const std::vector<Checkpoint>& checkpoints);

  // `pixels` stores the band's rows (Frame::first_row() == layout.first_row(band)). With a
  // `timeline`, each strip is an event on `lane` (the caller counts the band's time).
  CompressedBand encode(const Frame& pixels, int band, RunTimeline* timeline = nullptr,
                        int lane = 0);

  // Bytes one encoder holds, not counting the bands it returns.
  static std::size_t peak_bytes(const BandLayout& layout);

  // Bytes a CompressedBand can reach at worst (incompressible rows), not counting partials.
  static std::size_t max_band_bytes(const BandLayout& layout);

 private:
  struct CheckpointStrip {
    int checkpoint;
    int strip;  // the strip holding its last pixel, or past the end for a whole frame
    std::size_t pixels;
  };
  // `partial`: the strip holding a checkpoint's last pixel, black after it.
  void encode_strip(const FrameView& view, int strip, EncodedStrip& out, RunTimeline* timeline,
                    int lane, bool partial);

  BandLayout layout_;
  std::vector<CheckpointStrip> partial_strips_;  // strip non-decreasing, as the checkpoints
  StripEncoder encoder_;
};

}  // namespace rtcli

// BandEncoders: one PNG band encoder per worker, made on first use, so that every worker
// compresses the bands it rendered at the same time as the others (the PNG sink, and an MPI
// rank sending its bands to the writing one).
#pragma once

#include <memory>
#include <vector>

#include "pipeline/checkpoints.h"
#include "pipeline/frame_sink.h"
#include "png/band_encoder.h"
#include "png/band_layout.h"
#include "png/compressed_band.h"

namespace rtcli {

class BandEncoders {
 public:
  BandEncoders(const BandLayout& layout, std::vector<Checkpoint> checkpoints)
      : layout_(layout), checkpoints_(std::move(checkpoints)) {}

  const BandLayout& layout() const { return layout_; }

  // Before the first band: one slot per worker. Throws std::logic_error unless the frame's
  // bands are the layout's.
  void begin(const FrameInfo& frame);

  // On the band's worker; workers call it at the same time.
  CompressedBand encode(const FinishedBand& band);

 private:
  const BandLayout layout_;
  const std::vector<Checkpoint> checkpoints_;
  std::vector<std::unique_ptr<BandEncoder>> by_worker_;
  RunTimeline* timeline_ = nullptr;  // the frame's: each strip an event on its worker's lane
};

}  // namespace rtcli

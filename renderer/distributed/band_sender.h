// BandSender: the sink of an MPI rank that does not write: each band it renders is compressed on
// its worker and sent to rank 0 (band_message.h), within the window of bands rank 0 has written.
#pragma once

#include <atomic>
#include <cstdint>

#include "distributed/shared_counter.h"
#include "pipeline/frame_sink.h"
#include "png/band_encoders.h"
#include "png/remote_bands.h"

namespace rtcli::distributed {

class BandSender : public FrameSink {
 public:
  // `written`: the counter whose published value is the bands rank 0 has written.
  BandSender(const BandLayout& layout, std::vector<Checkpoint> checkpoints, SharedCounter& written,
             int window)
      : encoders_(layout, std::move(checkpoints)), written_(written), window_(window) {}

  void begin(const FrameInfo& frame) override { encoders_.begin(frame); }
  bool wait_for_room(int band) override;
  void band_finished(const FinishedBand& band) override;
  void stop() override { stopped_.store(true); }

  std::uint64_t bytes_sent() const { return bytes_sent_.load(); }

 private:
  BandEncoders encoders_;
  SharedCounter& written_;
  const int window_;
  std::atomic<bool> stopped_{false};
  std::atomic<std::uint64_t> bytes_sent_{0};
};

// Rank 0's side: the other ranks' bands as they arrive, and its progress published to them.
class BandInbox : public RemoteBands {
 public:
  explicit BandInbox(SharedCounter& written) : written_(written) {}
  std::optional<CompressedBand> poll() override;
  void written(int bands) override { written_.publish(bands); }

 private:
  SharedCounter& written_;
};

}  // namespace rtcli::distributed

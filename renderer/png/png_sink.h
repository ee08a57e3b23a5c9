// PngSink: a frame's PNG files, streamed. Each worker compresses the band it rendered
// (png/band_encoder.h); a queue (pipeline/ordered_window.h) hands the bands in scan order to
// one writer thread, which appends them to the files (png/band_writer.h). At most `window`
// bands are in flight: a worker beyond that waits for the writer (back-pressure).
#pragma once

#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "pipeline/checkpoints.h"
#include "pipeline/frame_sink.h"
#include "pipeline/ordered_window.h"
#include "png/band_encoders.h"
#include "png/band_layout.h"
#include "png/band_writer.h"
#include "png/compressed_band.h"
#include "png/remote_bands.h"

namespace rtcli {

// Bands in flight at most for `threads` workers: each worker's band plus a queue for the writer.
int band_window(int threads);

class PngSink : public FrameSink {
 public:
  // The frame loop's bands must be layout.grid(). `remote`: bands other processes render
  // (taken within the window over all of them, see rank_render.h); nullptr: none.
  PngSink(const BandLayout& layout, std::vector<Checkpoint> checkpoints, BandWriter& writer,
          int window, RemoteBands* remote = nullptr);
  ~PngSink() override;

  void begin(const FrameInfo& frame) override;
  bool wait_for_room(int band) override { return queue_.wait_for_room(band); }
  void band_finished(const FinishedBand& band) override;
  void stop() override;
  void finish() override;

  int window() const { return queue_.capacity(); }
  int peak_bands_queued() const { return queue_.peak_waiting(); }
  int producer_waits() const { return queue_.producer_waits(); }
  double write_cpu_seconds() const { return write_cpu_seconds_; }  // after finish

 private:
  void write_all();
  void receive_all();
  void fail();

  BandEncoders encoders_;
  BandWriter& writer_;
  RemoteBands* const remote_;
  OrderedWindow<CompressedBand> queue_;
  std::atomic<int> bands_queued_{0};
  std::atomic<bool> stopped_{false};
  std::mutex error_mutex_;
  std::exception_ptr error_;  // the writer's or the receiver's; read after both are joined
  double write_cpu_seconds_ = 0;
  std::thread writer_thread_;
  std::thread receiver_thread_;
};

}  // namespace rtcli

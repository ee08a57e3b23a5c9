// BenchRecorder: the sink of rtcli bench's passes: the pixels this rank rendered and, for the
// instrumented pass, each tile's record (who rendered it, when, for how long). The per-pixel
// timing itself is the pass's band renderer (bench_runner.cpp).
#pragma once

#include <atomic>
#include <cstddef>
#include <vector>

#include "bench/bench_runner.h"
#include "pipeline/frame_sink.h"

namespace rtcli {

class BenchRecorder : public FrameSink {
 public:
  // `tiles`: each band's record into tiles[band] (as many as the frame has bands), times from
  // the loop's start; nullptr: none kept. `rank`: this process's, for the records.
  explicit BenchRecorder(std::vector<TileRecord>* tiles = nullptr, int rank = 0)
      : tiles_(tiles), rank_(rank) {}

  void begin(const FrameInfo& frame) override { start_ = frame.start; }
  void band_finished(const FinishedBand& band) override;

  std::size_t pixels() const { return pixels_.load(); }

 private:
  std::vector<TileRecord>* const tiles_;
  const int rank_;
  SteadyClock::time_point start_;
  std::atomic<std::size_t> pixels_{0};
};

}  // namespace rtcli

// FrameLoop: one frame, band by band. Workers take bands in scan order, render each with the
// caller's BandRenderer and hand it to every sink (frame_sink.h). rtcli render, rtcli bench's
// passes, the Python module and every MPI rank run their frames through it.
#pragma once

#include <atomic>
#include <vector>

#include "pipeline/band_handout.h"
#include "pipeline/band_renderer.h"
#include "pipeline/frame_sink.h"
#include "pipeline/tile_workers.h"
#include "pipeline/tiles.h"
#include "system/errors.h"

namespace rtcli {

// The run was stopped by FrameLoop::stop or a sink, with no failure or signal to report.
struct FrameStopped : RunError {
  using RunError::RunError;
};

// When a run began (just before the first band was handed out) and when its workers were done
// (the last band handed to the sinks, before they finished).
struct FrameTimes {
  SteadyClock::time_point start;
  SteadyClock::time_point rendered;
};

class FrameLoop {
 public:
  // `bands`: the frame and its bands, scan order. `handout`: where workers take band numbers
  // when other processes share the frame; nullptr: this loop hands out every band itself.
  // `timeline`: each band's wait for room, render and hand-off to the sinks are spans on its
  // worker's lane, and the sinks are given it; nullptr: nothing is recorded.
  FrameLoop(WorkerArena& arena, const TileGrid& bands, std::vector<FrameSink*> sinks,
            BandHandout* handout = nullptr, RunTimeline* timeline = nullptr);

  // Renders the bands and hands each to every sink, then finishes every sink. On a failure
  // every sink is stopped and finished, and run throws: a worker's or sink's exception first,
  // then interrupt::Interrupted on a signal, then FrameStopped.
  FrameTimes run(BandRenderer& renderer);

  // From any thread: no band is handed out any more and the sinks are stopped.
  void stop();

 private:
  // Band numbers for WorkerArena: the handout's, or a count of this loop's own.
  class Bands {
   public:
    Bands(int count, BandHandout* handout) : count_(count), handout_(handout) {}
    std::optional<int> next();
    void complete(int) {}
    void cancel() { cancelled_.store(true); }
    bool cancelled() const { return cancelled_.load(); }

   private:
    const int count_;
    BandHandout* const handout_;
    std::atomic<int> next_{0};
    std::atomic<bool> cancelled_{false};
  };

  // A band's spans on its worker's lane: the wait for room from `asked`, the render, and the
  // hand-off to the sinks (compression) until now.
  void record(const FinishedBand& band, SteadyClock::time_point asked) const;

  WorkerArena& arena_;
  const TileGrid bands_;
  const std::vector<FrameSink*> sinks_;
  Bands source_;
  RunTimeline* const timeline_;
};

}  // namespace rtcli

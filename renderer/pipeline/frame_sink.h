// FrameSink: where the frame loop (frame_loop.h) hands each finished band. A PNG folder, a
// bench recorder, memory, another process, a live view: each is one sink and knows no other.
#pragma once

#include <chrono>

#include "pipeline/run_timeline.h"
#include "pipeline/tiles.h"
#include "shading/frame.h"

namespace rtcli {

// The frame being rendered, as a sink is told before its first band.
struct FrameInfo {
  const TileGrid& bands;          // the frame (width, height) and its bands, numbered in scan order
  int threads = 0;                // workers; FinishedBand::worker is below it
  SteadyClock::time_point start;  // just before the first band is handed out
  RunTimeline* timeline = nullptr;  // where a sink records its work; nullptr: nothing recorded
};

// One band, rendered. Valid only during the call it is passed to.
struct FinishedBand {
  int index = 0;        // band number, scan order
  TileBounds bounds;    // its pixels, in frame coordinates
  const Frame& pixels;  // holds the band's rows, in frame coordinates: pixels.pixel(x, y)
  int worker = 0;       // the arena slot that rendered it, in [0, threads)
  SteadyClock::time_point started;  // around its render
  SteadyClock::time_point finished;
};

// The loop calls begin once, then from its workers wait_for_room and band_finished for every
// band, then finish once. stop may come at any time from any thread, more than once.
class FrameSink {
 public:
  virtual ~FrameSink() = default;

  // Before the first band, on the loop's thread. Throwing ends the run before any band.
  virtual void begin(const FrameInfo&) {}

  // On a worker, before it renders `band` (each worker's bands increase): a sink that bounds
  // what it holds waits here until it has room. False: the run stops.
  virtual bool wait_for_room(int /*band*/) { return true; }

  // On the worker that rendered the band, at once: several workers call it at the same time,
  // bands in any order. Throwing stops the run; the loop reports that exception.
  virtual void band_finished(const FinishedBand& band) = 0;

  // The run stops early (a signal, a failed band or sink, FrameLoop::stop): release anything
  // waiting, write nothing more. Thread-safe; must not block.
  virtual void stop() {}

  // After every worker is done, on the loop's thread, whether the run completed or stopped
  // (stop was called first). Completes the output, or tidies up; throws the sink's own failure.
  virtual void finish() {}

  // A sink that holds the whole frame may lend it to the workers, who then render into it
  // directly instead of into buffers of their own (no copy); every sink still gets each band.
  virtual Frame* frame_to_render_into() { return nullptr; }
};

}  // namespace rtcli

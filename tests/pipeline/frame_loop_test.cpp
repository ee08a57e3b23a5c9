// The frame loop hands every band to every sink, exactly once, with the band's pixels; a sink
// that throws or a stop ends the run cleanly: every sink stopped and finished, the failure
// reported, no band handed out after it.
#include "pipeline/frame_loop.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "pipeline/band_renderer.h"
#include "pipeline/memory_sink.h"
#include "pipeline/view_sink.h"
#include "shading/render_scene.h"
#include "shading/tile_renderer.h"

namespace rtcli {
namespace {

constexpr int kWidth = 70;  // ragged bands on both edges
constexpr int kHeight = 45;

Frame reference_frame() {
  Frame frame(kWidth, kHeight);
  render_tile_reference(seed_scene(), {0, 0, kWidth, kHeight}, frame);
  return frame;
}

bool rows_equal(const Frame& a, const Frame& b, const TileBounds& bounds) {
  for (int y = bounds.y0; y < bounds.y1; ++y)
    if (std::memcmp(a.pixel(bounds.x0, y), b.pixel(bounds.x0, y),
                    static_cast<std::size_t>(bounds.width()) * 3) != 0)
      return false;
  return true;
}

// The live view's test double: copies each band's pixels into a slot of its own (no lock: each
// band arrives once), so a band seen twice or never shows.
class RecordingView : public ViewSink {
 public:
  void begin(const FrameInfo& frame) override {
    seen_ = std::vector<std::atomic<int>>(static_cast<std::size_t>(frame.bands.count()));
    frame_.emplace(frame.bands.width(), frame.bands.height());
  }
  void band_finished(const FinishedBand& band) override {
    seen_[static_cast<std::size_t>(band.index)].fetch_add(1);
    const std::size_t bytes = static_cast<std::size_t>(band.bounds.width()) * 3;
    for (int y = band.bounds.y0; y < band.bounds.y1; ++y)
      std::memcpy(frame_->pixel(band.bounds.x0, y), band.pixels.pixel(band.bounds.x0, y), bytes);
  }
  int times_seen(int band) const { return seen_[static_cast<std::size_t>(band)].load(); }
  const Frame& frame() const { return *frame_; }

 private:
  std::vector<std::atomic<int>> seen_;
  std::optional<Frame> frame_;
};

// Counts what the loop asked of it; optionally throws or stops the loop at one band.
class ProbeSink : public FrameSink {
 public:
  void begin(const FrameInfo&) override { ++begun; }
  void band_finished(const FinishedBand& band) override {
    bands.fetch_add(1);
    if (band.index == throw_at)
      throw std::runtime_error("sink failed at band " + std::to_string(band.index));
    if (band.index == stop_at) loop->stop();
  }
  void stop() override { stopped.store(true); }
  void finish() override { ++finished; }

  int throw_at = -1;
  int stop_at = -1;
  FrameLoop* loop = nullptr;
  int begun = 0;
  int finished = 0;
  std::atomic<int> bands{0};
  std::atomic<bool> stopped{false};
};

struct Workers {
  RenderScene scene = prepare_scene(seed_scene(), Accel::kNone);
  WorkerArena arena;
  KernelRenderer kernels;
  explicit Workers(int threads) : arena(threads), kernels(scene, 16, threads) {}
};

TEST(FrameLoop, MemorySinkHoldsTheReferenceFrame) {
  for (const int threads : {1, 3}) {
    Workers run(threads);
    MemorySink memory(kWidth, kHeight);
    FrameLoop(run.arena, TileGrid(kWidth, kHeight, 16, 7), {&memory}).run(run.kernels);
    EXPECT_TRUE(rows_equal(memory.frame(), reference_frame(), {0, 0, kWidth, kHeight}))
        << threads << " threads";
  }
}

TEST(FrameLoop, ASecondMemorySinkCopiesWhatTheFirstLent) {
  Workers run(2);
  MemorySink lent(kWidth, kHeight);
  MemorySink copied(kWidth, kHeight);
  FrameLoop(run.arena, TileGrid(kWidth, kHeight, 16, 7), {&lent, &copied}).run(run.kernels);
  EXPECT_TRUE(rows_equal(copied.frame(), reference_frame(), {0, 0, kWidth, kHeight}));
}

// With and without a whole frame to render into: the view gets each band once, its pixels
// those of the reference.
TEST(FrameLoop, ViewSeesEveryBandOnceWithItsPixels) {
  for (const bool in_memory : {false, true}) {
    Workers run(3);
    const TileGrid bands(kWidth, kHeight, kWidth, 4);  // whole rows, as the PNG output's
    RecordingView view;
    MemorySink memory(kWidth, kHeight);
    std::vector<FrameSink*> sinks{&view};
    if (in_memory) sinks.push_back(&memory);
    FrameLoop(run.arena, bands, sinks).run(run.kernels);
    for (int band = 0; band < bands.count(); ++band) EXPECT_EQ(view.times_seen(band), 1) << band;
    EXPECT_TRUE(rows_equal(view.frame(), reference_frame(), {0, 0, kWidth, kHeight}))
        << (in_memory ? "rendered into memory" : "rendered into band buffers");
  }
}

TEST(FrameLoop, ASinkThatThrowsStopsTheRunAndEverySinkIsFinished) {
  Workers run(1);  // one worker: no band can be in flight beside the failing one
  ProbeSink probe;
  ProbeSink failing;
  failing.throw_at = 2;
  const TileGrid bands(kWidth, kHeight, kWidth, 1);  // 45 bands
  FrameLoop loop(run.arena, bands, {&probe, &failing});
  try {
    loop.run(run.kernels);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "sink failed at band 2");
  }
  for (const ProbeSink* sink : {&probe, &failing}) {
    EXPECT_EQ(sink->begun, 1);
    EXPECT_TRUE(sink->stopped.load());
    EXPECT_EQ(sink->finished, 1);
  }
  EXPECT_EQ(probe.bands.load(), 3);  // bands 0, 1, 2, and none after
}

TEST(FrameLoop, StopEndsTheRunWithFrameStopped) {
  Workers run(1);
  ProbeSink probe;
  probe.stop_at = 3;
  MemorySink memory(kWidth, kHeight);
  const TileGrid bands(kWidth, kHeight, kWidth, 1);
  FrameLoop loop(run.arena, bands, {&memory, &probe});
  probe.loop = &loop;
  EXPECT_THROW(loop.run(run.kernels), FrameStopped);
  EXPECT_TRUE(probe.stopped.load());
  EXPECT_EQ(probe.finished, 1);
  EXPECT_EQ(probe.bands.load(), 4);  // bands 0 to 3, and none after
}

// A sink refusing room (its consumer failed) stops the loop as FrameLoop::stop does.
TEST(FrameLoop, ASinkWithoutRoomStopsTheRun) {
  class NoRoomAfter : public ProbeSink {
   public:
    bool wait_for_room(int band) override { return band < 5; }
  };
  Workers run(1);
  NoRoomAfter sink;
  FrameLoop loop(run.arena, TileGrid(kWidth, kHeight, kWidth, 1), {&sink});
  EXPECT_THROW(loop.run(run.kernels), FrameStopped);
  EXPECT_EQ(sink.bands.load(), 5);
  EXPECT_EQ(sink.finished, 1);
}

TEST(FrameLoop, ASinkThatFailsToBeginEndsTheRunBeforeAnyBand) {
  class FailsToBegin : public ProbeSink {
   public:
    void begin(const FrameInfo&) override { throw std::runtime_error("no begin"); }
  };
  Workers run(2);
  ProbeSink first;
  FailsToBegin second;
  EXPECT_THROW(FrameLoop(run.arena, TileGrid(kWidth, kHeight, kWidth, 1), {&first, &second})
                   .run(run.kernels),
               std::runtime_error);
  EXPECT_EQ(first.bands.load(), 0);
  EXPECT_TRUE(first.stopped.load());
  EXPECT_EQ(first.finished, 1);
  EXPECT_EQ(second.finished, 0);  // never begun
}

}  // namespace
}  // namespace rtcli

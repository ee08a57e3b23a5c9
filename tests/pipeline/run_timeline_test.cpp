#include "pipeline/run_timeline.h"

#include <gtest/gtest.h>

#include <string>

namespace rtcli {
namespace {

using std::chrono::microseconds;

// A made-up run on a fixed time line (no clock read): two workers and the writer.
struct MadeUpRun {
  SteadyClock::time_point t0{};  // start
  SteadyClock::time_point at(int us) const { return t0 + microseconds(us); }
};

TEST(RunTimeline, PhasesAddUpToTheWallTimeAndSplitAsRecorded) {
  const MadeUpRun run;
  RunTimeline timeline;
  timeline.begin(2);
  const auto name = [] { return std::string("x"); };
  // Worker 0: render 100..400, compress 400..500. Worker 1: render 150..350, compress
  // 350..390, a wait for room 390..450 and render 450..600.
  timeline.span(0, Phase::kRender, run.at(100), run.at(400), name);
  timeline.span(0, Phase::kCompress, run.at(400), run.at(500), name);
  timeline.span(1, Phase::kRender, run.at(150), run.at(350), name);
  timeline.span(1, Phase::kCompress, run.at(350), run.at(390), name);
  timeline.span(1, Phase::kWait, run.at(390), run.at(450), name);
  timeline.span(1, Phase::kRender, run.at(450), run.at(600), name);
  // The writer: an fsync while the workers render (overlapped, not in the tail), one across
  // the workers' end at 600 (its last 50 us in the tail) and one wholly in the tail.
  const int writer = timeline.writer_lane();
  timeline.span(writer, Phase::kFsync, run.at(200), run.at(300), name);
  timeline.span(writer, Phase::kFsync, run.at(550), run.at(650), name);
  timeline.span(writer, Phase::kFsync, run.at(700), run.at(720), name);
  // Detail adds no time.
  timeline.detail(0, Phase::kCompress, run.at(410), run.at(420), name);
  timeline.finish(run.at(0), run.at(100), run.at(600), run.at(800));

  const RunPhases p = timeline.phases();
  EXPECT_DOUBLE_EQ(p.wall_ms, 0.8);
  EXPECT_DOUBLE_EQ(p.setup_ms, 0.1);
  EXPECT_DOUBLE_EQ(p.render_ms, (0.3 + 0.2 + 0.15) / 2);
  EXPECT_DOUBLE_EQ(p.compress_ms, (0.1 + 0.04) / 2);
  EXPECT_NEAR(p.wait_ms, 0.5 - p.render_ms - p.compress_ms, 1e-12);
  EXPECT_NEAR(p.fsync_ms, 0.05 + 0.02, 1e-12);
  EXPECT_NEAR(p.write_ms, 0.2 - 0.07, 1e-12);
  double sum = 0;
  for (const auto& [phase, ms] : kRunPhaseParts) sum += p.*ms;
  EXPECT_NEAR(sum, p.wall_ms, 1e-12);
}

TEST(RunTimeline, EventsAreKeptOnlyWhenAskedAndUpToTheLimit) {
  const MadeUpRun run;
  RunTimeline totals_only;
  totals_only.begin(1);
  int named = 0;
  const auto name = [&] {
    ++named;
    return std::string("band");
  };
  totals_only.span(0, Phase::kRender, run.at(0), run.at(10), name);
  EXPECT_EQ(named, 0);  // no event, not even its name
  EXPECT_TRUE(totals_only.events().empty());

  RunTimeline kept(true, 2);
  kept.begin(1);
  for (int i = 0; i < 3; ++i) kept.span(0, Phase::kRender, run.at(i), run.at(i + 1), name);
  kept.span(kept.writer_lane(), Phase::kWrite, run.at(5), run.at(6), name);
  EXPECT_EQ(kept.events().size(), 3u);  // two on the worker's lane, one on the writer's
  EXPECT_EQ(kept.dropped_events(), 1u);
  EXPECT_EQ(kept.events().front().lane, 0);
  EXPECT_EQ(kept.events().back().lane, kept.writer_lane());
  EXPECT_EQ(kept.events().front().thread_id, current_thread_id());
  // The dropped span still counts.
  kept.finish(run.at(0), run.at(0), run.at(10), run.at(10));
  EXPECT_DOUBLE_EQ(kept.phases().render_ms, 0.003);
}

TEST(RunTimeline, PhaseNames) {
  EXPECT_STREQ(phase_name(Phase::kRender), "render");
  EXPECT_STREQ(phase_name(Phase::kFsync), "fsync");
}

}  // namespace
}  // namespace rtcli

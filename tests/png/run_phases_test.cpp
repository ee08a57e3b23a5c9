// Real renders recorded on a timeline: the phases add up to the run's wall time, each is there
// and not negative, and recording changes no byte of the files.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "pipeline/run_timeline.h"
#include "png/render_job.h"
#include "test_support.h"

namespace rtcli {
namespace {

FrameSpec small_frame(int threads) {
  FrameSpec spec;
  spec.width = 320;
  spec.height = 240;
  spec.threads = threads;
  spec.checkpoints = parse_checkpoints("25%,50%,75%");
  return spec;
}

TEST(RunPhases, AddUpToTheWallTimeOfRealRuns) {
  for (const int threads : {1, 2}) {
    for (int run = 0; run < 3; ++run) {
      SCOPED_TRACE(std::to_string(threads) + " threads, run " + std::to_string(run));
      const test::TempDir dir;
      const FrameSpec spec = small_frame(threads);
      RunTimeline timeline(true);
      const SteadyClock::time_point before = SteadyClock::now();
      const RenderSummary summary = render_to_directory(spec, dir / "out", nullptr, {}, &timeline);
      const double outside_ms =
          std::chrono::duration<double, std::milli>(SteadyClock::now() - before).count();
      const RunPhases p = timeline.phases();

      double sum = 0;
      for (const auto& [name, ms] : kRunPhaseParts) {
        EXPECT_GE(p.*ms, 0.0) << name;
        sum += p.*ms;
      }
      EXPECT_NEAR(p.wall_ms, summary.total_seconds * 1e3, 1e-9);
      EXPECT_NEAR(sum, summary.total_seconds * 1e3, 0.05 * summary.total_seconds * 1e3);
      EXPECT_LE(sum, outside_ms);
      // The phases up to the workers' end are render_seconds; the rest is the writer's tail.
      EXPECT_NEAR(p.setup_ms + p.render_ms + p.compress_ms + p.wait_ms,
                  summary.render_seconds * 1e3, 1e-6);
      // Every band was rendered and compressed, and the writer wrote after the workers' end.
      EXPECT_GT(p.render_ms, 0.0);
      EXPECT_GT(p.compress_ms, 0.0);
      EXPECT_GT(p.write_ms, 0.0);
      // final.png was synced. Not necessarily inside the tail: on a busy machine the writer may
      // finish it before the main thread, descheduled, reads the workers' end; the fsync's time
      // then counts as waiting and fsync_ms is 0.
      const auto synced_final = [](const TimelineEvent& e) {
        return e.phase == Phase::kFsync && e.name == "fsync final.png" && e.end > e.start;
      };
      const std::vector<TimelineEvent> events = timeline.events();
      EXPECT_EQ(std::count_if(events.begin(), events.end(), synced_final), 1);
    }
  }
}

TEST(RunPhases, RecordingChangesNoByteOfTheFiles) {
  const FrameSpec spec = small_frame(2);
  const test::TempDir dir;
  RunTimeline timeline(true);
  render_to_directory(spec, dir / "plain");
  render_to_directory(spec, dir / "recorded", nullptr, {}, &timeline);
  EXPECT_FALSE(timeline.events().empty());
  const std::vector<std::string> files = test::list_folder(dir / "plain");
  EXPECT_EQ(files, test::list_folder(dir / "recorded"));
  EXPECT_EQ(files.size(), 4u);
  for (const std::string& name : files)
    EXPECT_EQ(test::read_file(dir / "plain" / name), test::read_file(dir / "recorded" / name))
        << name;
}

}  // namespace
}  // namespace rtcli

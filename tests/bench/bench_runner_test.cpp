#include "bench/bench_runner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "shading/shade.h"
#include "system/errors.h"

namespace rtcli {
namespace {

BenchSettings small_settings() {
  BenchSettings s;
  s.frame.width = 70;  // ragged tiles on both edges
  s.frame.height = 45;
  s.frame.tile_width = 16;
  s.frame.tile_height = 16;
  s.threads = {1, 2};
  s.repetitions = 3;
  s.warmup = 1;
  s.latency_runs = 2;
  return s;
}

TEST(BenchRunner, ThroughputTimesEachRepetitionOfEachThreadCount) {
  const std::vector<ThroughputRun> runs = run_throughput(small_settings());
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].threads, 1);
  EXPECT_EQ(runs[1].threads, 2);
  for (const ThroughputRun& run : runs) {
    ASSERT_EQ(run.wall_ms.size(), 3u);
    ASSERT_EQ(run.cpu_ms.size(), 3u);
    for (const double ms : run.wall_ms) EXPECT_GT(ms, 0.0);
  }
}

TEST(BenchRunner, LatencyPassTimesEveryPixelOnceAndClassifiesIt) {
  BenchSettings s = small_settings();
  s.keep_pixel_latencies = true;
  const LatencyPass pass = run_latency_pass(s, 2, make_cycle_clock(2, 2.0));
  const std::size_t pixels = 70 * 45;
  std::size_t hits = 0;
  for (int y = 0; y < 45; ++y)
    for (int x = 0; x < 70; ++x) hits += shade_pixel(s.frame.scene, x, y, 70, 45).hit;
  ASSERT_GT(hits, 0u);
  ASSERT_LT(hits, pixels);
  EXPECT_EQ(pass.all.count(), pixels);
  EXPECT_EQ(pass.hit.count(), hits);
  EXPECT_EQ(pass.background.count(), pixels - hits);
  const auto& buckets = pass.all.bucket_counts();
  EXPECT_EQ(std::accumulate(buckets.begin(), buckets.end(), std::uint64_t{0}), pixels);
  EXPECT_EQ(pass.instrumented_wall_ms.size(), 2u);
  EXPECT_EQ(pass.plain_wall_ms.size(), 2u);
  ASSERT_EQ(pass.pixel_ns.size(), pixels);
  // The map keeps floats; the histogram the doubles they were rounded from.
  EXPECT_EQ(static_cast<float>(pass.all.max_ns()),
            *std::max_element(pass.pixel_ns.begin(), pass.pixel_ns.end()));

  // The merged histogram's percentiles agree with an exact sort of the very same samples.
  std::vector<float> sorted = pass.pixel_ns;
  std::sort(sorted.begin(), sorted.end());
  for (const double p : {1.0, 50.0, 90.0, 99.0, 99.9}) {
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * pixels));
    const double exact = sorted[rank - 1];
    if (exact < 1.0) continue;  // the [0, 1) bucket has no relative accuracy
    EXPECT_NEAR(pass.all.percentile_ns(p), exact, 0.01 * exact) << "p" << p;
  }

  // Every tile once, with its bounds, on a worker that exists.
  const TileGrid grid(70, 45, 16, 16);
  ASSERT_EQ(pass.tiles.size(), static_cast<std::size_t>(grid.count()));
  for (int i = 0; i < grid.count(); ++i) {
    const TileRecord& t = pass.tiles[static_cast<std::size_t>(i)];
    EXPECT_EQ(t.index, i);
    EXPECT_EQ(t.bounds.x0, grid.bounds(i).x0);
    EXPECT_EQ(t.bounds.y1, grid.bounds(i).y1);
    EXPECT_GE(t.thread, 0);
    EXPECT_LT(t.thread, 2);
    EXPECT_GE(t.duration_us, 0.0);
  }
  const std::vector<ThreadLoad> loads = thread_loads(pass.tiles, 2);
  ASSERT_EQ(loads.size(), 2u);
  EXPECT_EQ(loads[0].tiles + loads[1].tiles, grid.count());
  EXPECT_EQ(loads[0].pixels + loads[1].pixels, pixels);
}

TEST(BenchRunner, ValidateRejectsBadSettingsBeforeAnyWork) {
  BenchSettings s = small_settings();
  s.threads = {2, 0};
  EXPECT_THROW(validate(s), UsageError);
  s = small_settings();
  s.repetitions = 0;
  EXPECT_THROW(validate(s), UsageError);
  s = small_settings();
  s.frame.tile_width = 0;
  EXPECT_THROW(validate(s), UsageError);
  EXPECT_NO_THROW(validate(small_settings()));
}

}  // namespace
}  // namespace rtcli

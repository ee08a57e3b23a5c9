#include "bench/bench_session.h"

#include <gtest/gtest.h>

namespace rtcli {
namespace {

BenchSettings tiny(const std::string& name, int spheres) {
  BenchSettings s;
  s.frame.width = 24;
  s.frame.height = 16;
  s.threads = {1, 2};
  s.repetitions = 2;
  s.warmup = 0;
  s.latency_runs = 1;
  s.end_to_end_runs = 1;
  s.keep_pixel_latencies = true;
  s.scene_name = name;
  s.frame.scene.spheres.resize(static_cast<std::size_t>(spheres), s.frame.scene.spheres.front());
  return s;
}

// Every scene gets every pass, in the order given; the heat map's latencies are the last
// scene's, one per pixel.
TEST(BenchSession, RunsEveryPassForEachSceneInOrder) {
  BenchSettings second = tiny("two", 2);
  second.sweep_sizes = {{8, 4}, {12, 6}};
  const BenchSession session = run_bench_session({tiny("one", 1), second});
  ASSERT_EQ(session.scenes.size(), 2u);
  EXPECT_EQ(session.scenes[0].settings.scene_name, "one");
  EXPECT_EQ(session.scenes[1].settings.scene_name, "two");
  for (const BenchResults& r : session.scenes) {
    ASSERT_EQ(r.throughput.size(), 2u);
    EXPECT_EQ(r.latency.threads, 2);  // the largest thread count
    ASSERT_TRUE(r.end_to_end.has_value());
    EXPECT_EQ(r.end_to_end->wall_ms.size(), 1u);
    EXPECT_FALSE(r.context.render_path.empty());
  }
  EXPECT_TRUE(session.scenes[0].size_sweep.empty());
  ASSERT_EQ(session.scenes[1].size_sweep.size(), 2u);
  EXPECT_EQ(session.scenes[1].size_sweep[1].width, 12);
  EXPECT_EQ(session.pixel_ns.size(), 24u * 16u);
}

TEST(BenchSession, NoScenesNoWork) {
  EXPECT_TRUE(run_bench_session({}).scenes.empty());
}

}  // namespace
}  // namespace rtcli

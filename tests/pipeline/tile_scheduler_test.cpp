#include "pipeline/tile_scheduler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

#include "child_process.h"

namespace rtcli {
namespace {

TEST(TileScheduler, HandsOutEveryTileOnceInOrder) {
  TileScheduler scheduler(5);
  for (int expected = 0; expected < 5; ++expected) EXPECT_EQ(scheduler.next(), expected);
  EXPECT_FALSE(scheduler.next().has_value());
}

TEST(TileScheduler, PrefixGrowsOnlyOverContiguousTiles) {
  TileScheduler scheduler(4);
  scheduler.complete(1);
  scheduler.complete(3);
  EXPECT_EQ(scheduler.completed_prefix(), 0);
  scheduler.complete(0);
  EXPECT_EQ(scheduler.completed_prefix(), 2);
  scheduler.complete(2);
  EXPECT_EQ(scheduler.completed_prefix(), 4);
  EXPECT_TRUE(scheduler.wait_for_prefix(4));
}

TEST(TileScheduler, ConcurrentWorkersTakeDisjointTiles) {
  constexpr int kTiles = 10000;
  TileScheduler scheduler(kTiles);
  std::vector<std::vector<int>> taken(4);
  std::vector<std::thread> workers;
  for (auto& mine : taken)
    workers.emplace_back([&scheduler, &mine] {
      while (const auto tile = scheduler.next()) {
        mine.push_back(*tile);
        scheduler.complete(*tile);
      }
    });
  for (auto& w : workers) w.join();
  std::vector<int> all;
  for (const auto& mine : taken) all.insert(all.end(), mine.begin(), mine.end());
  std::sort(all.begin(), all.end());
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kTiles));
  for (int i = 0; i < kTiles; ++i) ASSERT_EQ(all[static_cast<std::size_t>(i)], i);
  EXPECT_EQ(scheduler.completed_prefix(), kTiles);
}

TEST(TileScheduler, CancelReleasesWaitersAndStopsHandingOut) {
  TileScheduler scheduler(3);
  bool reached = true;
  std::thread waiter([&] { reached = scheduler.wait_for_prefix(3); });
  // Blocked first, so that cancel() is what releases it (only catches a hang).
  EXPECT_TRUE(test::wait_until([&] { return scheduler.blocked() == 1; }, std::chrono::minutes(1)));
  scheduler.cancel();
  waiter.join();
  EXPECT_FALSE(reached);
  EXPECT_FALSE(scheduler.next().has_value());
}

}  // namespace
}  // namespace rtcli

// The scheduler wakes a waiter once its prefix is complete, whatever order tiles finish in,
// and cancel() releases it.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "parallel/tile_scheduler.h"

namespace rtcli {
namespace {

TEST(TileSchedulerWakeup, WaiterReturnsOnlyOnceItsPrefixIsComplete) {
  TileScheduler scheduler(6);
  std::atomic<bool> returned{false};
  std::thread waiter([&] {
    EXPECT_TRUE(scheduler.wait_for_prefix(4));
    returned = true;
  });
  for (const int tile : {3, 1, 0, 5}) scheduler.complete(tile);  // prefix is 2 so far
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_FALSE(returned);
  EXPECT_EQ(scheduler.completed_prefix(), 2);
  scheduler.complete(2);  // prefix jumps to 4
  waiter.join();
  EXPECT_TRUE(returned);
  EXPECT_EQ(scheduler.completed_prefix(), 4);
}

TEST(TileSchedulerWakeup, TwoWaitersWithDifferentPrefixesBothWake) {
  TileScheduler scheduler(4);
  std::thread near_waiter([&] { EXPECT_TRUE(scheduler.wait_for_prefix(1)); });
  std::thread far_waiter([&] { EXPECT_TRUE(scheduler.wait_for_prefix(4)); });
  for (int tile = 0; tile < 4; ++tile) scheduler.complete(tile);
  near_waiter.join();
  far_waiter.join();
}

TEST(TileSchedulerWakeup, CancelReleasesAWaiter) {
  TileScheduler scheduler(3);
  std::thread waiter([&] { EXPECT_FALSE(scheduler.wait_for_prefix(3)); });
  scheduler.complete(0);
  scheduler.cancel();
  waiter.join();
}

}  // namespace
}  // namespace rtcli

// The scheduler wakes a waiter once its prefix is complete, whatever order tiles finish in,
// and cancel() releases it. Each test first waits until its waiters are blocked (an event the
// scheduler reports), so a slow machine makes them slower, never wrong.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "child_process.h"
#include "pipeline/tile_scheduler.h"

namespace rtcli {
namespace {

using test::wait_until;

// Only catches a hang: each wait is for something a correct scheduler brings about.
constexpr std::chrono::milliseconds kHang{60'000};

// Joins `waiter` once `returned` is set; should it hang, cancel() frees it so the test fails
// instead of hanging.
void join_once_returned(std::thread& waiter, const std::atomic<bool>& returned,
                        TileScheduler& scheduler) {
  EXPECT_TRUE(wait_until([&] { return returned.load(); }, kHang)) << "the waiter never woke";
  scheduler.cancel();
  waiter.join();
}

TEST(TileSchedulerWakeup, WaiterReturnsOnlyOnceItsPrefixIsComplete) {
  TileScheduler scheduler(6);
  for (const int tile : {3, 1, 0, 5}) scheduler.complete(tile);  // prefix is 2 so far
  std::atomic<bool> returned{false};
  std::thread waiter([&] {
    EXPECT_TRUE(scheduler.wait_for_prefix(4));
    returned = true;
  });
  EXPECT_TRUE(wait_until([&] { return scheduler.blocked() == 1 || returned; }, kHang));
  EXPECT_FALSE(returned) << "returned with the prefix at 2";
  EXPECT_EQ(scheduler.completed_prefix(), 2);
  scheduler.complete(2);  // prefix jumps to 4
  join_once_returned(waiter, returned, scheduler);
  EXPECT_EQ(scheduler.completed_prefix(), 4);
}

// The near waiter's wake-up must not lose the far one's: it waits on, and wakes at 4.
TEST(TileSchedulerWakeup, TwoWaitersWithDifferentPrefixesBothWake) {
  TileScheduler scheduler(4);
  std::atomic<bool> near_returned{false};
  std::atomic<bool> far_returned{false};
  std::thread near_waiter([&] {
    EXPECT_TRUE(scheduler.wait_for_prefix(1));
    near_returned = true;
  });
  std::thread far_waiter([&] {
    EXPECT_TRUE(scheduler.wait_for_prefix(4));
    far_returned = true;
  });
  EXPECT_TRUE(wait_until([&] { return scheduler.blocked() == 2; }, kHang));
  scheduler.complete(0);
  EXPECT_TRUE(wait_until([&] { return near_returned.load(); }, kHang));
  EXPECT_FALSE(far_returned);
  for (int tile = 1; tile < 4; ++tile) scheduler.complete(tile);
  join_once_returned(far_waiter, far_returned, scheduler);
  near_waiter.join();
}

TEST(TileSchedulerWakeup, CancelReleasesABlockedWaiter) {
  TileScheduler scheduler(3);
  scheduler.complete(0);
  std::atomic<bool> returned{false};
  std::thread waiter([&] {
    EXPECT_FALSE(scheduler.wait_for_prefix(3));
    returned = true;
  });
  EXPECT_TRUE(wait_until([&] { return scheduler.blocked() == 1; }, kHang));
  scheduler.cancel();
  EXPECT_TRUE(wait_until([&] { return returned.load(); }, kHang)) << "cancel() did not release";
  waiter.join();
}

}  // namespace
}  // namespace rtcli

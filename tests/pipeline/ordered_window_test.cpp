// OrderedWindow: items come out in number order whatever order they go in, producers wait
// when the consumer is behind, and cancelling releases everyone.
#include "pipeline/ordered_window.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "child_process.h"

namespace rtcli {
namespace {

// Only catches a hang: each wait is for something a correct window brings about.
constexpr std::chrono::milliseconds kHang{60'000};

TEST(OrderedWindow, ItemsComeOutInOrderWhateverOrderTheyArrive) {
  OrderedWindow<int> window(4);
  for (const int i : {2, 0, 3, 1}) {
    ASSERT_TRUE(window.wait_for_room(i));
    window.push(i, i * 10);
  }
  for (int i = 0; i < 4; ++i) EXPECT_EQ(window.pop(), i * 10);
  EXPECT_EQ(window.peak_waiting(), 4);
}

// A slow consumer: producers never get more than `capacity` numbers ahead of it. The consumer
// takes each item only once a producer is blocked on a full window (or every remaining
// number is in it), so the window is full at every step however the threads are scheduled.
TEST(OrderedWindow, SlowConsumerHoldsProducersBack) {
  constexpr int kCapacity = 3;
  constexpr int kItems = 60;
  OrderedWindow<int> window(kCapacity);
  std::atomic<int> next{0};
  std::atomic<int> taken{0};
  std::atomic<int> furthest_ahead{0};
  std::vector<std::thread> producers;
  for (int p = 0; p < 4; ++p)
    producers.emplace_back([&] {
      for (int i = next++; i < kItems; i = next++) {
        if (!window.wait_for_room(i)) return;
        int ahead = i - taken.load();
        for (int seen = furthest_ahead.load(); ahead > seen;)
          if (furthest_ahead.compare_exchange_weak(seen, ahead)) break;
        window.push(i, i);
      }
    });
  for (int i = 0; i < kItems; ++i) {
    if (i + kCapacity < kItems) {
      EXPECT_TRUE(test::wait_until([&] { return window.blocked() > 0; }, kHang)) << "item " << i;
    }
    ASSERT_EQ(window.pop(), i);
    taken = i + 1;
  }
  for (std::thread& t : producers) t.join();
  // `taken` is updated just after pop() returns, so a producer may see it one behind.
  EXPECT_LE(furthest_ahead.load(), kCapacity);
  EXPECT_LE(window.peak_waiting(), kCapacity);
  EXPECT_GT(window.producer_waits(), 0);
}

// A producer waiting for room and the consumer waiting for an item are both blocked before
// the cancel, so that cancel() is what releases them.
TEST(OrderedWindow, CancelReleasesProducersAndTheConsumer) {
  OrderedWindow<int> window(2);
  std::thread producer([&] { EXPECT_FALSE(window.wait_for_room(5)); });
  std::thread consumer([&] { EXPECT_EQ(window.pop(), std::nullopt); });
  EXPECT_TRUE(test::wait_until([&] { return window.blocked() == 2; }, kHang));
  EXPECT_EQ(window.producer_waits(), 1);
  window.cancel();
  producer.join();
  consumer.join();
  EXPECT_FALSE(window.wait_for_room(7));
}

}  // namespace
}  // namespace rtcli

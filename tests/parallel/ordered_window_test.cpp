// OrderedWindow: items come out in number order whatever order they go in, producers wait
// when the consumer is behind, and cancelling releases everyone.
#include "parallel/ordered_window.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace rtcli {
namespace {

TEST(OrderedWindow, ItemsComeOutInOrderWhateverOrderTheyArrive) {
  OrderedWindow<int> window(4);
  for (const int i : {2, 0, 3, 1}) {
    ASSERT_TRUE(window.wait_for_room(i));
    window.push(i, i * 10);
  }
  for (int i = 0; i < 4; ++i) EXPECT_EQ(window.pop(), i * 10);
  EXPECT_EQ(window.peak_waiting(), 4);
}

// A slow consumer: producers never get more than `capacity` numbers ahead of it.
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
    std::this_thread::sleep_for(std::chrono::microseconds(300));
    ASSERT_EQ(window.pop(), i);
    taken = i + 1;
  }
  for (std::thread& t : producers) t.join();
  // `taken` is updated just after pop() returns, so a producer may see it one behind.
  EXPECT_LE(furthest_ahead.load(), kCapacity);
  EXPECT_LE(window.peak_waiting(), kCapacity);
  EXPECT_GT(window.producer_waits(), 0);
}

TEST(OrderedWindow, CancelReleasesProducersAndTheConsumer) {
  OrderedWindow<int> window(2);
  std::thread producer([&] { EXPECT_FALSE(window.wait_for_room(5)); });
  std::thread consumer([&] { EXPECT_EQ(window.pop(), std::nullopt); });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  window.cancel();
  producer.join();
  consumer.join();
  EXPECT_FALSE(window.wait_for_room(7));
}

}  // namespace
}  // namespace rtcli

// TileScheduler: hands out tile indices in scan order and collects finished ones.
// It knows nothing of pixels or threads, so a distributed scheduler can stand in its place.
#pragma once

#include <atomic>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <optional>
#include <vector>

namespace rtcli {

class TileScheduler {
 public:
  explicit TileScheduler(int tile_count);

  // The next tile to render, or nothing once all are handed out or the run is cancelled.
  std::optional<int> next();

  // Records a finished tile and wakes anyone waiting for the completed prefix to grow.
  void complete(int tile);

  // Blocks until the first `tiles` tiles are all complete; false if cancelled first.
  bool wait_for_prefix(int tiles);

  // Stops handing out tiles and releases every waiter.
  void cancel();
  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

  int tile_count() const { return tile_count_; }
  int completed_prefix() const;
  // Threads inside wait_for_prefix that have not had their answer: lets a test wait until a
  // waiter is blocked, instead of sleeping and hoping it is.
  int blocked() const;

 private:
  const int tile_count_;
  std::atomic<int> next_{0};
  std::atomic<bool> cancelled_{false};
  mutable std::mutex mutex_;
  std::condition_variable prefix_grew_;
  std::vector<bool> done_;  // guarded by mutex_
  int prefix_ = 0;          // guarded by mutex_: tiles [0, prefix_) are all done
  int wake_at_ = std::numeric_limits<int>::max();  // guarded by mutex_: smallest awaited prefix
  int blocked_ = 0;                                // guarded by mutex_
};

}  // namespace rtcli

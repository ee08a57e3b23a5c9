#include "pipeline/tile_scheduler.h"

#include <algorithm>
#include <limits>

namespace rtcli {

TileScheduler::TileScheduler(int tile_count)
    : tile_count_(tile_count), done_(static_cast<std::size_t>(tile_count), false) {}

std::optional<int> TileScheduler::next() {
  if (cancelled()) return std::nullopt;
  const int tile = next_.fetch_add(1, std::memory_order_relaxed);
  if (tile >= tile_count_) return std::nullopt;
  return tile;
}

void TileScheduler::complete(int tile) {
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    done_[static_cast<std::size_t>(tile)] = true;
    while (prefix_ < tile_count_ && done_[static_cast<std::size_t>(prefix_)]) ++prefix_;
    // Wake waiters only when one of them can proceed: a wake-up per tile costs the workers
    // a context switch each on a busy machine.
    if (prefix_ >= wake_at_) {
      wake_at_ = std::numeric_limits<int>::max();
      wake = true;
    }
  }
  if (wake) prefix_grew_.notify_all();
}

bool TileScheduler::wait_for_prefix(int tiles) {
  std::unique_lock lock(mutex_);
  ++blocked_;
  while (prefix_ < tiles && !cancelled()) {
    wake_at_ = std::min(wake_at_, tiles);  // each waiter re-registers after any wake-up
    prefix_grew_.wait(lock);
  }
  --blocked_;
  return prefix_ >= tiles;
}

void TileScheduler::cancel() {
  {
    std::lock_guard lock(mutex_);
    cancelled_.store(true, std::memory_order_relaxed);
  }
  prefix_grew_.notify_all();
}

int TileScheduler::completed_prefix() const {
  std::lock_guard lock(mutex_);
  return prefix_;
}

int TileScheduler::blocked() const {
  std::lock_guard lock(mutex_);
  return blocked_;
}

}  // namespace rtcli

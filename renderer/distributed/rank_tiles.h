// Tiles of one frame shared by every rank: a worker's next tile is the shared counter's next
// number, so the ranks split the frame dynamically. Stands in for TileScheduler in
// WorkerArena::run; completion is tracked by whoever collects the tiles' results.
#pragma once

#include <atomic>
#include <optional>

#include "distributed/shared_counter.h"

namespace rtcli::distributed {

class RankTiles {
 public:
  RankTiles(SharedCounter& counter, int tile_count) : counter_(counter), count_(tile_count) {}

  std::optional<int> next() {
    if (cancelled_.load(std::memory_order_relaxed)) return std::nullopt;
    const std::int64_t tile = counter_.take();
    if (tile >= count_) return std::nullopt;
    return static_cast<int>(tile);
  }
  void complete(int) {}
  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }

 private:
  SharedCounter& counter_;
  const int count_;
  std::atomic<bool> cancelled_{false};
};

}  // namespace rtcli::distributed

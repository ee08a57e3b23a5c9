// SharedBands: the bands (or tiles) of one frame shared by every rank: a worker's next band is
// the shared counter's next number, so the ranks split the frame dynamically, and a faster
// rank simply takes more.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>

#include "distributed/shared_counter.h"
#include "pipeline/band_handout.h"

namespace rtcli::distributed {

class SharedBands : public BandHandout {
 public:
  SharedBands(SharedCounter& counter, int count) : counter_(counter), count_(count) {}

  std::optional<int> next() override {
    const std::int64_t band = counter_.take();
    if (band >= count_) return std::nullopt;
    taken_.fetch_add(1, std::memory_order_relaxed);
    return static_cast<int>(band);
  }

  // Bands this rank took.
  std::uint64_t taken() const { return taken_.load(); }

 private:
  SharedCounter& counter_;
  const int count_;
  std::atomic<std::uint64_t> taken_{0};
};

}  // namespace rtcli::distributed

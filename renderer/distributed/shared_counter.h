// Work hand-out across ranks: a counter held by rank 0 that every thread of every rank takes
// the next number from, so a faster rank simply takes more bands.
//
// MPI one-sided fetch-and-add (MPI_Fetch_and_op on a window held by rank 0, passive target):
// rank 0 does nothing to serve it. tests/benchmarks/band_handout_benchmark.cpp measured it
// against a request/reply server thread on rank 0 (doc/guide.md, "Running on a cluster").
// Without MPI it is one std::atomic.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

namespace rtcli::distributed {

class CounterWindow;

class SharedCounter {
 public:
  // Collective over the ranks when MPI is active: every rank constructs and destroys it
  // together. Starts at 0.
  SharedCounter();
  // Declared here, defined where CounterWindow is complete.
  ~SharedCounter();
  SharedCounter(const SharedCounter&) = delete;
  SharedCounter& operator=(const SharedCounter&) = delete;

  // The counter's value before adding one; thread-safe.
  std::int64_t take();

  // A second number beside the counter (e.g. bands written), set by rank 0 and read by any
  // rank; starts at 0.
  void publish(std::int64_t value);
  std::int64_t published();

 private:
  std::unique_ptr<CounterWindow> window_;  // null when MPI is not active
  std::atomic<std::int64_t> local_{0};     // the counter when MPI is not active
  std::atomic<std::int64_t> local_published_{0};
};

}  // namespace rtcli::distributed

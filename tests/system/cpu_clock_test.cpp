#include "system/cpu_clock.h"

#include <gtest/gtest.h>

#include <thread>

namespace rtcli::test {
namespace {

// Work on this thread moves both clocks; the process's counts this thread's too.
TEST(CpuClock, ThreadWorkCountsForTheProcess) {
  const double process_start = process_cpu_seconds();
  const double thread_start = thread_cpu_seconds();
  volatile double sink = 0;
  while (thread_cpu_seconds() - thread_start < 0.002) sink = sink + 1;  // until 2 ms of CPU
  const double thread_used = thread_cpu_seconds() - thread_start;
  EXPECT_GE(thread_used, 0.002);
  EXPECT_GE(process_cpu_seconds() - process_start, thread_used);
  const double before_ms = process_cpu_ms();  // the same clock in milliseconds
  EXPECT_LE(before_ms, process_cpu_seconds() * 1e3);
  EXPECT_GE(before_ms, process_start * 1e3 + thread_used * 1e3);
}

// A thread that only waits uses no CPU time of its own while another works.
TEST(CpuClock, AnotherThreadsWorkIsNotThisThreads) {
  const double thread_start = thread_cpu_seconds();
  const double process_start = process_cpu_seconds();
  std::thread worker([] {
    const double start = thread_cpu_seconds();
    volatile double sink = 0;
    while (thread_cpu_seconds() - start < 0.02) sink = sink + 1;
  });
  worker.join();
  EXPECT_GE(process_cpu_seconds() - process_start, 0.02);
  EXPECT_LT(thread_cpu_seconds() - thread_start, 0.02);
}

}  // namespace
}  // namespace rtcli::test

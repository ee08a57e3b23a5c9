#include "bench/cycle_clock.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

namespace rtcli {
namespace {

bool cpuinfo_has(const std::string& flag) {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("flags", 0) != 0) continue;
    std::istringstream words(line);
    std::string w;
    while (words >> w)
      if (w == flag) return true;
    return false;
  }
  return false;
}

TEST(CycleClock, InvariantTscAgreesWithTheKernelsFlags) {
#if defined(__x86_64__)
  // Linux sets nonstop_tsc from the same CPUID bit.
  EXPECT_EQ(has_invariant_tsc(), cpuinfo_has("nonstop_tsc"));
#else
  EXPECT_FALSE(has_invariant_tsc());
#endif
}

// At least the sleep, and at most what steady_clock saw around it (with room for the
// calibration's error): a loaded machine may oversleep by any amount and still pass.
void expect_measures_a_sleep(const CycleClock& clock) {
  const auto outer_start = std::chrono::steady_clock::now();
  const std::uint64_t t0 = clock.read();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const std::uint64_t t1 = clock.read();
  const double outer_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - outer_start)
          .count();
  const double ms = static_cast<double>(t1 - t0) * clock.ns_per_tick / 1e6;
  EXPECT_GE(ms, 19.9);
  EXPECT_LE(ms, outer_ms * 1.05 + 0.1);
}

TEST(CycleClock, TheChosenClockMeasuresASleepInNanoseconds) {
  const CycleClock clock = make_cycle_clock(3, 5.0);
  EXPECT_EQ(clock.source, has_invariant_tsc() ? ClockSource::kTsc : ClockSource::kSteadyClock);
  EXPECT_GT(clock.ns_per_tick, 0.0);
  EXPECT_FALSE(clock.calibration.empty());
  expect_measures_a_sleep(clock);
}

TEST(CycleClock, SteadyClockFallbackNeedsNoCalibration) {
  const CycleClock clock = make_cycle_clock(ClockSource::kSteadyClock);
  EXPECT_EQ(clock.ns_per_tick, 1.0);
  expect_measures_a_sleep(clock);
}

TEST(CycleClock, OverheadIsOrderedAndPositive) {
  const CycleClock clock = make_cycle_clock(3, 5.0);
  const ClockOverhead& o = clock.overhead;
  EXPECT_LE(o.min_ns, o.median_ns);
  EXPECT_LE(o.min_ns, o.mean_ns);
  EXPECT_GT(o.median_ns, 0.0);
  EXPECT_LT(o.median_ns, 10000.0);
  EXPECT_GT(clock.resolution_ns, 0.0);
}

}  // namespace
}  // namespace rtcli

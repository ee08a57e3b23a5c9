// CycleClock: the cheapest trustworthy clock for timing one pixel, its calibration and its cost.
// On x86-64 with an invariant TSC it reads the time-stamp counter; elsewhere steady_clock.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

namespace rtcli {

enum class ClockSource { kTsc, kSteadyClock };

const char* to_string(ClockSource source);  // "tsc" or "steady_clock"

// CPUID 0x80000007, EDX bit 8: the TSC ticks at a constant rate in every power state.
bool has_invariant_tsc();

// A time-stamp counter read after an LFENCE, the same at both ends of an interval: the read
// waits until every earlier instruction has finished, so a start read cannot run ahead of the
// previous pixel's bookkeeping and a stop read cannot run before the pixel's last instruction.
// (This CPU family may lack RDTSCP, so LFENCE is the portable fence.) A second LFENCE after the
// start read would also stop the pixel's first instructions from overlapping the read; measured
// here it cost about 40% more per pixel for a bias no larger than one RDTSC latency, below the
// 10 ns steps this VM's TSC moves in, so it is left out.
inline std::uint64_t read_tsc() {
#if defined(__x86_64__)
  _mm_lfence();
  return __rdtsc();
#else
  return 0;
#endif
}

inline std::uint64_t read_steady_ns() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                        std::chrono::steady_clock::now().time_since_epoch())
                                        .count());
}

struct ClockOverhead {
  double min_ns = 0;
  double median_ns = 0;
  double mean_ns = 0;
};

// What the instrumented pass times with, and how it was made to speak nanoseconds.
struct CycleClock {
  ClockSource source = ClockSource::kSteadyClock;
  double ns_per_tick = 1.0;    // steady_clock ticks are nanoseconds
  std::string calibration;     // how ns_per_tick was found, in a sentence
  double resolution_ns = 1.0;  // smallest step seen between two reads (TSCs may tick in steps)
  ClockOverhead overhead;      // cost of timing an empty interval

  std::uint64_t read() const { return source == ClockSource::kTsc ? read_tsc() : read_steady_ns(); }
};

// Picks the TSC when it is invariant (steady_clock otherwise), calibrates it against
// steady_clock over `intervals` busy-waits of `interval_ms` each, and measures its overhead.
CycleClock make_cycle_clock(int intervals = 5, double interval_ms = 10.0);

// A clock of the given source, calibrated (the TSC must be invariant) with overhead measured.
CycleClock make_cycle_clock(ClockSource source, int intervals = 5, double interval_ms = 10.0);

// Times `samples` empty intervals (a start read, then a stop read) and summarises them in ns.
ClockOverhead measure_overhead(const CycleClock& clock, int samples = 200000);

// The smallest non-zero difference between consecutive reads, in ns.
double measure_resolution(const CycleClock& clock, int reads = 100000);

}  // namespace rtcli

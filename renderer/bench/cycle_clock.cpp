#include "bench/cycle_clock.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

#include "system/plural.h"

#if defined(__x86_64__)
#include <cpuid.h>
#endif

namespace rtcli {

namespace {
// One calibration interval: TSC ticks against steady_clock nanoseconds, each end of the
// interval bracketed by two steady_clock reads so the TSC read sits between them.
double ticks_per_ns_over(double interval_ms) {
  const std::uint64_t steady0 = read_steady_ns();
  const std::uint64_t tsc0 = read_tsc();
  const std::uint64_t steady0b = read_steady_ns();
  const auto target = static_cast<std::uint64_t>(interval_ms * 1e6);
  while (read_steady_ns() - steady0 < target) {
  }
  const std::uint64_t steady1 = read_steady_ns();
  const std::uint64_t tsc1 = read_tsc();
  const std::uint64_t steady1b = read_steady_ns();
  const double ns = 0.5 * static_cast<double>((steady1 + steady1b) - (steady0 + steady0b));
  return static_cast<double>(tsc1 - tsc0) / ns;
}

double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}
}  // namespace

const char* to_string(ClockSource source) {
  return source == ClockSource::kTsc ? "tsc" : "steady_clock";
}

bool has_invariant_tsc() {
#if defined(__x86_64__)
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (!__get_cpuid(0x80000007u, &eax, &ebx, &ecx, &edx)) return false;
  return (edx >> 8) & 1u;
#else
  return false;
#endif
}

CycleClock make_cycle_clock(int intervals, double interval_ms) {
  return make_cycle_clock(has_invariant_tsc() ? ClockSource::kTsc : ClockSource::kSteadyClock,
                          intervals, interval_ms);
}

CycleClock make_cycle_clock(ClockSource source, int intervals, double interval_ms) {
  CycleClock clock;
  clock.source = source;
  if (source == ClockSource::kSteadyClock) {
    clock.ns_per_tick = 1.0;
    clock.calibration =
        has_invariant_tsc()
            ? "none needed: std::chrono::steady_clock counts nanoseconds"
            : "none needed: std::chrono::steady_clock counts nanoseconds (no invariant TSC: "
              "CPUID 0x80000007 EDX bit 8 is clear or absent)";
  } else {
    std::vector<double> rates;
    for (int i = 0; i < intervals; ++i) rates.push_back(ticks_per_ns_over(interval_ms));
    const double rate = median_of(rates);
    const auto [lo, hi] = std::minmax_element(rates.begin(), rates.end());
    clock.ns_per_tick = 1.0 / rate;
    char text[256];
    std::snprintf(text, sizeof text,
                  "invariant TSC (CPUID 0x80000007 EDX bit 8); median of %s "
                  "of %.0f ms against std::chrono::steady_clock: %.6f GHz (spread %.4f%%)",
                  count_of(intervals, "busy-wait interval").c_str(), interval_ms, rate,
                  (*hi - *lo) / rate * 100.0);
    clock.calibration = text;
  }
  clock.overhead = measure_overhead(clock);
  clock.resolution_ns = measure_resolution(clock);
  return clock;
}

double measure_resolution(const CycleClock& clock, int reads) {
  std::uint64_t smallest = 0;
  std::uint64_t previous = clock.read();
  for (int i = 0; i < reads; ++i) {
    const std::uint64_t now = clock.read();
    if (now != previous && (smallest == 0 || now - previous < smallest)) smallest = now - previous;
    previous = now;
  }
  return static_cast<double>(smallest) * clock.ns_per_tick;
}

ClockOverhead measure_overhead(const CycleClock& clock, int samples) {
  std::vector<double> ns(static_cast<std::size_t>(samples));
  for (double& v : ns) {
    const std::uint64_t t0 = clock.read();
    const std::uint64_t t1 = clock.read();
    v = static_cast<double>(t1 - t0) * clock.ns_per_tick;
  }
  ClockOverhead o;
  o.mean_ns = std::accumulate(ns.begin(), ns.end(), 0.0) / static_cast<double>(ns.size());
  o.min_ns = *std::min_element(ns.begin(), ns.end());
  o.median_ns = median_of(std::move(ns));
  return o;
}

}  // namespace rtcli

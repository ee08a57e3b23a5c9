#include "bench/bench_results.h"

#include <algorithm>
#include <cstdio>

#include "system/plural.h"

namespace rtcli {

namespace {
std::string format(const char* pattern, auto... values) {
  char text[512];
  std::snprintf(text, sizeof text, pattern, values...);
  return text;
}

ThroughputSummary summarise_run(ThroughputRun run, double pixels) {
  ThroughputSummary s;
  s.wall = summarise(run.wall_ms);
  s.cpu = summarise(run.cpu_ms);
  s.mpix_per_s = s.wall.median > 0 ? pixels / (s.wall.median * 1e3) : 0.0;
  s.outliers = mad_outliers(run.wall_ms);
  s.first_run_slow = first_run_slow(run.wall_ms);
  s.run = std::move(run);
  return s;
}

void add_run_warnings(const ThroughputSummary& s, std::vector<std::string>& warnings) {
  if (!s.outliers.empty()) {
    std::string list;
    for (const std::size_t i : s.outliers) list += (list.empty() ? "" : ", ") + std::to_string(i);
    warnings.push_back(
        format("%s: %s %s beyond 3 median absolute deviations of the median (%.3f ms): a "
               "noisy machine?",
               count_of(s.run.threads, "thread").c_str(),
               s.outliers.size() == 1 ? "repetition" : "repetitions", list.c_str(), s.wall.median));
  }
  if (s.first_run_slow)
    warnings.push_back(
        format("%s: the first repetition (%.3f ms) is over 1.25x the median of the rest: "
               "warm-up was not enough",
               count_of(s.run.threads, "thread").c_str(), s.run.wall_ms.front()));
}
}  // namespace

std::optional<double> instrumented_ratio(const LatencyPass& latency,
                                         std::optional<double> uninstrumented_ms) {
  if (!uninstrumented_ms || *uninstrumented_ms <= 0 || latency.wall_ms <= 0) return std::nullopt;
  return latency.wall_ms / *uninstrumented_ms;
}

std::optional<double> instrumented_cpu_ratio(const LatencyPass& latency) {
  if (latency.plain_cpu_ms.empty() || latency.instrumented_cpu_ms.empty()) return std::nullopt;
  const double plain = median(latency.plain_cpu_ms);
  if (plain <= 0) return std::nullopt;
  return median(latency.instrumented_cpu_ms) / plain;
}

BenchResults make_bench_results(BenchContext context, BenchSettings settings,
                                std::vector<ThroughputRun> runs, LatencyPass latency) {
  BenchResults r;
  r.context = std::move(context);
  settings.threads = resolve_thread_list(settings);
  r.settings = std::move(settings);
  const double pixels = static_cast<double>(r.settings.frame.width) * r.settings.frame.height;

  const auto one_thread = std::find_if(runs.begin(), runs.end(),
                                       [](const ThroughputRun& run) { return run.threads == 1; });
  const std::optional<std::vector<double>> baseline =
      one_thread == runs.end() ? std::nullopt : std::optional(one_thread->wall_ms);
  for (ThroughputRun& run : runs) {
    ThroughputSummary s = summarise_run(std::move(run), pixels);
    if (baseline) {
      // The baseline against itself is 1 by definition, not a resampled estimate.
      s.speedup = s.run.threads == 1 ? RatioEstimate{1.0, 1.0, 1.0}
                                     : bootstrap_ratio_of_medians(*baseline, s.run.wall_ms);
      const double n = s.run.threads;
      s.efficiency =
          RatioEstimate{s.speedup->value / n, s.speedup->ci95_low / n, s.speedup->ci95_high / n};
    }
    add_run_warnings(s, r.warnings);
    if (s.run.threads == latency.threads) r.render_tile_median_ms = s.wall.median;
    r.throughput.push_back(std::move(s));
  }

  // A pixel close to the clock's own cost is mostly clock: say so instead of hiding it.
  const double overhead = latency.clock.overhead.median_ns;
  for (const auto& [name, histogram] :
       {std::pair{"all", &latency.all}, std::pair{"hit", &latency.hit},
        std::pair{"background", &latency.background}}) {
    if (histogram->count() == 0) continue;
    const double p50 = histogram->percentile_ns(50);
    if (overhead >= 0.25 * p50)
      r.warnings.push_back(format(
          "%s pixels: the clock's own cost (%.1f ns median for an empty interval) is %.0f%% of "
          "the raw median latency (%.1f ns); read the corrected figures with that in mind",
          name, overhead, 100.0 * overhead / p50, p50));
  }
  r.latency = std::move(latency);
  return r;
}

}  // namespace rtcli

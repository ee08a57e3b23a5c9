#include "bench/bench_table.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

#include "bench/bench_ranks.h"
#include "system/plural.h"

namespace rtcli {

namespace {
void append(std::string& out, const char* pattern, auto... values) {
  char text[512];
  std::snprintf(text, sizeof text, pattern, values...);
  out += text;
}

void append_latency_row(std::string& out, const char* name, const LatencyHistogram& h,
                        double overhead) {
  if (h.count() == 0) {
    append(out, "  %-10s %9d\n", name, 0);
    return;
  }
  const auto down = [&](double ns) { return ns > overhead ? ns - overhead : 0.0; };
  append(out, "  %-10s %9llu %9.1f %8.1f %8.1f %8.1f %9.1f   | %8.1f %8.1f %8.1f\n", name,
         static_cast<unsigned long long>(h.count()), h.mean_ns(), h.stddev_ns(),
         h.percentile_ns(50), h.percentile_ns(99), h.max_ns(), down(h.mean_ns()),
         down(h.percentile_ns(50)), down(h.percentile_ns(99)));
}
// "setup 0.1, render 30.2, ... ms": each phase's median over the runs.
std::string format_phases(const EndToEndRuns& e) {
  std::string out;
  for (const auto& [name, field] : kRunPhaseParts)
    append(out, "%s%s %.1f", out.empty() ? "" : ", ", name, median(e.phase_ms(field)));
  return out + " ms";
}
}  // namespace

std::string format_bench_summary(const BenchResults& r) {
  const BenchSettings& s = r.settings;
  const LatencyPass& l = r.latency;
  std::string out;
  append(out, "rtcli bench: %dx%d, tiles %dx%d, scene %s, %s after %s", s.frame.width,
         s.frame.height, s.frame.tile_width, s.frame.tile_height, s.scene_name.c_str(),
         count_of(s.repetitions, "repetition").c_str(), count_of(s.warmup, "warm-up").c_str());
  if (s.ranks > 1)
    append(out, ", %s sharing each frame (threads are per rank)",
           count_of(s.ranks, "MPI rank").c_str());
  append(out, "\n");
  append(out, "  %7s %10s %10s %10s %9s %9s  %-24s %s\n", "threads", "median ms", "min ms",
         "mean ms", "stddev", "Mpix/s", "speedup [95% CI]", "efficiency");
  for (const ThroughputSummary& t : r.throughput) {
    append(out, "  %7d %10.3f %10.3f %10.3f %9.3f %9.2f  ", t.run.threads, t.wall.median,
           t.wall.min, t.wall.mean, t.wall.stddev, t.mpix_per_s);
    if (t.speedup)
      append(out, "%5.2fx [%5.2f, %5.2f]      %5.1f%%\n", t.speedup->value, t.speedup->ci95_low,
             t.speedup->ci95_high, t.efficiency->value * 100);
    else
      append(out, "%-24s %s\n", "-", "-");
    if (t.run.ranks.size() > 1)
      for (const RankShare& rank : t.run.ranks)
        append(out, "  %7s rank %d: %.2f Mpix/s over its busy time, %.1f%% of the pixels\n", "",
               rank.rank, rank_mpix_per_s(rank),
               100.0 *
                   static_cast<double>(
                       std::accumulate(rank.pixels.begin(), rank.pixels.end(), std::size_t{0})) /
                   (static_cast<double>(s.frame.width) * s.frame.height * rank.pixels.size()));
  }

  const double overhead = l.clock.overhead.median_ns;
  append(out,
         "per-pixel latency (instrumented pass, %s, clock %s at %.4f ns/tick, steps of "
         "%.1f ns; timing an empty interval costs %.1f ns median, %.1f ns min):\n",
         count_of(l.threads, "thread").c_str(), to_string(l.clock.source), l.clock.ns_per_tick,
         l.clock.resolution_ns, overhead, l.clock.overhead.min_ns);
  append(out, "  %-10s %9s %9s %8s %8s %8s %9s   | %s\n", "class", "count", "mean ns", "stddev",
         "p50", "p99", "max", "minus clock cost: mean, p50, p99");
  append_latency_row(out, "all", l.all, overhead);
  append_latency_row(out, "hit", l.hit, overhead);
  append_latency_row(out, "background", l.background, overhead);

  const auto ratio_render = instrumented_ratio(l, r.render_tile_median_ms);
  const double plain = l.plain_wall_ms.empty() ? 0.0 : median(l.plain_wall_ms);
  const auto ratio_plain = instrumented_ratio(l, plain);
  append(out, "instrumented pass %.3f ms (median of %s)", l.wall_ms,
         count_of(static_cast<long long>(l.instrumented_wall_ms.size()), "pass", "passes").c_str());
  if (ratio_render)
    append(out, " = %.2fx the render_tile pass (%.3f ms median)", *ratio_render,
           *r.render_tile_median_ms);
  if (ratio_plain) append(out, ", %.2fx a plain scalar loop (%.3f ms median)", *ratio_plain, plain);
  if (const auto cpu = instrumented_cpu_ratio(l))
    append(out, "; in CPU time %.2fx the plain scalar loop", *cpu);
  out += "\n";
  if (r.end_to_end) {
    const EndToEndRuns& e = *r.end_to_end;
    append(out,
           "end to end, as rtcli render --checkpoints %s (%s, frame to last file "
           "written): %.1f ms median wall, of which %.1f ms rendering (%s)\n",
           e.checkpoints.c_str(), count_of(e.threads, "thread").c_str(), median(e.wall_ms),
           median(e.render_ms), count_of(static_cast<long long>(e.wall_ms.size()), "run").c_str());
    append(out, "  median phases: %s\n", format_phases(e).c_str());
  }
  for (const EndToEndRuns& e : r.size_sweep) {
    const double pixels = static_cast<double>(e.width) * e.height;
    append(out,
           "size sweep %dx%d end to end (%s, --checkpoints %s): %.2f ns/pixel wall, "
           "%.2f ns/pixel CPU, %.1f ms median wall (%s)\n",
           e.width, e.height, count_of(e.threads, "thread").c_str(), e.checkpoints.c_str(),
           median(e.wall_ms) * 1e6 / pixels, median(e.cpu_ms) * 1e6 / pixels, median(e.wall_ms),
           count_of(static_cast<long long>(e.wall_ms.size()), "run").c_str());
  }
  if (r.latency_map)
    append(out, "latency map %s: %s\n", r.latency_map->file.c_str(),
           r.latency_map->scale.description().c_str());
  for (const std::string& w : r.warnings) out += "warning: " + w + "\n";
  return out;
}

std::string format_scene_comparison(const std::vector<BenchResults>& scenes) {
  std::string out;
  const auto largest = [](const BenchResults& r) -> const ThroughputSummary& {
    return *std::max_element(
        r.throughput.begin(), r.throughput.end(),
        [](const auto& a, const auto& b) { return a.run.threads < b.run.threads; });
  };
  append(out, "scenes compared (render median at the largest thread count):\n");
  append(out, "  %-36s %-26s %7s %10s %9s %9s %8s\n", "scene", "render path", "threads",
         "median ms", "ns/pixel", "Mpix/s", "x first");
  const double first = largest(scenes.front()).wall.median;
  for (const BenchResults& r : scenes) {
    const ThroughputSummary& t = largest(r);
    const double pixels = static_cast<double>(r.settings.frame.width) * r.settings.frame.height;
    append(out, "  %-36s %-26s %7d %10.3f %9.2f %9.2f %8.2f\n", r.settings.scene_name.c_str(),
           r.context.render_path.c_str(), t.run.threads, t.wall.median,
           t.wall.median * 1e6 / pixels, t.mpix_per_s, first > 0 ? t.wall.median / first : 0.0);
  }
  return out;
}

}  // namespace rtcli

#include "bench/bench_report.h"

#include <algorithm>

#include "bench/bench_ranks.h"

namespace rtcli {

namespace {
using json = nlohmann::ordered_json;

json optional_number(std::optional<double> value) {
  return value ? json(*value) : json(nullptr);
}

// Count, mean and spread, and the order statistics, shifted down by `shift_ns` (floored at 0).
json latency_statistics(const LatencyHistogram& h, double shift_ns) {
  const auto down = [&](double ns) { return std::max(0.0, ns - shift_ns); };
  return {{"count", h.count()},
          {"mean_ns", down(h.mean_ns())},
          {"stddev_ns", h.stddev_ns()},
          {"min_ns", down(h.min_ns())},
          {"max_ns", down(h.max_ns())},
          {"p50_ns", down(h.percentile_ns(50))},
          {"p90_ns", down(h.percentile_ns(90))},
          {"p99_ns", down(h.percentile_ns(99))},
          {"p999_ns", down(h.percentile_ns(99.9))},
          {"p9999_ns", down(h.percentile_ns(99.99))}};
}

std::string render_benchmark_name(const BenchSettings& s, int threads) {
  return "render/" + std::to_string(s.frame.width) + "x" + std::to_string(s.frame.height) +
         "/threads:" + std::to_string(threads);
}
}  // namespace

json to_json(const MachineState& m) {
  json busiest = json::array();
  for (const BusyProcess& p : m.busiest)
    busiest.push_back({{"pid", p.pid}, {"name", p.name}, {"cpu_percent", p.cpu_percent}});
  const auto optional = [](const auto& v) { return v ? json(*v) : json(nullptr); };
  return {{"load_average_start", m.load_average_start},
          {"load_average_end", m.load_average_end},
          {"others_cpu_percent", m.others_cpu_percent},
          {"busiest_processes", std::move(busiest)},
          {"steal_percent", optional(m.steal_percent)},
          {"governor", optional(m.governor)},
          {"boost", optional(m.boost)},
          {"aslr", optional(m.aslr)},
          {"build_type", m.build_type},
          {"debugger_attached", m.debugger_attached},
          {"sanitizer", m.sanitizer.empty() ? json(nullptr) : json(m.sanitizer)},
          {"warnings", m.warnings}};
}

json to_json(const BenchContext& c) {
  json ranks = json::array();
  for (const RankHost& h : c.ranks)
    ranks.push_back({{"rank", h.rank}, {"host", h.host}, {"logical_cores", h.logical_cores}});
  json out = {{"date", c.date},
              {"host", c.host},
              {"cpu_model", c.cpu_model},
              {"logical_cores", c.logical_cores},
              {"compiler", c.compiler},
              {"compiler_flags", c.compiler_flags},
              {"build_type", c.build_type},
              {"tbb_version", c.tbb_version},
              {"git_revision", c.git_revision ? json(*c.git_revision) : json(nullptr)},
              {"version", c.version},
              {"simd_target", c.simd_target},
              {"render_path", c.render_path}};
  if (!c.ranks.empty()) out["ranks"] = std::move(ranks);
  if (c.machine) out["machine"] = to_json(*c.machine);
  return out;
}

json to_json(const RatioEstimate& r) {
  return {{"value", r.value}, {"ci95_low", r.ci95_low}, {"ci95_high", r.ci95_high}};
}

json to_json(const RankShare& r) {
  return {{"rank", r.rank},
          {"mpix_per_s", rank_mpix_per_s(r)},
          {"busy_ms", r.busy_ms},
          {"pixels", r.pixels},
          {"cpu_ms", r.cpu_ms}};
}

json to_json(const ThroughputSummary& s) {
  json ranks = json::array();
  if (s.run.ranks.size() > 1)
    for (const RankShare& r : s.run.ranks) ranks.push_back(to_json(r));
  json out = {{"threads", s.run.threads},
              {"wall_ms", s.run.wall_ms},
              {"cpu_ms", s.run.cpu_ms},
              {"min_ms", s.wall.min},
              {"median_ms", s.wall.median},
              {"mean_ms", s.wall.mean},
              {"stddev_ms", s.wall.stddev},
              {"mpix_per_s", s.mpix_per_s},
              {"outliers", s.outliers},
              {"first_run_slow", s.first_run_slow},
              {"speedup", s.speedup ? to_json(*s.speedup) : json(nullptr)},
              {"efficiency", s.efficiency ? json(s.efficiency->value) : json(nullptr)},
              {"efficiency_ci95",
               s.efficiency ? json::array({s.efficiency->ci95_low, s.efficiency->ci95_high})
                            : json(nullptr)}};
  if (!ranks.empty()) out["ranks"] = std::move(ranks);
  return out;
}

json to_json(const CycleClock& c) {
  return {{"source", to_string(c.source)},
          {"ns_per_tick", c.ns_per_tick},
          {"calibration", c.calibration},
          {"resolution_ns", c.resolution_ns},
          {"overhead_ns",
           {{"min", c.overhead.min_ns},
            {"median", c.overhead.median_ns},
            {"mean", c.overhead.mean_ns}}}};
}

json to_json(const LatencyHistogram& h, double overhead_ns) {
  json out = latency_statistics(h, 0.0);
  out["corrected"] = latency_statistics(h, overhead_ns);
  json buckets = json::array();
  const auto& counts = h.bucket_counts();
  for (int b = 0; b < kBucketCount; ++b) {
    const std::uint64_t n = counts[static_cast<std::size_t>(b)];
    if (n == 0) continue;
    const BucketRange r = bucket_range(b);
    // The overflow bucket has no upper bound; its largest sample stands in for one.
    buckets.push_back({r.lower_ns, b == kBucketCount - 1 ? h.max_ns() : r.upper_ns, n});
  }
  out["buckets"] = std::move(buckets);
  return out;
}

json to_json(const TileRecord& t) {
  return {{"index", t.index},
          {"x", t.bounds.x0},
          {"y", t.bounds.y0},
          {"width", t.bounds.width()},
          {"height", t.bounds.height()},
          {"pixels", t.bounds.pixels()},
          {"thread", t.thread},
          {"rank", t.rank},
          {"start_us", t.start_us},
          {"duration_us", t.duration_us}};
}

namespace {
// Each phase's ms over the runs, one array per phase, as wall_ms holds the runs.
json phases_json(const EndToEndRuns& e) {
  json phases = json::object();
  for (const auto& [name, field] : kRunPhaseParts) phases[name] = e.phase_ms(field);
  return phases;
}
}  // namespace

json to_json(const EndToEndRuns& e) {
  return {{"checkpoints", e.checkpoints},
          {"threads", e.threads},
          {"width", e.width},
          {"height", e.height},
          {"wall_ms", e.wall_ms},
          {"median_wall_ms", median(e.wall_ms)},
          {"render_ms", e.render_ms},
          {"median_render_ms", median(e.render_ms)},
          {"cpu_ms", e.cpu_ms},
          {"median_cpu_ms", median(e.cpu_ms)},
          {"phases_ms", phases_json(e)}};
}

json to_json(const ThreadLoad& l) {
  return {{"rank", l.rank},
          {"thread", l.thread},
          {"tiles", l.tiles},
          {"pixels", l.pixels},
          {"busy_ms", l.busy_ms}};
}

json google_benchmark_entries(const BenchResults& r) {
  json entries = json::array();
  int family = 0;
  for (const ThroughputSummary& s : r.throughput) {
    const std::string name = render_benchmark_name(r.settings, s.run.threads);
    const int repetitions = static_cast<int>(s.run.wall_ms.size());
    // In ns: compare.py prints whole units and skips a row whose unit differs between the two
    // files, so one unit fine enough for any frame (a 0.4 ms frame in ms would print 0).
    const auto entry = [&](const std::string& entry_name, double real_ms, double cpu_ms) {
      return json{
          {"name", entry_name}, {"family_index", family},     {"per_family_instance_index", 0},
          {"run_name", name},   {"repetitions", repetitions}, {"threads", s.run.threads},
          {"iterations", 1},    {"real_time", real_ms * 1e6}, {"cpu_time", cpu_ms * 1e6},
          {"time_unit", "ns"}};
    };
    for (int i = 0; i < repetitions; ++i) {
      json e = entry(name, s.run.wall_ms[static_cast<std::size_t>(i)],
                     s.run.cpu_ms[static_cast<std::size_t>(i)]);
      e["run_type"] = "iteration";
      e["repetition_index"] = i;
      entries.push_back(std::move(e));
    }
    for (const auto& [aggregate, real_ms, cpu_ms] :
         {std::tuple{"mean", s.wall.mean, s.cpu.mean},
          std::tuple{"median", s.wall.median, s.cpu.median},
          std::tuple{"stddev", s.wall.stddev, s.cpu.stddev}}) {
      json e = entry(name + "_" + aggregate, real_ms, cpu_ms);
      e["run_type"] = "aggregate";
      e["aggregate_name"] = aggregate;
      e["aggregate_unit"] = "time";
      entries.push_back(std::move(e));
    }
    ++family;
  }
  for (const auto& [cls, h] : {std::pair{"all", &r.latency.all}, std::pair{"hit", &r.latency.hit},
                               std::pair{"background", &r.latency.background}}) {
    if (h->count() == 0) continue;
    // The median, not the mean: a few descheduled pixels swing the mean by tens of percent.
    const std::string name = std::string("pixel_latency/") + cls;
    entries.push_back({{"name", name},
                       {"family_index", family++},
                       {"per_family_instance_index", 0},
                       {"run_name", name},
                       {"run_type", "iteration"},
                       {"repetitions", 1},
                       {"repetition_index", 0},
                       {"threads", r.latency.threads},
                       {"iterations", h->count()},
                       {"real_time", h->percentile_ns(50)},
                       {"cpu_time", h->percentile_ns(50)},
                       {"time_unit", "ns"}});
  }
  return entries;
}

json to_json(const BenchResults& r) {
  const BenchSettings& s = r.settings;
  const LatencyPass& l = r.latency;
  const double overhead = l.clock.overhead.median_ns;
  const std::optional<double> plain_ms =
      l.plain_wall_ms.empty() ? std::nullopt : std::optional(median(l.plain_wall_ms));

  json tiles = json::array();
  for (const TileRecord& t : l.tiles) tiles.push_back(to_json(t));
  json balance = json::array();
  for (const ThreadLoad& load : thread_loads(l.tiles, l.threads, s.ranks))
    balance.push_back(to_json(load));
  json throughput = json::array();
  for (const ThroughputSummary& t : r.throughput) throughput.push_back(to_json(t));

  json report = {
      {"schema", kBenchSchema},
      {"implementation", "cpp"},
      {"context", to_json(r.context)},
      {"config",
       {{"width", s.frame.width},
        {"height", s.frame.height},
        {"tile_width", s.frame.tile_width},
        {"tile_height", s.frame.tile_height},
        {"threads", s.threads},
        {"ranks", s.ranks},
        {"repetitions", s.repetitions},
        {"warmup", s.warmup},
        {"latency_runs", s.latency_runs},
        {"scene", s.scene_name},
        {"accel", accel_name(s.frame.accel)}}},
      {"throughput", std::move(throughput)},
      {"latency",
       {{"threads", l.threads},
        {"wall_ms", l.wall_ms},
        {"instrumented_runs_wall_ms", l.instrumented_wall_ms},
        {"plain_scalar_runs_wall_ms", l.plain_wall_ms},
        {"instrumented_runs_cpu_ms", l.instrumented_cpu_ms},
        {"plain_scalar_runs_cpu_ms", l.plain_cpu_ms},
        {"instrumented_over_plain_scalar_cpu", optional_number(instrumented_cpu_ratio(l))},
        {"render_tile_wall_ms", optional_number(r.render_tile_median_ms)},
        {"plain_scalar_wall_ms", optional_number(plain_ms)},
        {"instrumented_over_render_tile",
         optional_number(instrumented_ratio(l, r.render_tile_median_ms))},
        {"instrumented_over_plain_scalar", optional_number(instrumented_ratio(l, plain_ms))},
        {"clock", to_json(l.clock)},
        {"classes",
         {{"all", to_json(l.all, overhead)},
          {"hit", to_json(l.hit, overhead)},
          {"background", to_json(l.background, overhead)}}}}},
      {"tiles", std::move(tiles)},
      {"thread_balance", std::move(balance)},
      {"warnings", r.warnings},
      {"benchmarks", google_benchmark_entries(r)}};
  if (r.end_to_end) report["end_to_end"] = to_json(*r.end_to_end);
  if (!r.size_sweep.empty()) {
    json sweep = json::array();
    for (const EndToEndRuns& e : r.size_sweep) {
      json entry = to_json(e);
      const double pixels = static_cast<double>(e.width) * e.height;
      entry["pixels"] = static_cast<std::size_t>(pixels);
      entry["ns_per_pixel"] = median(e.wall_ms) * 1e6 / pixels;
      entry["cpu_ns_per_pixel"] = median(e.cpu_ms) * 1e6 / pixels;
      sweep.push_back(entry);
    }
    report["size_sweep"] = sweep;
  }
  if (r.latency_map)
    report["latency_map"] = {{"file", r.latency_map->file},
                             {"scale", r.latency_map->scale.description()},
                             {"min_ns", r.latency_map->scale.min_ns},
                             {"max_ns", r.latency_map->scale.max_ns}};
  return report;
}

json to_json(const std::vector<BenchResults>& scenes) {
  json report = to_json(scenes.front());
  if (scenes.size() < 2) return report;
  json all = json::array();
  for (const BenchResults& r : scenes) all.push_back(to_json(r));
  report["scenes"] = std::move(all);
  return report;
}

}  // namespace rtcli

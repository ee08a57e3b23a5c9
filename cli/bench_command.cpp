#include "bench_command.h"

#include <cstdio>
#include <set>

#include "bench/bench_report.h"
#include "bench/bench_session.h"
#include "bench/bench_table.h"
#include "bench/chrome_trace.h"
#include "bench/latency_map.h"
#include "distributed/world.h"
#include "flag_binding.h"
#include "flag_values.h"
#include "rank_checks.h"
#include "scene/scene_loader.h"
#include "system/dimensions.h"
#include "system/errors.h"
#include "system/interrupt.h"
#include "system/output_paths.h"
#include "system/output_target.h"

namespace rtcli::cli {

CLI::App* add_bench_command(CLI::App& app, BenchFlags& f) {
  CLI::App* cmd = add_command(app, kBench);
  bind_flag(*cmd, kBench, "--json", f.json);
  bind_flag(*cmd, kBench, "--trace", f.trace);
  bind_flag(*cmd, kBench, "--latency-map", f.latency_map);
  bind_flag(*cmd, kBench, "--size", f.size);
  bind_flag(*cmd, kBench, "--tile", f.tile);
  bind_flag(*cmd, kBench, "--threads", f.threads);
  bind_flag(*cmd, kBench, "--repetitions", f.repetitions);
  bind_flag(*cmd, kBench, "--warmup", f.warmup);
  bind_flag(*cmd, kBench, "--latency-runs", f.latency_runs);
  bind_flag(*cmd, kBench, "--end-to-end-runs", f.end_to_end_runs);
  bind_flag(*cmd, kBench, "--sizes", f.sizes);
  bind_flag(*cmd, kBench, "--scene", f.scenes);
  bind_flag(*cmd, kBench, "--accel", f.accel);
  bind_flag(*cmd, kBench, "--quiet", f.quiet);
  check_all_bound(*cmd, kBench);
  return cmd;
}

namespace {
std::vector<int> parse_thread_list(const std::string& text) {
  std::vector<int> threads;
  std::set<int> seen;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const std::string item = text.substr(start, comma - start);
    const int t = static_cast<int>(parse_count(item, "--threads", 1, 1024));
    if (!seen.insert(t).second)
      throw UsageError("--threads: '" + item + "' appears twice in '" + text + "'");
    threads.push_back(t);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return threads;
}

BenchSettings settings_from(const BenchFlags& f) {
  BenchSettings s;
  apply_frame_flags(f.size, f.tile, s.frame);
  if (!f.threads.empty()) s.threads = parse_thread_list(f.threads);
  s.repetitions = static_cast<int>(parse_count(f.repetitions, "--repetitions", 1, 100000));
  s.warmup = static_cast<int>(parse_count(f.warmup, "--warmup", 0, 1000));
  s.latency_runs = static_cast<int>(parse_count(f.latency_runs, "--latency-runs", 1, 1000));
  s.end_to_end_runs =
      static_cast<int>(parse_count(f.end_to_end_runs, "--end-to-end-runs", 0, 1000));
  s.keep_pixel_latencies = !f.latency_map.empty();
  if (!f.sizes.empty()) {
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = f.sizes.find(',', start);
      const Dimensions size = parse_dimensions(f.sizes.substr(start, comma - start), "--sizes");
      s.sweep_sizes.emplace_back(size.width, size.height);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  s.frame.accel = parse_accel(f.accel);
  return s;
}

// Every output is checked, and checked to be distinct, before any work or file is touched.
void check_outputs(const BenchFlags& f) {
  std::vector<std::pair<const char*, const std::string*>> given;
  for (const auto& [flag, path] : {std::pair{"--json", &f.json}, std::pair{"--trace", &f.trace},
                                   std::pair{"--latency-map", &f.latency_map}}) {
    if (path->empty()) continue;
    check_output_file(*path, flag);
    // Compared as files, so that a link or a second name for one file is caught.
    for (const auto& [other_flag, other] : given)
      if (same_output_file(*path, *other))
        throw UsageError(std::string(flag) + " '" + *path + "' is the same file as " + other_flag +
                         " '" + *other + "'");
    given.emplace_back(flag, path);
  }
  if (!f.latency_map.empty() && std::filesystem::path(f.latency_map).extension() != ".png")
    throw UsageError("--latency-map '" + f.latency_map + "': the map is a PNG, name it *.png");
}

}  // namespace

int run_bench(const BenchFlags& f) {
  BenchSettings settings;
  std::vector<BenchSettings> benches;  // one per scene
  {
    const interrupt::ExitAtOnce nothing_written_yet;  // as in run_render
    settings = settings_from(f);
    settings.ranks = distributed::size();
    validate(settings);
    on_rank_0_for_all([&] { check_outputs(f); });  // only rank 0 writes the outputs
    if (f.scenes.size() > 1 && (!f.trace.empty() || !f.latency_map.empty()))
      throw UsageError(std::string(f.trace.empty() ? "--latency-map" : "--trace") +
                       " shows one scene's pixels: give a single --scene with it");
    // Every scene is read before anything is timed, so that a bad file fails at once.
    for (const std::string& file : f.scenes) {
      benches.push_back(settings);
      benches.back().frame.scene = load_scene_file(file);
      benches.back().scene_name = file;
    }
    if (benches.empty()) benches.push_back(settings);
  }

  BenchSession session = run_bench_session(benches);
  if (distributed::rank() != 0) return 0;  // rank 0 reports for every rank
  std::vector<BenchResults>& results = session.scenes;

  BenchResults& first = results.front();
  if (!f.latency_map.empty()) {
    const LatencyMapScale scale = default_latency_map_scale(first.latency.all);
    write_output_file(f.latency_map, encode_latency_map_png(session.pixel_ns, settings.frame.width,
                                                            settings.frame.height, scale));
    first.latency_map = LatencyMapInfo{f.latency_map, scale};
  }
  if (!f.trace.empty())
    write_output_file(
        f.trace, chrome_trace_json(first.latency.tiles, first.latency.threads, settings.ranks));
  if (!f.json.empty()) write_output_file(f.json, to_json(results).dump(2) + "\n");
  // After every file is written: a failed run's stderr is its one error line.
  if (first.context.machine)
    for (const std::string& w : first.context.machine->warnings)
      std::fprintf(stderr, "rtcli: warning: %s\n", w.c_str());
  if (!f.quiet) {
    for (const BenchResults& r : results) std::fputs(format_bench_summary(r).c_str(), stdout);
    if (results.size() > 1) std::fputs(format_scene_comparison(results).c_str(), stdout);
  }
  return 0;
}

}  // namespace rtcli::cli

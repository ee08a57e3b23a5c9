#include "bench_command.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "distributed/world.h"
#include "files/atomic_file.h"
#include "files/created_folder.h"
#include "files/output_paths.h"
#include "files/output_target.h"
#include "flag_values.h"
#include "parallel/thread_probe.h"
#include "profiling/bench_end_to_end.h"
#include "profiling/bench_ranks.h"
#include "profiling/bench_report.h"
#include "profiling/bench_table.h"
#include "profiling/chrome_trace.h"
#include "profiling/latency_map.h"
#include "profiling/machine_state.h"
#include "rank_checks.h"
#include "scene/scene_loader.h"
#include "shading/tile_renderer.h"
#include "system/dimensions.h"
#include "system/errors.h"
#include "system/interrupt.h"

namespace rtcli::cli {

CLI::App* add_bench_command(CLI::App& app, BenchFlags& f) {
  CLI::App* cmd = app.add_subcommand(
      "bench", "Time renders per thread count and every pixel's latency; write a JSON report");
  cmd->add_option("--json", f.json, "Write the rtcli.bench/1 JSON report to FILE")
      ->check(non_empty());
  cmd->add_option("--trace", f.trace, "Write a Chrome trace (one event per tile) to FILE")
      ->check(non_empty());
  cmd->add_option("--latency-map", f.latency_map, "Write a per-pixel latency heat map PNG")
      ->check(non_empty());
  cmd->add_option("--size", f.size, "Frame size WIDTHxHEIGHT in pixels")
      ->capture_default_str()
      ->check(non_empty());
  cmd->add_option("--tile", f.tile, "Tile size WIDTHxHEIGHT in pixels")
      ->capture_default_str()
      ->check(non_empty());
  cmd->add_option("--threads", f.threads,
                  "Thread counts to time, comma-separated, e.g. 1,2 (default: all logical cores)")
      ->check(non_empty());
  cmd->add_option("--repetitions", f.repetitions, "Timed renders per thread count")
      ->capture_default_str()
      ->check(non_empty());
  cmd->add_option("--warmup", f.warmup, "Untimed renders before them")
      ->capture_default_str()
      ->check(non_empty());
  cmd->add_option("--latency-runs", f.latency_runs,
                  "Instrumented passes, each after a plain one; the report's latencies are the "
                  "last one's")
      ->capture_default_str()
      ->check(non_empty());
  cmd->add_option("--end-to-end-runs", f.end_to_end_runs,
                  "Whole renders as rtcli render --checkpoints 25%,50%,75% does them, PNG files "
                  "and all, into a temporary folder (0: none)")
      ->capture_default_str()
      ->check(non_empty());
  cmd->add_option("--sizes", f.sizes,
                  "End-to-end size sweep: frame sizes WxH, comma-separated; each rendered "
                  "--end-to-end-runs times (at least once), interleaved, for ns per pixel")
      ->check(non_empty());
  cmd->add_option("--scene", f.scenes,
                  "Scene JSON file (default: the seed's one sphere); several, repeated or "
                  "comma-separated, are benched one after the other into one report")
      ->delimiter(',')
      ->check(non_empty());
  cmd->add_option("--accel", f.accel,
                  "Sphere hierarchies: auto (when they pay), bvh (always), none (brute force)")
      ->capture_default_str()
      ->check(non_empty());
  cmd->add_flag("--quiet,-q", f.quiet, "No summary on stdout");
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
  apply_frame_flags(f.size, f.tile, s);
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
  s.accel = parse_accel(f.accel);
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

void write_output(const std::string& path, std::string_view bytes) {
  // Folders made for a file that then cannot be written are removed again.
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  CreatedFolder folder(parent.empty() ? "." : parent);
  write_file_atomically(path, bytes);
  folder.keep();
}

// Every pass for one scene: throughput, latency, end to end. `pixel_ns`: the per-pixel
// latencies, for the heat map. Under MPI every rank renders its share of each frame and rank 0
// gathers the shares; the results are complete on rank 0 only.
BenchResults bench_scene(const BenchSettings& settings, int latency_threads,
                         std::vector<float>& pixel_ns) {
  // Throughput first, untouched by any instrumentation; then the timed-pixel pass on the
  // largest thread count.
  std::vector<ThroughputRun> runs = run_throughput(settings);
  gather_throughput(runs);
  LatencyPass latency = run_latency_pass(settings, latency_threads, make_cycle_clock());
  gather_latency(latency);
  pixel_ns = std::move(latency.pixel_ns);
  BenchContext context = collect_bench_context();
  context.render_path = render_path(prepare_scene(settings.scene, settings.accel));
  if (distributed::active()) context.ranks = gather_rank_hosts(context.host, context.logical_cores);
  BenchResults results = make_bench_results(context, settings, std::move(runs), std::move(latency));
  // Last: what a user of rtcli render waits for, PNG encoding and files included. Under MPI
  // these renders would run on one rank alone: time `mpirun rtcli render` instead.
  if (distributed::active()) {
    if (settings.end_to_end_runs > 0 || !settings.sweep_sizes.empty())
      results.warnings.push_back(
          "end-to-end runs and size sweep skipped under MPI: they would run on one rank "
          "alone; time mpirun rtcli render instead");
    return results;
  }
  if (settings.end_to_end_runs > 0)
    results.end_to_end =
        run_end_to_end(settings, latency_threads, settings.end_to_end_runs, "25%,50%,75%");
  if (!settings.sweep_sizes.empty())
    results.size_sweep = run_size_sweep(settings, latency_threads,
                                        std::max(1, settings.end_to_end_runs), "25%,50%,75%");
  return results;
}
// What the machine did over the run, in every scene's report (its warnings among the others).
void note_machine_state(const MachineSnapshot& start, std::vector<BenchResults>& results) {
  const BenchContext& context = results.front().context;
  const MachineState machine =
      machine_state(start, snapshot_machine(), context.logical_cores, context.build_type);
  for (BenchResults& r : results) {
    r.context.machine = machine;
    r.warnings.insert(r.warnings.end(), machine.warnings.begin(), machine.warnings.end());
  }
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
      benches.back().scene = load_scene_file(file);
      benches.back().scene_name = file;
    }
    if (benches.empty()) benches.push_back(settings);
  }

  const std::vector<int> threads = resolve_thread_list(settings);
  const int latency_threads = *std::max_element(threads.begin(), threads.end());
  // The largest arena's workers but one and the end-to-end runs' writer (as in run_render):
  // oneTBB keeps its workers for the later, smaller or equal, arenas.
  check_threads_can_start(latency_threads);
  std::vector<BenchResults> results;
  std::vector<float> pixel_ns;
  const MachineSnapshot start = snapshot_machine();
  for (const BenchSettings& bench : benches)
    results.push_back(bench_scene(bench, latency_threads, pixel_ns));
  if (distributed::rank() != 0) return 0;  // rank 0 reports for every rank
  note_machine_state(start, results);

  BenchResults& first = results.front();
  if (!f.latency_map.empty()) {
    const LatencyMapScale scale = default_latency_map_scale(first.latency.all);
    write_output(f.latency_map,
                 encode_latency_map_png(pixel_ns, settings.width, settings.height, scale));
    first.latency_map = LatencyMapInfo{f.latency_map, scale};
  }
  if (!f.trace.empty())
    write_output(f.trace,
                 chrome_trace_json(first.latency.tiles, first.latency.threads, settings.ranks));
  if (!f.json.empty()) write_output(f.json, to_json(results).dump(2) + "\n");
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

#include "bench/bench_session.h"

#include <algorithm>

#include "bench/bench_context.h"
#include "bench/bench_end_to_end.h"
#include "bench/bench_ranks.h"
#include "bench/machine_state.h"
#include "distributed/world.h"
#include "pipeline/thread_probe.h"
#include "shading/tile_renderer.h"

namespace rtcli {
namespace {
// Every pass for one scene. `pixel_ns`: the per-pixel latencies, for the heat map.
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
  context.render_path = render_path(prepare_scene(settings.frame.scene, settings.frame.accel));
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
        run_end_to_end(settings, latency_threads, settings.end_to_end_runs, kEndToEndCheckpoints);
  if (!settings.sweep_sizes.empty())
    results.size_sweep = run_size_sweep(
        settings, latency_threads, std::max(1, settings.end_to_end_runs), kEndToEndCheckpoints);
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

BenchSession run_bench_session(const std::vector<BenchSettings>& scenes) {
  BenchSession session;
  if (scenes.empty()) return session;
  const std::vector<int> threads = resolve_thread_list(scenes.front());
  const int latency_threads = *std::max_element(threads.begin(), threads.end());
  // The largest arena's workers but one and the end-to-end runs' writer (as rtcli render
  // checks): oneTBB keeps its workers for the later, smaller or equal, arenas.
  check_threads_can_start(latency_threads);
  const MachineSnapshot start = snapshot_machine();
  for (const BenchSettings& settings : scenes)
    session.scenes.push_back(bench_scene(settings, latency_threads, session.pixel_ns));
  if (distributed::rank() == 0) note_machine_state(start, session.scenes);  // its reports
  return session;
}

}  // namespace rtcli

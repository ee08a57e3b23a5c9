#include "render_command.h"

#include <unistd.h>

#include <cstdio>

#include "distributed/rank_render.h"
#include "distributed/world.h"
#include "flag_values.h"
#include "parallel/thread_probe.h"
#include "pipeline/render_job.h"
#include "progress_bar.h"
#include "rank_checks.h"
#include "scene/scene_loader.h"
#include "system/errors.h"
#include "system/interrupt.h"
#include "system/printable.h"

namespace rtcli::cli {

CLI::App* add_render_command(CLI::App& app, RenderFlags& f) {
  CLI::App* cmd = app.add_subcommand("render", "Render the scene and write PNG frames");
  cmd->add_option("--out", f.out, "Folder for the PNG files (created if missing)")
      ->required()
      ->check(non_empty());
  cmd->add_option("--size", f.size, "Frame size WIDTHxHEIGHT in pixels")
      ->capture_default_str()
      ->check(non_empty());
  cmd->add_option("--tile", f.tile, "Tile size WIDTHxHEIGHT in pixels")
      ->capture_default_str()
      ->check(non_empty());
  cmd->add_option("--threads", f.threads, "Worker threads (default: all logical cores)")
      ->check(non_empty());
  cmd->add_option("--checkpoints", f.checkpoints,
                  "Progress frames: steps (3000), rows (250r) or percentages (25%), "
                  "comma-separated, increasing; empty for none")
      ->capture_default_str();
  cmd->add_option("--step", f.step, "Pixels per step for plain-number checkpoints")
      ->capture_default_str()
      ->check(non_empty());
  cmd->add_option("--scene", f.scene, "Scene JSON file (default: the seed's one sphere)")
      ->check(non_empty());
  cmd->add_option("--accel", f.accel,
                  "Sphere hierarchies: auto (when they pay), bvh (always), none (brute force)")
      ->capture_default_str()
      ->check(non_empty());
  cmd->add_flag("--quiet,-q", f.quiet, "No progress bar and no summary line");
  return cmd;
}

namespace {
FrameSpec spec_from(const RenderFlags& f) {
  FrameSpec s;
  apply_frame_flags(f.size, f.tile, s);
  if (!f.threads.empty())
    s.threads = static_cast<int>(parse_count(f.threads, "--threads", 1, 1024));
  s.step = static_cast<std::size_t>(parse_count(f.step, "--step", 1, 1LL << 40));
  s.checkpoints = parse_checkpoints(f.checkpoints);
  s.accel = parse_accel(f.accel);
  return s;
}
}  // namespace

int run_render(const RenderFlags& f) {
  FrameSpec spec;
  const std::filesystem::path out = f.out;
  {
    // Nothing is written yet, so a signal may end the process where it stands (a FIFO that
    // no one writes, a long scene or checkpoint list).
    const interrupt::ExitAtOnce nothing_written_yet;
    spec = spec_from(f);
    // Every usage error before the scene is read or a file is touched; under MPI rank 0,
    // which writes the files, decides for every rank.
    on_rank_0_for_all([&] { validate_render(spec, out); });
    if (!f.scene.empty()) spec.scene = load_scene_file(f.scene);  // on every rank
  }

  // The workers but one (the caller is one) and the writer, before any of them exists: a
  // refused thread is an error line now, not an abort inside oneTBB later.
  check_threads_can_start(resolve_threads(spec.threads));

  RenderProgress progress;
  RenderSummary summary;
  if (distributed::active()) {
    // No progress bar: a rank sees only its own bands.
    const distributed::RankRenderSummary ranks = distributed::render_across_ranks(spec, out);
    summary = ranks.render;
    if (f.quiet || distributed::rank() != 0) return 0;
    for (int r = 0; r < distributed::size(); ++r)
      std::printf("rank %d: %llu bands, sent %llu bytes to rank 0\n", r,
                  static_cast<unsigned long long>(ranks.bands_done[static_cast<std::size_t>(r)]),
                  static_cast<unsigned long long>(ranks.bytes_sent[static_cast<std::size_t>(r)]));
  } else {
    const ProgressBar bar(progress, !f.quiet && isatty(STDERR_FILENO));
    summary = render_to_directory(spec, out, &progress);
  }
  if (f.quiet) return 0;
  const double pixels = static_cast<double>(spec.width) * spec.height;
  std::printf("rendered %dx%d in %d bands of %d rows on %d threads: %.1f ms, %.1f Mpix/s; wrote",
              spec.width, spec.height, summary.bands, summary.band_rows, summary.threads,
              summary.render_seconds * 1e3, pixels / summary.render_seconds / 1e6);
  for (const auto& file : summary.files) std::printf(" %s", printable(file.string()).c_str());
  std::printf("\n");
  return 0;
}

}  // namespace rtcli::cli

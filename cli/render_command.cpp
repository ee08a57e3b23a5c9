#include "render_command.h"

#include <unistd.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include "distributed/rank_render.h"
#include "distributed/world.h"
#include "flag_binding.h"
#include "flag_values.h"
#include "pipeline/render_trace.h"
#include "pipeline/thread_probe.h"
#include "png/render_job.h"
#include "progress_bar.h"
#include "rank_checks.h"
#include "scene/scene_loader.h"
#include "system/errors.h"
#include "system/interrupt.h"
#include "system/output_paths.h"
#include "system/output_target.h"
#include "system/plural.h"
#include "system/printable.h"
#include "view/live_view.h"
#include "view/live_view_sink.h"
#include "view/sdl_display.h"
#include "view/terminal_display.h"

namespace rtcli::cli {

CLI::App* add_render_command(CLI::App& app, RenderFlags& f) {
  CLI::App* cmd = add_command(app, kRender);
  bind_flag(*cmd, kRender, "--out", f.out);
  bind_flag(*cmd, kRender, "--trace", f.trace);
  bind_flag(*cmd, kRender, "--size", f.size);
  bind_flag(*cmd, kRender, "--tile", f.tile);
  bind_flag(*cmd, kRender, "--threads", f.threads);
  bind_flag(*cmd, kRender, "--checkpoints", f.checkpoints);
  bind_flag(*cmd, kRender, "--step", f.step);
  bind_flag(*cmd, kRender, "--scene", f.scene);
  bind_flag(*cmd, kRender, "--accel", f.accel);
  bind_flag(*cmd, kRender, "--quiet", f.quiet);
  // `--view` alone means a window: CLI11 then stores "" (no default may stand in for it).
  bind_flag(*cmd, kRender, "--view", f.view)->expected(0, 1);
  f.view = "off";
  bind_flag(*cmd, kRender, "--view-tint", f.view_tint);
  bind_flag(*cmd, kRender, "--view-close", f.view_close);
  check_all_bound(*cmd, kRender);
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

enum class ViewMode { kOff, kWindow, kTerminal };

ViewMode view_mode(const RenderFlags& f) {
  ViewMode mode = ViewMode::kOff;
  if (f.view.empty() || f.view == "window")
    mode = ViewMode::kWindow;
  else if (f.view == "terminal")
    mode = ViewMode::kTerminal;
  else if (f.view != "off")
    throw UsageError("invalid --view '" + f.view + "': expected window, terminal or off");
  if (mode == ViewMode::kOff && (f.view_tint || f.view_close))
    throw UsageError(std::string(f.view_tint ? "--view-tint" : "--view-close") + " needs --view");
  // A rank sees only its own bands, and rank 0 has no display of the others'.
  if (mode != ViewMode::kOff && distributed::active())
    throw UsageError("--view is not available under MPI: watch a render on one machine");
  return mode;
}

// The live view, opened before anything is written: no display is a usage error with no files.
std::unique_ptr<view::LiveView> open_view(ViewMode mode, const RenderFlags& f,
                                          const FrameSpec& spec, const view::ViewStatus& status) {
  if (mode == ViewMode::kOff) return nullptr;
  std::unique_ptr<view::Display> display;
  if (mode == ViewMode::kWindow)
    display = std::make_unique<view::SdlDisplay>();
  else
    display = std::make_unique<view::TerminalDisplay>(stdout);
  return std::make_unique<view::LiveView>(std::move(display), spec.width, spec.height, status,
                                          view::ViewOptions{f.view_tint, f.view_close});
}

// --trace names a file that may be written and is none of the render's own.
void check_trace(const std::string& trace, const FrameSpec& spec,
                 const std::filesystem::path& out) {
  if (trace.empty()) return;
  // A rank records only its own threads.
  if (distributed::active())
    throw UsageError("--trace is not available under MPI: trace a render on one machine");
  check_output_file(trace, "--trace");
  for (const std::string& name : output_file_names(resolve_checkpoints(spec)))
    if (same_output_file(trace, out / name))
      throw UsageError("--trace '" + trace + "' is the render's own " + name);
}
}  // namespace

int run_render(const RenderFlags& f) {
  FrameSpec spec;
  const std::filesystem::path out = f.out;
  const ViewMode mode = view_mode(f);
  {
    // Nothing is written yet, so a signal may end the process where it stands (a FIFO that
    // no one writes, a long scene or checkpoint list).
    const interrupt::ExitAtOnce nothing_written_yet;
    spec = spec_from(f);
    // Every usage error before the scene is read or a file is touched; under MPI rank 0,
    // which writes the files, decides for every rank.
    on_rank_0_for_all([&] {
      validate_render(spec, out);
      check_trace(f.trace, spec, out);
    });
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
      std::printf(
          "rank %d: %s, sent %s to rank 0\n", r,
          count_of(static_cast<long long>(ranks.bands_done[static_cast<std::size_t>(r)]), "band")
              .c_str(),
          count_of(static_cast<long long>(ranks.bytes_sent[static_cast<std::size_t>(r)]), "byte")
              .c_str());
  } else {
    view::ViewStatus status(progress);
    const std::unique_ptr<view::LiveView> live = open_view(mode, f, spec, status);
    std::optional<view::LiveViewSink> view_sink;
    std::vector<FrameSink*> watchers;
    std::optional<RunTimeline> timeline;  // with --trace alone: no recording otherwise
    if (!f.trace.empty()) timeline.emplace(true);
    if (live) watchers.push_back(&view_sink.emplace(live->preview()));
    {
      // The terminal view has its own status line where the progress bar would go.
      const ProgressBar bar(progress,
                            !f.quiet && mode != ViewMode::kTerminal && isatty(STDERR_FILENO));
      summary =
          render_to_directory(spec, out, &progress, watchers, timeline ? &*timeline : nullptr);
    }
    if (timeline) write_output_file(f.trace, render_trace_json(*timeline));
    if (live) {
      status.render_seconds.store(summary.render_seconds);
      status.finished.store(true);
      live->wait_until_closed();  // the final frame drawn; a window until the user closes it
    }
  }
  if (f.quiet) return 0;
  const double pixels = static_cast<double>(spec.width) * spec.height;
  std::printf("rendered %dx%d in %s of %s on %s: %.1f ms, %.1f Mpix/s; wrote", spec.width,
              spec.height, count_of(summary.bands, "band").c_str(),
              count_of(summary.band_rows, "row").c_str(),
              count_of(summary.threads, "thread").c_str(), summary.render_seconds * 1e3,
              pixels / summary.render_seconds / 1e6);
  for (const auto& file : summary.files) std::printf(" %s", printable(file.string()).c_str());
  std::printf("\n");
  return 0;
}

}  // namespace rtcli::cli

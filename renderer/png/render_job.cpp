#include "png/render_job.h"

#include <chrono>

#include "pipeline/band_renderer.h"
#include "pipeline/frame_loop.h"
#include "png/checkpoint_writer.h"
#include "png/png_sink.h"
#include "png/render_memory.h"
#include "shading/bvh.h"
#include "system/created_folder.h"
#include "system/errors.h"
#include "system/interrupt.h"
#include "system/output_paths.h"

namespace rtcli {

namespace {
double seconds_between(SteadyClock::time_point from, SteadyClock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}
}  // namespace

void validate_render(const FrameSpec& spec, const std::filesystem::path& out) {
  validate(spec);
  if (out.empty()) throw UsageError("no output folder: give --out DIR");
  std::error_code error;
  if (std::filesystem::exists(out, error) && !std::filesystem::is_directory(out, error))
    throw UsageError("--out '" + out.string() + "' is an existing file, not a folder");
  check_folder_outputs(out, output_file_names(resolve_checkpoints(spec)));
  check_render_fits(spec, out);
}

StreamedFrame::StreamedFrame(const FrameSpec& spec)
    : start_(SteadyClock::now()),
      spec_(spec),
      layout_(spec.width, spec.height, spec.tile_height),
      arena_(resolve_threads(spec.threads)),
      scene_([&] {
        const interrupt::ExitAtOnce nothing_written_yet;
        interrupt::throw_if_requested();  // a signal just before: ExitAtOnce did not see it
        return arena_.execute([&] { return prepare_scene(spec.scene, spec.accel); });
      }()) {}

void StreamedFrame::render(const std::vector<FrameSink*>& sinks, BandHandout* handout,
                           RenderSummary& summary) {
  summary.bands = layout_.count();
  summary.band_rows = layout_.max_rows();
  summary.threads = arena_.threads();
  KernelRenderer kernels(scene_, spec_.tile_width, arena_.threads());
  const FrameTimes times =
      FrameLoop(arena_, layout_.grid(), sinks, handout, timeline_).run(kernels);
  const SteadyClock::time_point end = SteadyClock::now();
  summary.render_seconds = seconds_between(start_, times.rendered);
  summary.total_seconds = seconds_between(start_, end);
  if (timeline_) timeline_->finish(start_, times.start, times.rendered, end);
}

RenderSummary write_png_folder(StreamedFrame& frame, const std::filesystem::path& out, int window,
                               RenderProgress* progress, RemoteBands* remote, BandHandout* handout,
                               const std::vector<FrameSink*>& watchers) {
  RenderSummary summary;
  CreatedFolder folder(out);  // removed again if the run ends before its first file
  const std::vector<Checkpoint> checkpoints = resolve_checkpoints(frame.spec());
  if (progress) progress->files_total.store(static_cast<int>(checkpoints.size()) + 1);
  CheckpointWriter files(frame.layout(), out, checkpoints, summary.files,
                         progress ? &progress->files_written : nullptr, frame.timeline());
  PngSink png(frame.layout(), checkpoints, files, window, remote);
  std::vector<FrameSink*> sinks{&png};
  if (progress) sinks.push_back(progress);
  sinks.insert(sinks.end(), watchers.begin(), watchers.end());
  frame.render(sinks, handout, summary);
  summary.window = png.window();
  summary.peak_bands_queued = png.peak_bands_queued();
  summary.producer_waits = png.producer_waits();
  summary.write_cpu_seconds = png.write_cpu_seconds();
  folder.keep();
  return summary;
}

RenderSummary render_to_directory(const FrameSpec& spec, const std::filesystem::path& out,
                                  RenderProgress* progress, const std::vector<FrameSink*>& watchers,
                                  RunTimeline* timeline) {
  validate_render(spec, out);
  interrupt::throw_if_requested();  // a signal while the scene loaded: not even the folder
  StreamedFrame frame(spec);
  frame.record_into(timeline);
  return write_png_folder(frame, out, band_window(frame.threads()), progress, nullptr, nullptr,
                          watchers);
}

}  // namespace rtcli

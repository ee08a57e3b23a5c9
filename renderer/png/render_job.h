// `rtcli render` as one call: a frame streamed through the frame loop into a folder's PNG
// files (png_sink.h). The frame is never held whole.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "pipeline/band_handout.h"
#include "pipeline/frame_sink.h"
#include "pipeline/frame_spec.h"
#include "pipeline/progress_sink.h"
#include "pipeline/tile_workers.h"
#include "png/band_layout.h"
#include "png/remote_bands.h"
#include "shading/render_scene.h"

namespace rtcli {

struct RenderSummary {
  int bands = 0;      // each a run of PNG strips at least a tile high (band_layout.h)
  int band_rows = 0;  // rows a band holds at most
  int threads = 0;
  int window = 0;                // bands in flight at most: being rendered or waiting to be written
  int peak_bands_queued = 0;     // most compressed bands waiting for the writer at once
  int producer_waits = 0;        // times a worker waited for the writer (back-pressure)
  double render_seconds = 0;     // scene preparation and first band handed out to last band done
  double total_seconds = 0;      // including the last file written
  double write_cpu_seconds = 0;  // CPU time of the writer thread: assembling and writing files
  std::vector<std::filesystem::path> files;
};

// Checks what can be checked before any file is touched: the spec, then the folder and what
// its files need (PNG's limits, memory, disk). Throws UsageError.
void validate_render(const FrameSpec& spec, const std::filesystem::path& out);

// A frame streamed by this process's workers in PNG bands: its scene prepared and its loop run.
class StreamedFrame {
 public:
  // Builds the scene's hierarchies on the render's threads, timed with the render. A signal
  // meanwhile ends the process at once: nothing is written yet, and a million spheres take
  // seconds to sort with no point at which to look for a stop.
  // `spec` must outlive the frame.
  explicit StreamedFrame(const FrameSpec& spec);

  const FrameSpec& spec() const { return spec_; }
  // Records the render on `timeline` (which must outlive it); nullptr: nothing is recorded.
  void record_into(RunTimeline* timeline) { timeline_ = timeline; }
  RunTimeline* timeline() const { return timeline_; }
  const BandLayout& layout() const { return layout_; }
  int threads() const { return arena_.threads(); }

  // Renders the bands this process takes (from `handout`, or all of them) into `sinks`; fills
  // the summary's bands, threads and times.
  void render(const std::vector<FrameSink*>& sinks, BandHandout* handout, RenderSummary& summary);

 private:
  const SteadyClock::time_point start_;
  const FrameSpec& spec_;
  const BandLayout layout_;
  WorkerArena arena_;
  const RenderScene scene_;
  RunTimeline* timeline_ = nullptr;
};

// The frame's PNG files in `out`: <checkpoint>.png for each checkpoint and final.png. `window`:
// bands in flight at most (band_window for one process); `remote`, `handout`: when other
// processes share the frame (distributed/rank_render.h); `watchers`: more sinks that see every
// band (a live view). Throws RunError when a file cannot be written; files already written stay
// whole, and a folder made for them that stays empty goes.
RenderSummary write_png_folder(StreamedFrame& frame, const std::filesystem::path& out, int window,
                               RenderProgress* progress = nullptr, RemoteBands* remote = nullptr,
                               BandHandout* handout = nullptr,
                               const std::vector<FrameSink*>& watchers = {});

// validate_render, then the whole frame on this process into `out`, recorded on `timeline`
// when one is given (see StreamedFrame::record_into).
RenderSummary render_to_directory(const FrameSpec& spec, const std::filesystem::path& out,
                                  RenderProgress* progress = nullptr,
                                  const std::vector<FrameSink*>& watchers = {},
                                  RunTimeline* timeline = nullptr);

}  // namespace rtcli

// A whole `rtcli render`, streamed: workers render bands of rows in scan order and compress
// them; one writer thread appends them to the files. The frame is never held whole.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "frame/checkpoints.h"
#include "png/compressed_band.h"
#include "scene/scene.h"
#include "shading/render_scene.h"

namespace rtcli {

struct RenderSettings {
  int width = 800;         // pixels
  int height = 600;        // pixels
  int tile_width = 4096;   // pixels; wider than most frames: full-row strips, see README
  int tile_height = 16;    // pixels
  int threads = 0;         // worker threads; 0: one per logical core
  std::size_t step = 200;  // pixels per step, for plain-number checkpoints
  std::vector<CheckpointSpec> checkpoints = default_checkpoints();
  std::filesystem::path out;  // folder for the PNG files
  Scene scene = seed_scene();
  Accel accel = Accel::kAuto;  // sphere hierarchies: built when they pay, always, or never
  // Tests only: runs on the writer thread before each band is appended (a slow writer).
  std::function<void(int band)> before_band_written;
};

// Read by another thread (a progress bar) while the render runs.
struct RenderProgress {
  std::atomic<std::size_t> pixels_done{0};
  std::size_t pixels_total = 0;
};

struct RenderSummary {
  int bands = 0;      // each a run of PNG strips at least a tile high (band_layout.h)
  int band_rows = 0;  // rows a band holds at most
  int threads = 0;
  int window = 0;                // bands in flight at most: being rendered or waiting to be written
  int peak_bands_queued = 0;     // most compressed bands waiting for the writer at once
  int producer_waits = 0;        // times a worker waited for the writer (back-pressure)
  double render_seconds = 0;     // first band handed out to last band compressed
  double total_seconds = 0;      // including the last file written
  double write_cpu_seconds = 0;  // CPU time of the writer thread: assembling and writing files
  std::vector<std::filesystem::path> files;
};

// Worker count for a setting of 0 (all logical cores) or N.
int resolve_threads(int threads);

// Checks what can be checked before any file is touched. Throws UsageError.
void validate(const RenderSettings& settings);

// Bands in flight at most for `threads` workers: each worker's band plus a queue for the writer.
int band_window(int threads);

// A frame shared with other processes (distributed/rank_render.h): where this process's
// workers get their bands and where the bands go. Without it, one process does everything.
// The writing process takes every band in scan order; every producer keeps a band it takes
// within `window` bands of those written (wait_for_room on the other processes, the queue's
// own wait here), so the writer's queue holds every band that arrives.
struct BandSharing {
  std::function<std::optional<int>()> next_band;  // nothing once all are handed out
  int window = 0;                                 // bands in flight over all processes
  // On a process that does not write: blocks until `band` is within the window of bands
  // written (false if the run stopped), and takes each compressed band away.
  std::function<bool(int band)> wait_for_room;
  std::function<void(const CompressedBand& band)> send;
  // On the writing process: another process's band if one has arrived (never waits), and
  // the count of bands written, after each.
  std::function<std::optional<CompressedBand>()> poll;
  std::function<void(int bands_written)> on_written;
};

// Renders and writes <out>/<checkpoint>.png for each checkpoint and <out>/final.png.
// Throws RunError when a file cannot be written; files already written stay whole.
RenderSummary render_to_directory(const RenderSettings& settings,
                                  RenderProgress* progress = nullptr,
                                  const BandSharing* sharing = nullptr);

}  // namespace rtcli

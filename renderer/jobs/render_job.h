// A whole `rtcli render`: tiles rendered in parallel, checkpoints and the final frame written.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "output/checkpoints.h"
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
};

// Read by another thread (a progress bar) while the render runs.
struct RenderProgress {
  std::atomic<std::size_t> pixels_done{0};
  std::size_t pixels_total = 0;
};

struct RenderSummary {
  int tiles = 0;
  int threads = 0;
  double render_seconds = 0;     // first tile handed out to last tile finished
  double total_seconds = 0;      // including the last file written
  double write_cpu_seconds = 0;  // CPU time of the writer thread: encoding and writing files
  std::vector<std::filesystem::path> files;
};

// Worker count for a setting of 0 (all logical cores) or N.
int resolve_threads(int threads);

// Checks what can be checked before any file is touched. Throws UsageError.
void validate(const RenderSettings& settings);

// Renders and writes <out>/<checkpoint>.png for each checkpoint and <out>/final.png.
// Throws RunError when a file cannot be written; files already written stay whole.
RenderSummary render_to_directory(const RenderSettings& settings,
                                  RenderProgress* progress = nullptr);

}  // namespace rtcli

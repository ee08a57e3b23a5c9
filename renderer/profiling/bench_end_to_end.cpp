#include "profiling/bench_end_to_end.h"

#include <stdlib.h>

#include <filesystem>

#include "jobs/render_job.h"
#include "system/errors.h"
#include "system/temp_files.h"

namespace rtcli {

namespace {
// A fresh folder under the system's temporary directory, removed with everything in it.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "rtcli-bench-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
      throw RunError("cannot make a temporary folder for the end-to-end runs under " +
                     std::filesystem::temp_directory_path().string());
    path_ = pattern;
    temp_files::add_folder(path_.string());  // a second signal removes it too
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
    temp_files::remove_folder(path_.string());
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};
}  // namespace

EndToEndRuns run_end_to_end(const BenchSettings& settings, int threads, int runs,
                            const std::string& checkpoints) {
  RenderSettings render;
  render.width = settings.width;
  render.height = settings.height;
  render.tile_width = settings.tile_width;
  render.tile_height = settings.tile_height;
  render.threads = threads;
  render.checkpoints = parse_checkpoints(checkpoints);
  render.scene = settings.scene;
  render.accel = settings.accel;

  const ScratchFolder scratch;
  EndToEndRuns result{checkpoints, threads, {}, {}};
  for (int run = 0; run < runs; ++run) {
    // A folder per run, as a user's fresh --out: no file is replaced.
    render.out = scratch.path() / std::to_string(run);
    const RenderSummary summary = render_to_directory(render);
    std::error_code ignored;
    std::filesystem::remove_all(render.out, ignored);  // runs' files do not pile up
    result.wall_ms.push_back(summary.total_seconds * 1e3);
    result.render_ms.push_back(summary.render_seconds * 1e3);
  }
  return result;
}

}  // namespace rtcli

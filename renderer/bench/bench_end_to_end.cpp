#include "bench/bench_end_to_end.h"

#include <stdlib.h>

#include <filesystem>

#include "png/render_job.h"
#include "system/cpu_clock.h"
#include "system/errors.h"
#include "system/temp_files.h"

namespace rtcli {

namespace {
// A fresh folder under the system's temporary directory, removed with everything in it.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "rtcli-bench-XXXXXX").string();
    const temp_files::FileChange change;
    if (!::mkdtemp(pattern.data()))
      throw RunError("cannot make a temporary folder for the end-to-end runs under " +
                     std::filesystem::temp_directory_path().string());
    path_ = pattern;
    temp_files::add_folder(path_.string());  // a second signal removes it too
  }
  ~ScratchFolder() {
    const temp_files::FileChange change;
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

namespace {
FrameSpec render_spec(const BenchSettings& settings, int width, int height, int threads,
                      const std::string& checkpoints) {
  FrameSpec render = frame_spec(settings, width, height, threads);
  render.checkpoints = parse_checkpoints(checkpoints);
  return render;
}

// One whole render into a fresh folder (no file is replaced), recorded into `result`.
void run_once(const FrameSpec& render, const std::filesystem::path& folder, EndToEndRuns& result) {
  const double cpu_start = process_cpu_ms();
  RunTimeline timeline;  // totals only: a few clock reads per band
  const RenderSummary summary = render_to_directory(render, folder, nullptr, {}, &timeline);
  result.cpu_ms.push_back(process_cpu_ms() - cpu_start);
  result.phases.push_back(timeline.phases());
  result.wall_ms.push_back(summary.total_seconds * 1e3);
  result.render_ms.push_back(summary.render_seconds * 1e3);
  const temp_files::FileChange change;
  std::error_code ignored;
  std::filesystem::remove_all(folder, ignored);  // a big frame's files need not pile up
}
}  // namespace

EndToEndRuns run_end_to_end(const BenchSettings& settings, int threads, int runs,
                            const std::string& checkpoints) {
  const FrameSpec render =
      render_spec(settings, settings.frame.width, settings.frame.height, threads, checkpoints);
  const ScratchFolder scratch;
  EndToEndRuns result{checkpoints, threads, {}, {}, {}, render.width, render.height, {}};
  // A folder per run, as a user's fresh --out: no file is replaced.
  for (int run = 0; run < runs; ++run)
    run_once(render, scratch.path() / std::to_string(run), result);
  return result;
}

std::vector<EndToEndRuns> run_size_sweep(const BenchSettings& settings, int threads, int runs,
                                         const std::string& checkpoints) {
  std::vector<FrameSpec> renders;
  std::vector<EndToEndRuns> results;
  for (const auto& [width, height] : settings.sweep_sizes) {
    renders.push_back(render_spec(settings, width, height, threads, checkpoints));
    results.push_back({checkpoints, threads, {}, {}, {}, width, height, {}});
  }
  const ScratchFolder scratch;
  for (int run = 0; run < runs; ++run)
    for (std::size_t i = 0; i < renders.size(); ++i)
      run_once(renders[i], scratch.path() / (std::to_string(i) + "-" + std::to_string(run)),
               results[i]);
  return results;
}

}  // namespace rtcli

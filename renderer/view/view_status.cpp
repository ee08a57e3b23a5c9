#include "view/view_status.h"

#include <cstdio>

namespace rtcli::view {

std::string status_line(const ViewStatus& status, double seconds) {
  const RenderProgress& progress = status.progress;
  const double total = static_cast<double>(progress.pixels_total.load());
  const double done = static_cast<double>(progress.pixels_done.load());
  const int files = progress.files_written.load();
  const int files_total = progress.files_total.load();
  const bool finished = status.finished.load();
  const double elapsed = finished ? status.render_seconds.load() : seconds;
  const double rate = elapsed > 0 ? done / elapsed : 0;  // pixels per second
  char line[160];
  if (finished)
    std::snprintf(line, sizeof line, "done in %.2f s  %.1f Mpix/s  files %d/%d", elapsed,
                  rate / 1e6, files, files_total);
  else if (rate > 0 && total > 0)
    std::snprintf(line, sizeof line, "%.1f%%  %.1f Mpix/s  ETA %.1f s  files %d/%d",
                  done / total * 100, rate / 1e6, (total - done) / rate, files, files_total);
  else
    std::snprintf(line, sizeof line, "%.1f%%  files %d/%d", total > 0 ? done / total * 100 : 0.0,
                  files, files_total);
  return line;
}

}  // namespace rtcli::view

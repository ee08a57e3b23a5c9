#include "distributed/rank_render.h"

#include "distributed/band_sender.h"
#include "distributed/shared_bands.h"
#include "distributed/shared_counter.h"
#include "distributed/world.h"
#include "png/png_sink.h"

namespace rtcli::distributed {

RankRenderSummary render_across_ranks(const FrameSpec& spec, const std::filesystem::path& out,
                                      RenderProgress* progress) {
  StreamedFrame frame(spec);
  // Every rank's workers may each hold a band and queue two: the window is their sum.
  const int window = static_cast<int>(
      sum_over_ranks({static_cast<std::uint64_t>(band_window(frame.threads()))}).front());
  SharedCounter counter;  // collective; [published]: bands rank 0 has written
  SharedBands bands(counter, frame.layout().count());

  RankRenderSummary summary;
  std::uint64_t bytes_sent = 0;
  if (rank() == 0) {
    BandInbox inbox(counter);
    summary.render = write_png_folder(frame, out, window, progress, &inbox, &bands);
  } else {
    BandSender sender(frame.layout(), resolve_checkpoints(spec), counter, window);
    std::vector<FrameSink*> sinks{&sender};
    if (progress) sinks.push_back(progress);
    frame.render(sinks, &bands, summary.render);
    bytes_sent = sender.bytes_sent();
  }
  std::vector<std::uint64_t> mine(static_cast<std::size_t>(size()), 0);
  mine[static_cast<std::size_t>(rank())] = bytes_sent;
  summary.bytes_sent = sum_over_ranks(mine);
  mine.assign(mine.size(), 0);
  mine[static_cast<std::size_t>(rank())] = bands.taken();
  summary.bands_done = sum_over_ranks(mine);
  return summary;
}

}  // namespace rtcli::distributed

#include "distributed/rank_render.h"

#include <atomic>
#include <chrono>
#include <thread>

#include "distributed/band_message.h"
#include "distributed/shared_counter.h"
#include "distributed/world.h"
#include "png/band_layout.h"
#include "system/interrupt.h"

namespace rtcli::distributed {

namespace {
constexpr int kBandTag = 12;
}  // namespace

RankRenderSummary render_across_ranks(const RenderSettings& settings, RenderProgress* progress) {
  const int count = BandLayout(settings.width, settings.height, settings.tile_height).count();
  // Every rank's workers may each hold a band and queue two: the window is their sum.
  const int window = static_cast<int>(
      sum_over_ranks({static_cast<std::uint64_t>(band_window(resolve_threads(settings.threads)))})
          .front());
  SharedCounter counter;  // collective; [published]: bands rank 0 has written
  std::atomic<std::uint64_t> bytes_sent{0};
  std::atomic<std::uint64_t> bands_done{0};

  BandSharing sharing;
  sharing.window = window;
  sharing.next_band = [&]() -> std::optional<int> {
    const std::int64_t band = counter.take();
    if (band >= count) return std::nullopt;
    bands_done.fetch_add(1);
    return static_cast<int>(band);
  };
  if (rank() == 0) {
    sharing.poll = []() -> std::optional<CompressedBand> {
      std::string bytes;
      int from = 0;
      if (!try_receive(kBandTag, bytes, from)) return std::nullopt;
      return decode_band_message(bytes);
    };
    sharing.on_written = [&](int written) { counter.publish(written); };
  } else {
    // Back-pressure across ranks: a band waits until it is within the window of rank 0's
    // writer, read from rank 0's window; rarely needed, so a short sleep between reads.
    sharing.wait_for_room = [&](int band) {
      while (band >= counter.published() + window) {
        if (interrupt::requested()) return false;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
      return true;
    };
    sharing.send = [&](const CompressedBand& band) {
      const std::string message = encode_band_message(band);
      send_to_root(kBandTag, message);
      bytes_sent.fetch_add(message.size());
    };
  }

  RankRenderSummary summary;
  summary.render = render_to_directory(settings, progress, &sharing);
  std::vector<std::uint64_t> mine(static_cast<std::size_t>(size()), 0);
  mine[static_cast<std::size_t>(rank())] = bytes_sent.load();
  summary.bytes_sent = sum_over_ranks(mine);
  mine.assign(mine.size(), 0);
  mine[static_cast<std::size_t>(rank())] = bands_done.load();
  summary.bands_done = sum_over_ranks(mine);
  return summary;
}

}  // namespace rtcli::distributed

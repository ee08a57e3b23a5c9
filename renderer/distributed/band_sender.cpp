#include "distributed/band_sender.h"

#include <chrono>
#include <string>
#include <thread>

#include "distributed/band_message.h"
#include "distributed/world.h"

namespace rtcli::distributed {

namespace {
constexpr int kBandTag = 12;
}  // namespace

// Back-pressure across ranks: a band waits until it is within the window of rank 0's writer,
// read from rank 0's window; rarely needed, so a short sleep between reads.
bool BandSender::wait_for_room(int band) {
  while (band >= written_.published() + window_) {
    if (stopped_.load()) return false;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return !stopped_.load();
}

void BandSender::band_finished(const FinishedBand& band) {
  const std::string message = encode_band_message(encoders_.encode(band));
  send_to_root(kBandTag, message);
  bytes_sent_.fetch_add(message.size());
}

std::optional<CompressedBand> BandInbox::poll() {
  std::string bytes;
  int from = 0;
  if (!try_receive(kBandTag, bytes, from)) return std::nullopt;
  return decode_band_message(bytes);
}

}  // namespace rtcli::distributed

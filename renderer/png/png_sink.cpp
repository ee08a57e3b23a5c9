#include "png/png_sink.h"

#include <chrono>
#include <utility>

#include "system/cpu_clock.h"

namespace rtcli {

namespace {
constexpr int kQueuedBandsPerWorker = 2;
}  // namespace

int band_window(int threads) {
  // Two queued bands per worker: enough slack that a worker descheduled for a moment does not
  // stall the others (doc/performance.md, "Writing frames").
  return threads * (1 + kQueuedBandsPerWorker);
}

PngSink::PngSink(const BandLayout& layout, std::vector<Checkpoint> checkpoints, BandWriter& writer,
                 int window, RemoteBands* remote)
    : encoders_(layout, std::move(checkpoints)), writer_(writer), remote_(remote), queue_(window) {}

PngSink::~PngSink() {
  stop();
  if (writer_thread_.joinable()) writer_thread_.join();
  if (receiver_thread_.joinable()) receiver_thread_.join();
}

void PngSink::begin(const FrameInfo& frame) {
  encoders_.begin(frame);
  writer_thread_ = std::thread([this] { write_all(); });
  if (remote_) receiver_thread_ = std::thread([this] { receive_all(); });
}

void PngSink::band_finished(const FinishedBand& band) {
  queue_.push(band.index, encoders_.encode(band));
  bands_queued_.fetch_add(1);
}

void PngSink::stop() {
  stopped_.store(true);
  queue_.cancel();
}

void PngSink::finish() {
  if (writer_thread_.joinable()) writer_thread_.join();
  if (receiver_thread_.joinable()) receiver_thread_.join();
  if (error_) std::rethrow_exception(error_);
}

// The writer appends bands in scan order; the files write each checkpoint once its bands are in.
void PngSink::write_all() {
  try {
    for (int band = 0; band < encoders_.layout().count(); ++band) {
      std::optional<CompressedBand> next = queue_.pop();
      if (!next) return;  // stopped
      writer_.append(*next);
      if (remote_) remote_->written(band + 1);
    }
    writer_.finish();
    write_cpu_seconds_ = thread_cpu_seconds();
  } catch (...) {
    fail();
  }
}

// Other processes' bands, fed to the writer as they arrive: polled, so a stop ends it.
void PngSink::receive_all() {
  try {
    auto idle = std::chrono::microseconds(20);
    while (bands_queued_.load() < encoders_.layout().count() && !stopped_.load()) {
      if (std::optional<CompressedBand> band = remote_->poll()) {
        queue_.push(band->index, std::move(*band));  // within the window: see rank_render.h
        bands_queued_.fetch_add(1);
        idle = std::chrono::microseconds(20);
      } else {
        std::this_thread::sleep_for(idle);
        idle = std::min(idle * 2, std::chrono::microseconds(1000));
      }
    }
  } catch (...) {
    fail();
  }
}

void PngSink::fail() {
  {
    const std::lock_guard lock(error_mutex_);
    if (!error_) error_ = std::current_exception();
  }
  stop();  // the workers waiting for room see the stop, and so does the frame loop
}

}  // namespace rtcli

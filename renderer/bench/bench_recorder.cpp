#include "bench/bench_recorder.h"

#include <chrono>

namespace rtcli {

void BenchRecorder::band_finished(const FinishedBand& band) {
  pixels_.fetch_add(band.bounds.pixels(), std::memory_order_relaxed);
  if (!tiles_) return;
  const auto us = [&](SteadyClock::time_point t) {
    return std::chrono::duration<double, std::micro>(t - start_).count();
  };
  (*tiles_)[static_cast<std::size_t>(band.index)] = {
      band.index, band.bounds, band.worker, us(band.started), us(band.finished) - us(band.started),
      rank_};
}

}  // namespace rtcli

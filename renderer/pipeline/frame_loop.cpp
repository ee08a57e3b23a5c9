#include "pipeline/frame_loop.h"

#include <exception>
#include <optional>
#include <string>
#include <utility>

#include "system/interrupt.h"

namespace rtcli {

FrameLoop::FrameLoop(WorkerArena& arena, const TileGrid& bands, std::vector<FrameSink*> sinks,
                     BandHandout* handout, RunTimeline* timeline)
    : arena_(arena),
      bands_(bands),
      sinks_(std::move(sinks)),
      source_(bands.count(), handout),
      timeline_(timeline) {}

std::optional<int> FrameLoop::Bands::next() {
  if (cancelled()) return std::nullopt;
  if (handout_) return handout_->next();
  const int band = next_.fetch_add(1, std::memory_order_relaxed);
  if (band >= count_) return std::nullopt;
  return band;
}

void FrameLoop::stop() {
  source_.cancel();
  for (FrameSink* sink : sinks_) sink->stop();
}

void FrameLoop::record(const FinishedBand& band, SteadyClock::time_point asked) const {
  const SteadyClock::time_point handed = SteadyClock::now();
  const auto named = [&](const char* what) {
    return [&, what] { return what + std::to_string(band.index); };
  };
  timeline_->span(band.worker, Phase::kWait, asked, band.started, named("wait for band "));
  timeline_->span(band.worker, Phase::kRender, band.started, band.finished, named("band "));
  timeline_->span(band.worker, Phase::kCompress, band.finished, handed, named("compress band "));
}

FrameTimes FrameLoop::run(BandRenderer& renderer) {
  std::exception_ptr failure;
  std::size_t begun = 0;
  FrameTimes times{SteadyClock::now(), {}};
  const FrameInfo info{bands_, arena_.threads(), times.start, timeline_};
  if (timeline_) timeline_->begin(arena_.threads());
  try {
    for (; begun < sinks_.size(); ++begun) sinks_[begun]->begin(info);
  } catch (...) {
    failure = std::current_exception();
  }

  if (!failure) {
    // SIGINT/SIGTERM: workers stop taking bands and the sinks release their waiters.
    const interrupt::OnInterrupt stop_on_signal([this] { stop(); });
    // Into a sink's whole frame when one lends it, else into each worker's own band of rows.
    Frame* shared = nullptr;
    for (FrameSink* sink : sinks_)
      if ((shared = sink->frame_to_render_into())) break;
    const auto own_rows = [&] {
      std::optional<Frame> rows;
      if (!shared) rows.emplace(bands_.width(), bands_.height(), bands_.tile_height());
      return rows;
    };
    try {
      arena_.run_with_state(
          source_, own_rows, [&](int band, int worker, std::optional<Frame>& rows) {
            try {
              const SteadyClock::time_point asked = span_start(timeline_);
              for (FrameSink* sink : sinks_)
                if (!sink->wait_for_room(band)) return stop();
              const TileBounds bounds = bands_.bounds(band);
              Frame& pixels = shared ? *shared : *rows;
              if (!shared) pixels.set_first_row(bounds.y0);
              const SteadyClock::time_point started = SteadyClock::now();
              renderer.render(bounds, pixels, worker);
              const FinishedBand done{band, bounds, pixels, worker, started, SteadyClock::now()};
              for (FrameSink* sink : sinks_) sink->band_finished(done);
              if (timeline_) record(done, asked);
            } catch (...) {
              stop();  // nobody may wait for this band
              throw;
            }
          });
    } catch (...) {
      failure = std::current_exception();
    }
  }
  times.rendered = SteadyClock::now();

  // Every sink begun is finished, whatever happened; the first failure is the one reported.
  const bool stopped = failure || source_.cancelled();
  if (stopped) stop();
  for (std::size_t i = 0; i < begun; ++i) {
    try {
      sinks_[i]->finish();
    } catch (...) {
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
  interrupt::throw_if_requested();
  if (stopped) throw FrameStopped("the render was stopped before its last band");
  return times;
}

}  // namespace rtcli

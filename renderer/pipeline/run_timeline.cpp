#include "pipeline/run_timeline.h"

#include <unistd.h>

#include <algorithm>
#include <utility>

namespace rtcli {

const char* phase_name(Phase phase) {
  switch (phase) {
    case Phase::kRender:
      return "render";
    case Phase::kCompress:
      return "compress";
    case Phase::kWait:
      return "wait";
    case Phase::kWrite:
      return "write";
    case Phase::kFsync:
      return "fsync";
  }
  return "?";
}

int current_thread_id() {
  thread_local const int id = static_cast<int>(::gettid());
  return id;
}

void RunTimeline::begin(int workers) {
  workers_ = workers;
  lanes_.clear();
  lanes_.resize(static_cast<std::size_t>(workers) + 1);
}

void RunTimeline::count(int lane, Phase phase, SteadyClock::time_point start,
                        SteadyClock::time_point end) {
  Lane& l = lanes_[static_cast<std::size_t>(lane)];
  l.totals[static_cast<std::size_t>(phase)] += end - start;
  if (phase == Phase::kFsync) l.fsyncs.push_back({start, end});
}

void RunTimeline::add(int lane, Phase phase, SteadyClock::duration time) {
  lanes_[static_cast<std::size_t>(lane)].totals[static_cast<std::size_t>(phase)] += time;
}

void RunTimeline::keep(int lane, Phase phase, SteadyClock::time_point start,
                       SteadyClock::time_point end, std::string name) {
  Lane& l = lanes_[static_cast<std::size_t>(lane)];
  if (l.events.size() >= max_events_) {
    ++l.dropped;
    return;
  }
  l.events.push_back({phase, std::move(name), start, end, lane, current_thread_id()});
}

void RunTimeline::finish(SteadyClock::time_point start, SteadyClock::time_point bands_start,
                         SteadyClock::time_point rendered, SteadyClock::time_point end) {
  start_ = start;
  bands_start_ = bands_start;
  rendered_ = rendered;
  end_ = end;
  main_thread_ = current_thread_id();
}

RunPhases RunTimeline::phases() const {
  RunPhases p;
  p.wall_ms = ms(end_ - start_);
  p.setup_ms = ms(bands_start_ - start_);
  // Between the first band and the workers' end: each worker's time is render, compress or
  // else waiting; the mean over the workers is the wall time of each.
  const double parallel_ms = ms(rendered_ - bands_start_);
  if (workers_ > 0) {
    SteadyClock::duration render{}, compress{};
    for (int w = 0; w < workers_; ++w) {
      render +=
          lanes_[static_cast<std::size_t>(w)].totals[static_cast<std::size_t>(Phase::kRender)];
      compress +=
          lanes_[static_cast<std::size_t>(w)].totals[static_cast<std::size_t>(Phase::kCompress)];
    }
    p.render_ms = ms(render) / workers_;
    p.compress_ms = ms(compress) / workers_;
  }
  p.wait_ms = parallel_ms - p.render_ms - p.compress_ms;
  // The tail, once the workers are done, is the writer's: its fsyncs there, and the rest writing.
  SteadyClock::duration fsync{};
  if (!lanes_.empty())
    for (const Interval& f : lanes_.back().fsyncs) {
      const SteadyClock::time_point from = std::max(f.start, rendered_);
      const SteadyClock::time_point to = std::min(f.end, end_);
      if (to > from) fsync += to - from;
    }
  p.fsync_ms = ms(fsync);
  p.write_ms = ms(end_ - rendered_) - p.fsync_ms;
  return p;
}

std::vector<TimelineEvent> RunTimeline::events() const {
  std::vector<TimelineEvent> all;
  for (const Lane& l : lanes_) all.insert(all.end(), l.events.begin(), l.events.end());
  return all;
}

std::size_t RunTimeline::dropped_events() const {
  std::size_t dropped = 0;
  for (const Lane& l : lanes_) dropped += l.dropped;
  return dropped;
}

}  // namespace rtcli

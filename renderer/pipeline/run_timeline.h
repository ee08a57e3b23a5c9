// RunTimeline: where a streamed render's threads spend their time. Each worker and the writer
// record what they do as spans of one phase (render, compress, wait, write, fsync) on their
// own lane; the totals give the run's phase breakdown in wall time (phases()), and the spans,
// when kept, are the events of a Chrome trace (pipeline/render_trace.h). A render without a
// timeline records nothing: every hook is behind a null pointer.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace rtcli {

using SteadyClock = std::chrono::steady_clock;

// A steady-clock duration in milliseconds, as reports give times.
inline double ms(SteadyClock::duration time) {
  return std::chrono::duration<double, std::milli>(time).count();
}

enum class Phase { kRender, kCompress, kWait, kWrite, kFsync };
inline constexpr int kPhaseCount = 5;
const char* phase_name(Phase phase);  // "render", "compress", "wait", "write", "fsync"

// One span as a trace shows it.
struct TimelineEvent {
  Phase phase = Phase::kRender;
  std::string name;  // "band 3", "strip 7", "write 25pct.png"
  SteadyClock::time_point start;
  SteadyClock::time_point end;
  int lane = 0;       // worker n, or the writer (RunTimeline::writer_lane)
  int thread_id = 0;  // the operating system's id of the thread that recorded it
};

// A run's wall time split into phases, in ms; they add up to wall_ms. Before the first band
// (setup) and after the workers (the tail) one thread works at a time, so those moments count
// once; between them each phase is the workers' time in it divided by their number.
struct RunPhases {
  double setup_ms = 0;     // threads started, scene prepared, first file made: to the first band
  double render_ms = 0;    // workers rendering bands
  double compress_ms = 0;  // workers compressing bands and handing them to the writer
  double wait_ms = 0;      // workers not doing either: waiting for room, a band, or each other
  double write_ms = 0;     // the tail but its fsyncs: the writer's last bands and files
  double fsync_ms = 0;     // the tail's fsyncs
  double wall_ms = 0;      // start to last file in place
};

// RunPhases' parts that add up to its wall_ms, by name, in the order reports list them.
struct RunPhasePart {
  const char* name;
  double RunPhases::*ms;
};
inline constexpr RunPhasePart kRunPhaseParts[] = {
    {"setup", &RunPhases::setup_ms},       {"render", &RunPhases::render_ms},
    {"compress", &RunPhases::compress_ms}, {"wait", &RunPhases::wait_ms},
    {"write", &RunPhases::write_ms},       {"fsync", &RunPhases::fsync_ms}};

class RunTimeline {
 public:
  // Events kept per lane at most when they are kept (a band costs a few); beyond that they are
  // counted as dropped, and the totals stay exact.
  static constexpr std::size_t kDefaultMaxEvents = std::size_t{1} << 18;

  // `keep_events`: keep every span as an event for a trace; false: only the totals.
  explicit RunTimeline(bool keep_events = false, std::size_t max_events = kDefaultMaxEvents)
      : keep_events_(keep_events), max_events_(max_events) {}

  // Before the first band, on the loop's thread: a lane for each of `workers`, and the writer's.
  void begin(int workers);
  int workers() const { return workers_; }
  int writer_lane() const { return workers_; }

  // [start, end) on `lane` in `phase`: added to the lane's totals, kept as an event named
  // name() when events are kept. Spans of one lane come from one thread at a time and do not
  // overlap.
  template <class Name>
  void span(int lane, Phase phase, SteadyClock::time_point start, SteadyClock::time_point end,
            Name&& name) {
    count(lane, phase, start, end);
    if (keep_events_) keep(lane, phase, start, end, name());
  }

  // Only an event, inside a span that counts (a strip within its band's compression, a whole
  // file around its fsync): a trace's detail, no time of its own.
  template <class Name>
  void detail(int lane, Phase phase, SteadyClock::time_point start, SteadyClock::time_point end,
              Name&& name) {
    if (keep_events_) keep(lane, phase, start, end, name());
  }

  // Time added to a lane's phase with no event (a file's write minus its fsync).
  void add(int lane, Phase phase, SteadyClock::duration time);

  // After the run, on the loop's thread (the one that prepared it): its start, the first band
  // handed out, the workers done, and the last file in place.
  void finish(SteadyClock::time_point start, SteadyClock::time_point bands_start,
              SteadyClock::time_point rendered, SteadyClock::time_point end);

  // After finish.
  RunPhases phases() const;
  SteadyClock::time_point start() const { return start_; }
  SteadyClock::time_point bands_start() const { return bands_start_; }
  SteadyClock::time_point end() const { return end_; }
  int main_thread_id() const { return main_thread_; }
  std::vector<TimelineEvent> events() const;  // every lane's, lane by lane
  std::size_t dropped_events() const;

 private:
  struct Interval {
    SteadyClock::time_point start;
    SteadyClock::time_point end;
  };
  // One per lane, a cache line apart: workers write their own at once.
  struct alignas(64) Lane {
    std::array<SteadyClock::duration, kPhaseCount> totals{};
    std::vector<Interval> fsyncs;  // the writer's, to find those in the tail
    std::vector<TimelineEvent> events;
    std::size_t dropped = 0;
  };

  void count(int lane, Phase phase, SteadyClock::time_point start, SteadyClock::time_point end);
  void keep(int lane, Phase phase, SteadyClock::time_point start, SteadyClock::time_point end,
            std::string name);

  const bool keep_events_;
  const std::size_t max_events_;
  int workers_ = 0;
  std::vector<Lane> lanes_;
  SteadyClock::time_point start_, bands_start_, rendered_, end_;
  int main_thread_ = 0;
};

// The start of a span: the time now when `timeline` records one, else nothing (a run without a
// timeline reads no clock for it).
inline SteadyClock::time_point span_start(const RunTimeline* timeline) {
  return timeline ? SteadyClock::now() : SteadyClock::time_point{};
}

// The calling thread's operating-system id, read once per thread.
int current_thread_id();

}  // namespace rtcli

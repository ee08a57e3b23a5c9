#include "pipeline/render_trace.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "pipeline/trace_events.h"

namespace rtcli {

namespace {
double us_between(SteadyClock::time_point from, SteadyClock::time_point to) {
  return std::chrono::duration<double, std::micro>(to - from).count();
}

// "main / worker 0": the roles a thread had, the main thread's first.
std::map<int, std::string> thread_names(const RunTimeline& timeline,
                                        const std::vector<TimelineEvent>& events) {
  std::map<int, std::set<int>> lanes;  // by thread id
  for (const TimelineEvent& e : events)
    if (e.lane >= 0) lanes[e.thread_id].insert(e.lane);
  std::map<int, std::string> names{{timeline.main_thread_id(), "main"}};
  for (const auto& [thread, its_lanes] : lanes)
    for (const int lane : its_lanes) {
      std::string& name = names[thread];
      if (!name.empty()) name += " / ";
      name += lane == timeline.writer_lane() ? "writer" : "worker " + std::to_string(lane);
    }
  return names;
}
}  // namespace

std::string render_trace_json(const RunTimeline& timeline) {
  std::vector<TimelineEvent> events = timeline.events();
  // The run, and its setup before the first band, on the thread that prepared it.
  events.push_back(
      {Phase::kRender, "run", timeline.start(), timeline.end(), -1, timeline.main_thread_id()});
  events.push_back({Phase::kRender, "setup", timeline.start(), timeline.bands_start(), -1,
                    timeline.main_thread_id()});
  // Per thread by start; of two starting together the longer first, as it holds the other.
  std::sort(events.begin(), events.end(), [](const TimelineEvent& a, const TimelineEvent& b) {
    return std::tuple(a.thread_id, a.start, b.end) < std::tuple(b.thread_id, b.start, a.end);
  });

  TraceEvents trace;
  const std::size_t dropped = timeline.dropped_events();
  trace.process_name(1, dropped == 0 ? std::string("rtcli render")
                                     : "rtcli render (" + std::to_string(dropped) +
                                           " events left out past the limit per thread)");
  for (const auto& [thread, name] : thread_names(timeline, events))
    trace.thread_name(1, thread, name);
  for (const TimelineEvent& e : events)
    trace.complete(e.name, e.lane < 0 ? e.name : phase_name(e.phase), 1, e.thread_id,
                   us_between(timeline.start(), e.start), us_between(e.start, e.end));
  return trace.finish();
}

}  // namespace rtcli

// Chrome trace event JSON (the format chrome://tracing and ui.perfetto.dev load): process and
// thread names, and complete ("X") events. The one writer of the format: bench's per-tile trace
// (bench/chrome_trace.h) and render's timeline (pipeline/render_trace.h) both build on it.
#pragma once

#include <string>
#include <string_view>

namespace rtcli {

class TraceEvents {
 public:
  TraceEvents();

  // Metadata events: what the viewer calls a process and a thread.
  void process_name(int pid, std::string_view name);
  void thread_name(int pid, int tid, std::string_view name);

  // One complete event, times in µs. `args`: the members of its args object, already JSON
  // ("\"x\":3,\"y\":4"), or empty for none.
  void complete(std::string_view name, std::string_view category, int pid, int tid, double ts_us,
                double dur_us, std::string_view args = {});

  // The whole document; the writer is done.
  std::string finish();

 private:
  void begin_event();

  std::string out_;
  bool first_ = true;
};

}  // namespace rtcli

#include "pipeline/trace_events.h"

#include <cstdio>
#include <utility>

namespace rtcli {

namespace {
// Names are the program's own ("band 3", "write 25pct.png"); quotes, backslashes and control
// bytes are escaped all the same, so that the document stays JSON whatever a name holds.
void append_string(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  out += '"';
}
}  // namespace

// Written by hand rather than through a JSON library so that ts and dur stay fixed decimals
// (no exponents), which every trace viewer parses the same way.
TraceEvents::TraceEvents() : out_("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[") {}

void TraceEvents::begin_event() {
  out_ += first_ ? "\n" : ",\n";
  first_ = false;
}

void TraceEvents::process_name(int pid, std::string_view name) {
  begin_event();
  out_ += "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":" + std::to_string(pid) +
          ",\"tid\":0,\"args\":{\"name\":";
  append_string(out_, name);
  out_ += "}}";
}

void TraceEvents::thread_name(int pid, int tid, std::string_view name) {
  begin_event();
  out_ += "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":" + std::to_string(pid) +
          ",\"tid\":" + std::to_string(tid) + ",\"args\":{\"name\":";
  append_string(out_, name);
  out_ += "}}";
}

void TraceEvents::complete(std::string_view name, std::string_view category, int pid, int tid,
                           double ts_us, double dur_us, std::string_view args) {
  begin_event();
  out_ += "{\"name\":";
  append_string(out_, name);
  out_ += ",\"cat\":";
  append_string(out_, category);
  char times[160];
  std::snprintf(times, sizeof times, ",\"ph\":\"X\",\"pid\":%d,\"tid\":%d,\"ts\":%.3f,\"dur\":%.3f",
                pid, tid, ts_us, dur_us);
  out_ += times;
  if (!args.empty()) out_.append(",\"args\":{").append(args).append("}");
  out_ += "}";
}

std::string TraceEvents::finish() {
  out_ += "\n]}\n";
  return std::move(out_);
}

}  // namespace rtcli

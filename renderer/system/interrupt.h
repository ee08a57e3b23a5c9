// Stopping a run cleanly on SIGINT or SIGTERM.
//
// install() blocks both signals in every thread and starts one thread that waits for them
// with sigwait(), so nothing runs in signal-handler context and the reaction may lock, allocate
// and unlink freely. The first signal sets a flag and runs the registered cancel actions (a
// scheduler stops handing out tiles); the run then unwinds, throws Interrupted, and main exits
// 128 + signal. A second signal gives up waiting: live temporary files are removed and the
// process exits at once with the same code.
#pragma once

#include <functional>
#include <stdexcept>

namespace rtcli::interrupt {

// The run stopped because of a signal. main turns it into exit code 128 + signal.
struct Interrupted : std::runtime_error {
  explicit Interrupted(int signal_number);
  int signal_number;
};

// Call once at the start of main, before any other thread exists (threads inherit the mask).
void install();

// The signal that asked the run to stop, or 0.
int requested();

// Acts as if `signal_number` had arrived: sets the flag and runs the cancel actions. For tests,
// and for code that wants to stop the run itself.
void request(int signal_number);

// Throws Interrupted if a stop was requested.
void throw_if_requested();

// While alive, `cancel` runs once when a stop is requested (at once if one already was). It
// runs on the signal thread, so it must be thread-safe and must not block for long.
class OnInterrupt {
 public:
  explicit OnInterrupt(std::function<void()> cancel);
  ~OnInterrupt();
  OnInterrupt(const OnInterrupt&) = delete;
  OnInterrupt& operator=(const OnInterrupt&) = delete;

 private:
  int id_;
};

// "SIGINT", "SIGTERM", or "a signal".
const char* signal_name(int signal_number);

}  // namespace rtcli::interrupt

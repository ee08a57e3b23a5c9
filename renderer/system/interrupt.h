// Stopping a run cleanly on SIGINT, SIGTERM, SIGHUP or SIGQUIT.
//
// install() blocks these signals in every thread and starts one thread that waits for them
// with sigwait(), so nothing runs in signal-handler context and the reaction may lock, allocate
// and unlink freely. It also ignores SIGXFSZ, so that a write past the file-size limit fails
// with EFBIG (one error line) instead of killing the process. The first signal sets a flag and
// runs the registered cancel actions (a scheduler stops handing out tiles); the run then
// unwinds, throws Interrupted, and main exits 128 + signal. A second signal gives up waiting:
// once a file change in progress ends (temp_files::FileChange), live temporary files and
// folders are removed and the process exits with the same code. While an ExitAtOnce is alive (a
// phase that has written nothing, such as reading the scene), the first signal already exits at
// once.
#pragma once

#include <csignal>
#include <functional>
#include <stdexcept>
#include <string>

#include "system/stop_token.h"

namespace rtcli::interrupt {

// The run stopped because of a signal. main turns it into exit code 128 + signal.
struct Interrupted : std::runtime_error {
  explicit Interrupted(int signal_number);
  int signal_number;
};

// Call once at the start of main, before any other thread exists (threads inherit the mask).
// Throws std::system_error if the signal thread cannot be started.
void install();

// The signals install() handles, for tests and for the README's promise.
inline constexpr int kHandledSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

// The signal that asked the run to stop, or 0.
int requested();

// Acts as if `signal_number` had arrived: sets the flag and runs the cancel actions. For tests,
// and for code that wants to stop the run itself.
void request(int signal_number);

// Throws Interrupted if a stop was requested.
void throw_if_requested();

// A token that reads the same flag as requested(): what a render hands its kernels.
StopToken stop_token();

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

// While alive, a signal ends the process at once (128 + signal, the usual line on stderr,
// live temporaries removed) instead of asking the run to unwind: for phases that have written
// nothing and may block where no flag is looked at (opening a FIFO, reading or parsing a large
// scene, checking a long checkpoint list). Its destructor waits for a signal being handled, so
// once it returns, later signals are cooperative again and no exit races the next file.
class ExitAtOnce {
 public:
  ExitAtOnce();
  ~ExitAtOnce();
  ExitAtOnce(const ExitAtOnce&) = delete;
  ExitAtOnce& operator=(const ExitAtOnce&) = delete;
};

// The line on stderr of a run stopped by `signal_number`, newline included.
std::string stopped_line(int signal_number);

// "SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", or "a signal".
const char* signal_name(int signal_number);

}  // namespace rtcli::interrupt

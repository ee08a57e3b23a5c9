#include "system/interrupt.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "system/temp_files.h"

namespace rtcli::interrupt {

namespace {
std::atomic<int> g_requested{0};

struct CancelActions {
  std::mutex mutex;
  int next_id = 0;
  std::map<int, std::function<void()>> by_id;  // guarded by mutex
};

// Never destroyed: the signal thread may still use it while static objects are torn down.
CancelActions& cancel_actions() {
  static CancelActions* actions = new CancelActions;
  return *actions;
}

// Phases in which a signal exits at once; the mutex orders that exit against a phase ending.
struct ExitAtOnceState {
  std::mutex mutex;
  int depth = 0;  // live ExitAtOnce objects; guarded by mutex
};

ExitAtOnceState& exit_at_once_state() {
  static ExitAtOnceState* state = new ExitAtOnceState;
  return *state;
}

[[noreturn]] void exit_now(int signal_number, const std::string& line) {
  temp_files::unlink_all_and_hold();
  [[maybe_unused]] const ssize_t ignored = ::write(STDERR_FILENO, line.data(), line.size());
  ::_exit(128 + signal_number);
}

void watch(sigset_t signals) {
  for (;;) {
    int signal_number = 0;
    if (sigwait(&signals, &signal_number) != 0) continue;
    if (requested() == 0) {
      ExitAtOnceState& state = exit_at_once_state();
      std::lock_guard lock(state.mutex);  // held through the exit: no phase ends meanwhile
      if (state.depth > 0) exit_now(signal_number, stopped_line(signal_number));
      request(signal_number);
      continue;
    }
    // Asked twice: stop waiting for the run to unwind.
    exit_now(signal_number, std::string("rtcli: interrupted again by ") +
                                signal_name(signal_number) + "; exiting now\n");
  }
}
}  // namespace

Interrupted::Interrupted(int signal)
    : std::runtime_error(std::string("interrupted by ") + signal_name(signal)),
      signal_number(signal) {}

void install() {
  sigset_t signals;
  sigemptyset(&signals);
  for (const int signal_number : kHandledSignals) sigaddset(&signals, signal_number);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // A write past RLIMIT_FSIZE then fails with EFBIG, reported like any failed write.
  ::signal(SIGXFSZ, SIG_IGN);
  std::thread(watch, signals).detach();
}

int requested() {
  return g_requested.load();
}

void request(int signal_number) {
  int none = 0;
  if (!g_requested.compare_exchange_strong(none, signal_number)) return;
  CancelActions& actions = cancel_actions();
  std::lock_guard lock(actions.mutex);
  for (auto& [id, cancel] : actions.by_id) cancel();
}

void throw_if_requested() {
  if (const int signal = requested()) throw Interrupted(signal);
}

StopToken stop_token() {
  return StopToken(g_requested);
}

OnInterrupt::OnInterrupt(std::function<void()> cancel) : id_(-1) {
  CancelActions& actions = cancel_actions();
  std::lock_guard lock(actions.mutex);
  // Checked under the lock, so that request() either sees this action or ran before it.
  if (requested()) {
    cancel();
    return;
  }
  id_ = actions.next_id++;
  actions.by_id.emplace(id_, std::move(cancel));
}

OnInterrupt::~OnInterrupt() {
  if (id_ < 0) return;
  CancelActions& actions = cancel_actions();
  std::lock_guard lock(actions.mutex);  // waits for a cancel action that is running now
  actions.by_id.erase(id_);
}

ExitAtOnce::ExitAtOnce() {
  ExitAtOnceState& state = exit_at_once_state();
  std::lock_guard lock(state.mutex);
  ++state.depth;
}

ExitAtOnce::~ExitAtOnce() {
  ExitAtOnceState& state = exit_at_once_state();
  std::lock_guard lock(state.mutex);
  --state.depth;
}

std::string stopped_line(int signal_number) {
  return std::string("rtcli: interrupted by ") + signal_name(signal_number) +
         ": stopped early; every file already written is complete\n";
}

const char* signal_name(int signal_number) {
  switch (signal_number) {
    case SIGINT:
      return "SIGINT";
    case SIGTERM:
      return "SIGTERM";
    case SIGHUP:
      return "SIGHUP";
    case SIGQUIT:
      return "SIGQUIT";
    default:
      return "a signal";
  }
}

}  // namespace rtcli::interrupt

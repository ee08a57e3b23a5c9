// A running rtcli that a test can signal, limit, and wait for: the interruption and fault
// tests need more control than run_rtcli() gives.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "test_support.h"

namespace rtcli::test {

struct ChildLimits {
  // RLIMIT_FSIZE in bytes: an injected write failure with no hook in the product. SIGXFSZ is
  // left at its default (kill), as in a shell's `ulimit -f`: rtcli must ignore it itself.
  std::optional<std::size_t> max_file_bytes = {};
  // RLIMIT_NPROC: processes and threads of the child's user (not enforced for root).
  std::optional<std::size_t> max_processes = {};
  // Run as this user and group with no supplementary groups, as `setpriv --reuid --regid
  // --clear-groups` would; only possible when the tests run as root.
  std::optional<unsigned> run_as_user = {};
  // Extra environment variables ("NAME=value"), added to the test's own.
  std::vector<std::string> environment = {};
  // RLIMIT_AS in bytes: a process that may map only this much.
  std::optional<std::size_t> max_address_space_bytes = {};
  // Stdout goes to this file, opened for writing (not created), instead of to the test.
  std::optional<std::string> stdout_file = {};
};

// The unprivileged user (nobody) the permission tests run rtcli as.
inline constexpr unsigned kNobody = 65534;

class RtcliProcess {
 public:
  // Starts build/rtcli (the build's own, so sanitizer builds test sanitized binaries), or
  // `program` (e.g. mpirun, with rtcli among the arguments).
  explicit RtcliProcess(const std::vector<std::string>& args, const ChildLimits& limits = {},
                        const std::string& program = RTCLI_BINARY);
  ~RtcliProcess();  // kills and reaps a child still running
  RtcliProcess(const RtcliProcess&) = delete;
  RtcliProcess& operator=(const RtcliProcess&) = delete;

  void send(int signal_number) const;
  pid_t pid() const { return pid_; }
  // True once the child has ended; it is not reaped, so wait() still gives its output. A test
  // waiting for the child to reach some point checks it too, to fail at once with what the
  // child said instead of waiting out its timeout.
  bool exited() const;

  // Reads both streams to the end and reaps the child. Exit code, or 128 + signal if killed.
  CommandResult wait();

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
};

// Polls `condition` every millisecond until it holds or `timeout` passes; true if it held.
bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

// What a test can see of a running process in /proc, so that it signals the process at a
// known point instead of after a sleep that a busy machine may outlast:
// True once `pid` takes `signal_number` itself, caught or blocked (rtcli blocks its signals and
// takes them with sigwait()), so a signal sent now reaches rtcli's handling, not the default
// action that would kill it silently.
bool handles_signal(pid_t pid, int signal_number);
// The kernel function the process's main thread sleeps in ("wait_for_partner": opening a FIFO
// that has no writer yet), or "" if it runs or has gone.
std::string wait_channel(pid_t pid);
// Bytes the process has read with read() and the like so far (rchar), or -1 if it has gone.
long long bytes_read(pid_t pid);

// Names in `folder` that start with '.', such as the writer's temporary files.
std::vector<std::string> hidden_files(const std::filesystem::path& folder);

}  // namespace rtcli::test

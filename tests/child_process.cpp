#include "child_process.h"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace rtcli::test {

RtcliProcess::RtcliProcess(const std::vector<std::string>& args, const ChildLimits& limits,
                           const std::string& program) {
  std::vector<std::string> argv_storage{program};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  // Built before fork: the child may only make async-signal-safe calls.
  std::vector<std::string> env_storage(limits.environment);
  for (char** e = environ; *e; ++e) env_storage.emplace_back(*e);
  std::vector<char*> envp;
  for (auto& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);

  int out_pipe[2];
  int err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
  const int out_file =
      limits.stdout_file ? open(limits.stdout_file->c_str(), O_WRONLY | O_CLOEXEC) : -1;
  if (limits.stdout_file && out_file < 0) throw std::runtime_error("cannot open the stdout file");
  // Closed by a successful exec: the constructor returns only once the child runs the program,
  // so that nothing a test does to it (a signal) can reach the forked copy of the test itself.
  int exec_pipe[2];
  if (pipe2(exec_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    // The child: only async-signal-safe calls until exec.
    dup2(out_file >= 0 ? out_file : out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    close(out_pipe[0]);
    close(err_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[1]);
    close(exec_pipe[0]);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    signal(SIGXFSZ, SIG_DFL);  // whatever the test runner does: rtcli must handle it
    if (limits.max_file_bytes) {
      const rlimit limit{*limits.max_file_bytes, *limits.max_file_bytes};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    if (limits.max_address_space_bytes) {
      const rlimit limit{*limits.max_address_space_bytes, *limits.max_address_space_bytes};
      setrlimit(RLIMIT_AS, &limit);
    }
    if (limits.run_as_user) {
      const gid_t group = *limits.run_as_user;
      if (setgroups(0, nullptr) != 0 || setgid(group) != 0 || setuid(*limits.run_as_user) != 0)
        _exit(126);
    }
    if (limits.max_processes) {  // after setuid, which would otherwise count against it
      const rlimit limit{*limits.max_processes, *limits.max_processes};
      setrlimit(RLIMIT_NPROC, &limit);
    }
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  close(exec_pipe[1]);
  char ignored = 0;
  while (read(exec_pipe[0], &ignored, 1) < 0 && errno == EINTR) {
  }
  close(exec_pipe[0]);
  if (out_file >= 0) close(out_file);
  close(out_pipe[1]);
  close(err_pipe[1]);
  out_fd_ = out_pipe[0];
  err_fd_ = err_pipe[0];
}

RtcliProcess::~RtcliProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (out_fd_ >= 0) close(out_fd_);
  if (err_fd_ >= 0) close(err_fd_);
}

void RtcliProcess::send(int signal_number) const {
  if (pid_ > 0) kill(pid_, signal_number);
}

bool RtcliProcess::exited() const {
  if (pid_ <= 0) return true;
  siginfo_t info{};
  return ::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
         info.si_pid == pid_;
}

CommandResult RtcliProcess::wait() {
  CommandResult result;
  pollfd fds[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_count = 2;
  char buffer[4096];
  while (open_count > 0) {
    poll(fds, 2, -1);
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      } else {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_count;
      }
    }
  }
  out_fd_ = err_fd_ = -1;
  int status = 0;
  rusage usage{};
  wait4(pid_, &status, 0, &usage);
  result.max_rss_kib = usage.ru_maxrss;
  pid_ = -1;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

namespace {
// One "Name:\tvalue" line of /proc/PID/status or /proc/PID/io, or "" if there is none.
std::string proc_field(pid_t pid, const char* file, const std::string& name) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/" + file);
  for (std::string line; std::getline(in, line);)
    if (line.starts_with(name + ":")) return line.substr(name.size() + 1);
  return "";
}
}  // namespace

bool handles_signal(pid_t pid, int signal_number) {
  const std::uint64_t bit = std::uint64_t{1} << (signal_number - 1);
  for (const char* mask : {"SigBlk", "SigCgt"}) {
    const std::string hex = proc_field(pid, "status", mask);
    if (!hex.empty() && (std::stoull(hex, nullptr, 16) & bit)) return true;
  }
  return false;
}

std::string wait_channel(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/wchan");
  std::string name;
  std::getline(in, name);
  return name == "0" ? "" : name;
}

long long bytes_read(pid_t pid) {
  const std::string rchar = proc_field(pid, "io", "rchar");
  return rchar.empty() ? -1 : std::stoll(rchar);
}

std::vector<std::string> hidden_files(const std::filesystem::path& folder) {
  std::vector<std::string> hidden;
  for (const std::string& name : list_folder(folder))
    if (name.front() == '.') hidden.push_back(name);
  return hidden;
}

}  // namespace rtcli::test

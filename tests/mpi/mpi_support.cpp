#include "mpi/mpi_support.h"

#include <unistd.h>

#include <fstream>

#include "test_support.h"

namespace rtcli::test {

namespace fs = std::filesystem;

bool mpi_built() {
  return !std::string(RTCLI_MPIEXEC).empty();
}

std::vector<std::string> launcher_options() {
  // In a sanitizer build, LeakSanitizer would report what OpenMPI's libraries and plugins keep
  // until exit (their frames have no frame pointers, so no suppression can name them); rtcli's
  // own leaks are checked by every test that runs it without mpirun.
  return {"-q", "--oversubscribe", "-x", "LSAN_OPTIONS=detect_leaks=0"};
}

namespace {
// OpenMPI keeps each job's session files under $TMPDIR/ompi.HOST.UID/, and a job that ends
// removes that folder once it looks empty: under ctest -j, another job's mkdir there then fails
// (ORTE_ERROR_LOG ... session_dir.c). Each test process gives its jobs a folder of their own.
ChildLimits with_own_session_folder(ChildLimits limits) {
  static const TempDir folder;
  limits.environment.push_back("TMPDIR=" + folder.path().string());
  return limits;
}
}  // namespace

RtcliProcess mpirun(int ranks, const std::vector<std::string>& args, const ChildLimits& limits) {
  std::vector<std::string> all = launcher_options();
  all.insert(all.end(), {"-n", std::to_string(ranks), RTCLI_BINARY});
  all.insert(all.end(), args.begin(), args.end());
  return RtcliProcess(all, with_own_session_folder(limits), RTCLI_MPIEXEC);
}

RtcliProcess mpirun_each(const std::vector<std::vector<std::string>>& args_per_rank) {
  std::vector<std::string> all = launcher_options();
  const std::size_t options = all.size();
  for (const auto& args : args_per_rank) {
    if (all.size() > options) all.push_back(":");
    all.insert(all.end(), {"-n", "1", RTCLI_BINARY});
    all.insert(all.end(), args.begin(), args.end());
  }
  return RtcliProcess(all, with_own_session_folder({}), RTCLI_MPIEXEC);
}

int error_lines(const std::string& err) {
  int lines = 0;
  for (std::size_t at = err.find("rtcli: error:"); at != std::string::npos;
       at = err.find("rtcli: error:", at + 1))
    ++lines;
  return lines;
}

bool ranks_handle(const std::vector<pid_t>& ranks, int signal_number) {
  return wait_until(
      [&] {
        for (const pid_t rank : ranks)
          if (!handles_signal(rank, signal_number)) return false;
        return true;
      },
      kStart);
}

std::vector<pid_t> rank_pids(pid_t launcher) {
  std::vector<pid_t> pids;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string pid, comm, state;
    pid_t parent = 0;
    if (!(stat >> pid >> comm >> state >> parent)) continue;
    if (parent == launcher && comm == "(rtcli)") pids.push_back(std::stoi(pid));
  }
  return pids;
}

int rank_number(pid_t pid) {
  std::ifstream environ("/proc/" + std::to_string(pid) + "/environ");
  std::string variable;
  const std::string key = "OMPI_COMM_WORLD_RANK=";
  while (std::getline(environ, variable, '\0'))
    if (variable.starts_with(key)) return std::stoi(variable.substr(key.size()));
  return -1;
}

bool running(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string id, comm, state;
  return static_cast<bool>(stat >> id >> comm >> state) && state != "Z";
}

std::vector<std::string> unwhole_files(const fs::path& folder) {
  std::vector<std::string> problems;
  for (const std::string& name : list_folder(folder)) {
    if (name.starts_with("."))
      problems.push_back(name + " is a temporary");
    else if (!read_png(folder / name))
      problems.push_back(name + " is not a whole PNG");
  }
  return problems;
}

}  // namespace rtcli::test

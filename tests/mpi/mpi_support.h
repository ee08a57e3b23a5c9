// Running rtcli under mpirun in tests: the job, its ranks' processes, and what they left.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "child_process.h"

// Every MPI test starts with it: without MPI in the build there is nothing to run.
#define SKIP_WITHOUT_MPI()                                                             \
  if (!::rtcli::test::mpi_built())                                                     \
  GTEST_SKIP() << "MPI is not built into rtcli (RTCLI_WITH_MPI off or libopenmpi-dev " \
                  "missing), so there is nothing to run under mpirun"

namespace rtcli::test {

bool mpi_built();

// mpirun's options for every test job: -q (no banners of its own), --oversubscribe (more ranks
// than cores), leak checks off for the ranks in sanitizer builds (mpi_support.cpp).
std::vector<std::string> launcher_options();

// mpirun -q (no banners of its own) --oversubscribe (more ranks than cores) -n ranks rtcli
// args, with `limits` on every process of the job.
RtcliProcess mpirun(int ranks, const std::vector<std::string>& args,
                    const ChildLimits& limits = {});

// mpirun with one argument list per rank (MPMD: `-n 1 rtcli a : -n 1 rtcli b`).
RtcliProcess mpirun_each(const std::vector<std::vector<std::string>>& args_per_rank);

// Lines of stderr that are rtcli errors.
int error_lines(const std::string& err);

// Bounds that only catch a hang, never slowness: the machine may be shared and the build a
// sanitizer's. kStart: for a job's ranks to start, or to reach a point a test waits for;
// kHang: for a job to end once one of its ranks is killed or signalled.
inline constexpr std::chrono::seconds kStart{120};
inline constexpr std::chrono::seconds kHang{60};

// Waits until every one of `ranks` takes `signal_number` itself, so that a signal sent then
// reaches rtcli's handling rather than killing a rank that is still starting.
bool ranks_handle(const std::vector<pid_t>& ranks, int signal_number);

// The pids of the job's rtcli ranks: mpirun's children running rtcli.
std::vector<pid_t> rank_pids(pid_t launcher);

// A rank process's MPI rank, from its environment; -1 if unknown.
int rank_number(pid_t pid);

// Whether `pid` exists and is not a zombie waiting to be reaped.
bool running(pid_t pid);

// Every file in `folder` is a whole PNG and none is a temporary; lists the problems.
std::vector<std::string> unwhole_files(const std::filesystem::path& folder);

}  // namespace rtcli::test

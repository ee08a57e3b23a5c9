// Resource limits give one error line and exit 1, never a kill or an
// abort, and leave no temporary file or empty folder.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "child_process.h"
#include "test_support.h"

namespace rtcli::test {
namespace {

namespace fs = std::filesystem;

// Limits for a child that may start no (or few) threads. LeakSanitizer starts a thread when
// the process exits, which such a limit refuses, so leak checks are off in sanitizer builds.
ChildLimits thread_limits(std::size_t processes) {
  ChildLimits limits{.max_processes = processes};
  if (::getuid() == 0) limits.run_as_user = kNobody;  // RLIMIT_NPROC does not bind root
  const char* asan = std::getenv("ASAN_OPTIONS");
  limits.environment.push_back(std::string("ASAN_OPTIONS=") + (asan ? asan : "") +
                               ":detect_leaks=0");
  return limits;
}

void expect_one_error_line(const CommandResult& r, const std::string& part) {
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err.rfind("rtcli: error: ", 0), 0u) << r.err;
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  EXPECT_NE(r.err.find(part), std::string::npos) << r.err;
}

// `prlimit --fsize=100000 rtcli render` was killed by SIGXFSZ (exit 153) and left a
// 100 KB temporary. SIGXFSZ is at its default in the child (ChildLimits).
TEST(ResourceLimits, FileSizeLimitIsOneErrorLineAndNoTemporary) {
  const TempDir dir;
  const fs::path out = dir / "out";
  RtcliProcess rtcli(
      {"render", "--size", "1000x800", "--scene", RTCLI_SOURCE_DIR "/profiles/showcase.json",
       "--checkpoints", "", "--quiet", "--out", out.string()},
      ChildLimits{.max_file_bytes = 20'000});
  const CommandResult r = rtcli.wait();
  expect_one_error_line(r, "cannot write " + (out / "final.png").string());
  EXPECT_NE(r.err.find("File too large"), std::string::npos) << r.err;
  EXPECT_EQ(list_folder(out), std::vector<std::string>{});
}

// bench writes its files after the work; a file it cannot write leaves neither a temporary nor
// the folders made for it.
TEST(ResourceLimits, BenchReportOverTheFileSizeLimitLeavesNoFolder) {
  const TempDir dir;
  RtcliProcess rtcli(
      {"bench", "--size", "16x8", "--repetitions", "1", "--latency-runs", "1", "--end-to-end-runs",
       "0", "--quiet", "--json", (dir / "new/sub/report.json").string()},
      ChildLimits{.max_file_bytes = 100});
  const CommandResult r = rtcli.wait();
  expect_one_error_line(r, "cannot write " + (dir / "new/sub/report.json").string());
  EXPECT_NE(r.err.find("File too large"), std::string::npos) << r.err;
  EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{});
}

// With no thread to spare (`prlimit --nproc=1` as a normal user), rtcli aborted with
// "terminate called after throwing std::system_error". RLIMIT_NPROC does not bind root, so the
// child runs as nobody when the tests run as root.
TEST(ResourceLimits, NoThreadAllowedIsOneErrorLineAndNoFolder) {
  const TempDir dir;
  fs::permissions(dir.path(), fs::perms::all);  // writable by nobody, who must still write nothing
  const fs::path out = dir / "out";
  const ChildLimits limits = thread_limits(1);
  RtcliProcess rtcli({"render", "--size", "64x48", "--out", out.string()}, limits);
  const CommandResult r = rtcli.wait();
  expect_one_error_line(r, "cannot start a thread: Resource temporarily unavailable");
  EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{});
}

// With a few threads allowed, a render either runs (a limit above what it needs) or fails the
// same way when its writer thread or a TBB worker is refused: one line, exit 1, no folder.
TEST(ResourceLimits, FewThreadsAllowedRunOrFailCleanly) {
  for (const std::string command : {"render", "bench"}) {
    for (const std::string threads : {"1", "4"}) {
      for (std::size_t processes = 2; processes <= 8; ++processes) {
        SCOPED_TRACE(command + " --threads " + threads + ", RLIMIT_NPROC " +
                     std::to_string(processes));
        const TempDir dir;
        fs::permissions(dir.path(), fs::perms::all);
        const fs::path out = dir / "out";
        const ChildLimits limits = thread_limits(processes);
        std::vector<std::string> args = {command,     "--size", "64x48",
                                         "--threads", threads,  "--quiet"};
        for (const std::string& a :
             command == "render" ? std::vector<std::string>{"--out", out.string()}
                                 : std::vector<std::string>{"--repetitions", "1", "--latency-runs",
                                                            "1", "--end-to-end-runs", "1", "--json",
                                                            (out / "r.json").string()})
          args.push_back(a);
        RtcliProcess rtcli(args, limits);
        const CommandResult r = rtcli.wait();
        if (r.exit_code == 0) {
          EXPECT_FALSE(list_folder(out).empty());
          continue;
        }
        expect_one_error_line(r, "Resource temporarily unavailable");
        EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{});
      }
    }
  }
}

}  // namespace
}  // namespace rtcli::test

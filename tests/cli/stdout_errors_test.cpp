// Output that cannot be written is an error: with stdout on a full device every command that
// prints fails with one line and exit 1, as coreutils do. The device is a private node (mknod
// in a temporary folder), never the real /dev/full.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <string>
#include <vector>

#include "child_process.h"
#include "test_support.h"

namespace rtcli::test {
namespace {

struct PrintingCommand {
  std::string name;
  std::vector<std::string> args;  // "DIR" stands for a fresh output folder
};

class StdoutErrors : public ::testing::TestWithParam<PrintingCommand> {};

CommandResult run_with_stdout(const PrintingCommand& command, const TempDir& dir,
                              const std::string& stdout_file) {
  std::vector<std::string> args;
  for (const std::string& a : command.args) args.push_back(a == "DIR" ? (dir / "out").string() : a);
  RtcliProcess process(args, ChildLimits{.stdout_file = stdout_file});
  return process.wait();
}

TEST_P(StdoutErrors, FullDeviceIsOneLineAndExit1) {
  const TempDir dir;
  if (::mknod((dir / "full").c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0 ||
      ::mknod((dir / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0)
    GTEST_SKIP() << "mknod needs root (CAP_MKNOD): stdout errors not checked";

  // One error line, the last; bench may warn of a busy machine before it.
  const CommandResult full = run_with_stdout(GetParam(), dir, (dir / "full").string());
  EXPECT_EQ(full.exit_code, 1) << full.err;
  const std::string error = "rtcli: error: cannot write to stdout: No space left on device\n";
  ASSERT_GE(full.err.size(), error.size()) << full.err;
  EXPECT_EQ(full.err.substr(full.err.size() - error.size()), error);
  EXPECT_EQ(full.err.find("rtcli: error:"), full.err.size() - error.size()) << full.err;

  // The same command succeeds where its output can go.
  std::filesystem::remove_all(dir / "out");
  const CommandResult null = run_with_stdout(GetParam(), dir, (dir / "null").string());
  EXPECT_EQ(null.exit_code, 0) << null.err;
  EXPECT_EQ(null.err.find("rtcli: error:"), std::string::npos) << null.err;

  struct stat info {};
  ASSERT_EQ(::stat((dir / "full").c_str(), &info), 0);
  EXPECT_TRUE(S_ISCHR(info.st_mode)) << "the private full node was replaced";
}

INSTANTIATE_TEST_SUITE_P(
    EveryCommandThatPrints, StdoutErrors,
    ::testing::Values(
        PrintingCommand{"render",
                        {"render", "--size", "16x8", "--checkpoints", "", "--out", "DIR"}},
        PrintingCommand{"bench",
                        {"bench", "--size", "16x8", "--repetitions", "1", "--warmup", "0",
                         "--latency-runs", "1", "--end-to-end-runs", "0"}},
        PrintingCommand{"version", {"--version"}}, PrintingCommand{"help", {"--help"}},
        PrintingCommand{"render_help", {"render", "--help"}}),
    [](const auto& test) { return test.param.name; });

}  // namespace
}  // namespace rtcli::test

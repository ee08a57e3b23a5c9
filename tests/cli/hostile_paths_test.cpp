// Output paths a hostile or careless user gives, for render and bench alike. Device
// nodes are private (mknod in a temporary folder), never the real /dev/null or /dev/full, and
// each test checks afterwards that they are still devices.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace rtcli::test {
namespace {

namespace fs = std::filesystem;

void expect_one_error_line(const CommandResult& r, int exit_code, const std::string& part) {
  EXPECT_EQ(r.exit_code, exit_code) << r.err;
  EXPECT_EQ(r.err.rfind("rtcli: error: ", 0), 0u) << r.err;
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  EXPECT_NE(r.err.find(part), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

bool is_char_device(const fs::path& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0 && S_ISCHR(info.st_mode);
}

// Private /dev/null and /dev/full, or a skip where mknod is not allowed.
struct DeviceNodes {
  TempDir dir;
  bool made = ::mknod((dir / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0 &&
              ::mknod((dir / "full").c_str(), S_IFCHR | 0666, makedev(1, 7)) == 0;
  ~DeviceNodes() {
    if (!made) return;
    EXPECT_TRUE(is_char_device(dir / "null")) << "the private null node was replaced";
    EXPECT_TRUE(is_char_device(dir / "full")) << "the private full node was replaced";
  }
};

#define SKIP_UNLESS_MADE(nodes) \
  if (!(nodes).made) GTEST_SKIP() << "mknod needs root (CAP_MKNOD): device nodes not checked"

std::vector<std::string> tiny_bench() {
  return {"bench", "--size",         "16x8", "--repetitions",
          "1",     "--latency-runs", "1",    "--end-to-end-runs",
          "1",     "--quiet"};
}

// As root, bench replaced /dev/null (and /dev/full, and a link to either) with its
// report. Every bench output is refused, exit 2, before any work, the nodes left as they were.
TEST(HostilePaths, BenchNeverReplacesADevice) {
  const DeviceNodes nodes;
  SKIP_UNLESS_MADE(nodes);
  fs::create_symlink(nodes.dir / "null", nodes.dir / "null_link.json");
  const fs::path report = nodes.dir / "report.json";
  for (const auto& [flag, target] :
       std::vector<std::pair<std::string, fs::path>>{{"--json", nodes.dir / "null"},
                                                     {"--json", nodes.dir / "full"},
                                                     {"--trace", nodes.dir / "null_link.json"},
                                                     {"--latency-map", nodes.dir / "null"}}) {
    std::vector<std::string> args = tiny_bench();
    for (const std::string& a : {flag, target.string()}) args.push_back(a);
    if (flag != "--json")
      for (const std::string& a : {std::string("--json"), report.string()}) args.push_back(a);
    const CommandResult r = run_rtcli(args);
    expect_one_error_line(r, 2, flag + " '" + target.string() + "' is a device, FIFO or socket");
    EXPECT_FALSE(fs::exists(report)) << flag;
  }
  EXPECT_TRUE(fs::is_symlink(nodes.dir / "null_link.json"));
}

// Render: a device, FIFO or link to one where a checkpoint or final.png would go.
TEST(HostilePaths, RenderNeverReplacesADeviceOrFifoInItsFolder) {
  const DeviceNodes nodes;
  SKIP_UNLESS_MADE(nodes);
  const fs::path out = nodes.dir / "out";
  fs::create_directory(out);
  fs::create_symlink(nodes.dir / "null", out / "final.png");
  const CommandResult r = run_rtcli({"render", "--size", "16x8", "--quiet", "--out", out.string()});
  expect_one_error_line(r, 2, "output file '" + (out / "final.png").string() + "' is a device");
  EXPECT_EQ(list_folder(out), std::vector<std::string>{"final.png"});
  EXPECT_TRUE(fs::is_symlink(out / "final.png"));

  fs::remove(out / "final.png");
  ASSERT_EQ(::mkfifo((out / "1000.png").c_str(), 0600), 0);
  const CommandResult fifo =
      run_rtcli({"render", "--size", "16x8", "--quiet", "--out", out.string()});
  expect_one_error_line(fifo, 2, "output file '" + (out / "1000.png").string() + "' is a device");
  EXPECT_EQ(list_folder(out), std::vector<std::string>{"1000.png"});
}

// A link to a regular file is followed: the file is replaced, the link stays.
TEST(HostilePaths, BenchWritesThroughALinkToARegularFile) {
  const TempDir dir;
  std::ofstream(dir / "real.json") << "old";
  fs::create_symlink("real.json", dir / "link.json");
  std::vector<std::string> args = tiny_bench();
  for (const std::string& a : {std::string("--json"), (dir / "link.json").string()})
    args.push_back(a);
  const CommandResult r = run_rtcli(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
  EXPECT_NE(read_file(dir / "real.json").find("rtcli.bench/1"), std::string::npos);
  EXPECT_EQ(list_folder(dir.path()), (std::vector<std::string>{"link.json", "real.json"}));
}

// A checkpoint whose file name is too long was found only after files were written.
TEST(HostilePaths, CheckpointNameTooLongIsRefusedBeforeAnyFile) {
  const TempDir dir;
  const fs::path out = dir / "out";
  const std::string long_percent = "50." + std::string(250, '0') + "%";
  const CommandResult r = run_rtcli(
      {"render", "--size", "16x8", "--checkpoints", "1r," + long_percent, "--out", out.string()});
  expect_one_error_line(r, 2, "the file name is too long");
  EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{});
}

// Two outputs that are one file through a link.
TEST(HostilePaths, BenchOutputsThatAreOneFileThroughALinkAreRefused) {
  const TempDir dir;
  fs::create_directory(dir / "y");
  fs::create_directory_symlink("y", dir / "ylink");
  std::ofstream(dir / "y/a.json") << "keep";
  std::vector<std::string> args = tiny_bench();
  for (const std::string& a : {std::string("--json"), (dir / "y/a.json").string(),
                               std::string("--trace"), (dir / "ylink/a.json").string()})
    args.push_back(a);
  const CommandResult r = run_rtcli(args);
  expect_one_error_line(r, 2, "is the same file as --json");
  EXPECT_EQ(read_file(dir / "y/a.json"), "keep");
}

// A newline in a path kept the error on two lines.
TEST(HostilePaths, ANewlineInAPathIsEscapedInTheErrorLine) {
  const TempDir dir;
  std::ofstream(dir / "a\nfile") << "x";
  const CommandResult r =
      run_rtcli({"render", "--size", "16x8", "--out", (dir / "a\nfile").string()});
  expect_one_error_line(r, 2, "a\\nfile' is an existing file");
}

// One rule for empty values: refused, except --checkpoints "" (no checkpoints).
TEST(HostilePaths, EmptyValuesAreRefusedExceptAnEmptyCheckpointList) {
  const TempDir dir;
  const fs::path out = dir / "out";
  for (const std::string flag : {"--scene", "--threads", "--out", "--size", "--accel"}) {
    const CommandResult r = run_rtcli({"render", "--out", out.string(), flag, ""});
    expect_one_error_line(r, 2, flag + ": empty value");
  }
  for (const std::string flag : {"--json", "--trace", "--latency-map", "--scene", "--threads"}) {
    const CommandResult r = run_rtcli({"bench", flag, ""});
    expect_one_error_line(r, 2, flag + ": empty value");
  }
  EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{});
  const CommandResult none = run_rtcli(
      {"render", "--size", "16x8", "--quiet", "--checkpoints", "", "--out", out.string()});
  EXPECT_EQ(none.exit_code, 0) << none.err;
  EXPECT_EQ(list_folder(out), std::vector<std::string>{"final.png"});
}

// Rows 8 and 9 end to end: a key holding ESC and BEL (as JSON escapes) is printed escaped, and
// a name of the wrong type is refused like any other key.
TEST(HostilePaths, SceneKeysWithControlCharactersAreEscaped) {
  const TempDir dir;
  std::ofstream(dir / "esc.json")
      << R"({"spheres": [], "lights": [{"position": [0,0,0], "\u001b[2J\u0007": 1}]})";
  const CommandResult r = run_rtcli(
      {"render", "--scene", (dir / "esc.json").string(), "--out", (dir / "out").string()});
  expect_one_error_line(r, 1, "unknown key '\\x1b[2J\\x07'");
  for (const char c : r.err.substr(0, r.err.size() - 1))
    EXPECT_GE(static_cast<unsigned char>(c), 0x20) << "raw control byte in " << r.err;

  std::ofstream(dir / "name.json")
      << R"({"spheres": [{"centre": [0,0,5], "radius": 1, "name": {"a": []}}], "lights": [{"position": [0,0,0]}]})";
  const CommandResult name = run_rtcli(
      {"render", "--scene", (dir / "name.json").string(), "--out", (dir / "out").string()});
  expect_one_error_line(name, 1, "spheres[0].name: expected a string");
  EXPECT_FALSE(fs::exists(dir / "out"));
}

}  // namespace
}  // namespace rtcli::test

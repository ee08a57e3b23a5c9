// Output faults: a full disk, a read-only or vanishing folder, a write that fails midway, two
// processes writing one folder. Each gives one clear error and a non-zero exit, and no file
// under a final name is ever partial.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <set>

#include "child_process.h"
#include "test_support.h"

namespace rtcli::test {
namespace {

using std::chrono::milliseconds;

// A small tmpfs mounted on a fresh folder, unmounted when the object dies. Mounting needs
// root (CAP_SYS_ADMIN); tests skip visibly where it is not allowed.
class Tmpfs {
 public:
  explicit Tmpfs(const std::string& options) {
    if (::mount("rtcli-test", dir_.path().c_str(), "tmpfs", 0, options.c_str()) == 0)
      mounted_ = true;
    else
      why_not_ = std::strerror(errno);
  }
  ~Tmpfs() {
    if (mounted_) ::umount2(dir_.path().c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  const std::string& why_not() const { return why_not_; }
  const std::filesystem::path& path() const { return dir_.path(); }
  // Read-only from now on. Refused (EBUSY) while a file is open for writing, so it retries.
  bool remount_read_only() const {
    return wait_until(
        [&] {
          return ::mount(nullptr, dir_.path().c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) ==
                 0;
        },
        milliseconds(10'000));
  }

 private:
  TempDir dir_;
  bool mounted_ = false;
  std::string why_not_;
};

#define SKIP_UNLESS_MOUNTED(fs) \
  if (!(fs).mounted()) GTEST_SKIP() << "cannot mount a tmpfs here: " << (fs).why_not()

// The guarantee itself: every .png under its final name decodes whole at the expected size,
// and no temporary file is left behind.
void expect_only_whole_files(const std::filesystem::path& out,
                             const std::set<std::pair<int, int>>& sizes) {
  for (const std::string& name : list_folder(out)) {
    EXPECT_NE(name.front(), '.') << "temporary file left behind: " << name;
    const std::optional<Image> image = read_png(out / name);
    ASSERT_TRUE(image) << name << " is not a whole PNG";
    EXPECT_TRUE(sizes.count({image->width, image->height}))
        << name << " is " << image->width << "x" << image->height;
  }
}

void expect_one_error_line(const CommandResult& r, const std::string& part) {
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err.rfind("rtcli: error: cannot write ", 0), 0u) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  EXPECT_NE(r.err.find(part), std::string::npos) << r.err;
}

// The size of each file a normal run writes, so that limits below follow the PNG encoder.
std::map<std::string, std::uintmax_t> file_sizes_of_run(const std::vector<std::string>& flags) {
  const TempDir dir;
  std::vector<std::string> args = {"render", "--quiet", "--out", dir.path().string()};
  args.insert(args.end(), flags.begin(), flags.end());
  const CommandResult r = run_rtcli(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::uintmax_t> sizes;
  for (const std::string& name : list_folder(dir.path()))
    sizes[name] = std::filesystem::file_size(dir / name);
  return sizes;
}

// A tmpfs with room for about half of what the run writes: it fills up partway.
TEST(OutputFaults, DiskFullGivesOneErrorAndNoPartialFile) {
  const std::vector<std::string> flags = {"--size", "800x600", "--checkpoints", "10%,50%,90%"};
  std::uintmax_t total = 0;
  for (const auto& [name, bytes] : file_sizes_of_run(flags)) total += bytes;
  const Tmpfs fs("size=" + std::to_string(total / 2 / 4096 * 4096 + 4096) + ",mode=0755");
  SKIP_UNLESS_MOUNTED(fs);
  std::vector<std::string> args = {"render", "--quiet", "--out", fs.path().string()};
  args.insert(args.end(), flags.begin(), flags.end());
  const CommandResult r = run_rtcli(args);
  expect_one_error_line(r, "No space left on device");
  EXPECT_FALSE(std::filesystem::exists(fs.path() / "final.png"));
  expect_only_whole_files(fs.path(), {{800, 600}});
}

TEST(OutputFaults, ReadOnlyFolderGivesOneError) {
  const Tmpfs fs("size=1m,mode=0755");
  SKIP_UNLESS_MOUNTED(fs);
  ASSERT_TRUE(fs.remount_read_only());
  const CommandResult r = run_rtcli({"render", "--size", "64x48", "--out", fs.path().string()});
  expect_one_error_line(r, "Read-only file system");
  EXPECT_NE(r.err.find("final.png"), std::string::npos) << r.err;  // the first file it opens
  EXPECT_EQ(list_folder(fs.path()), std::vector<std::string>{});
}

// A folder cannot turn read-only under a running render: rtcli keeps final.png's temporary
// open for writing from the first strip, and the kernel refuses to remount a file system
// read-only (EBUSY) while a file on it is open for writing. The failure modes left are the
// ones tested here: read-only from the start, a full disk, a file-size limit.

// An injected write failure with no hook in rtcli: RLIMIT_FSIZE makes write() fail with EFBIG
// once a file would pass the limit, set between the sizes of a small and a large checkpoint.
TEST(OutputFaults, WriteFailingMidwayLeavesNoTruncatedFile) {
  const std::vector<std::string> flags = {"--size", "800x600", "--checkpoints", "1%,90%"};
  const std::map<std::string, std::uintmax_t> sizes = file_sizes_of_run(flags);
  ASSERT_LT(sizes.at("1pct.png"), sizes.at("90pct.png"));
  const TempDir dir;
  const std::filesystem::path out = dir / "out";
  std::vector<std::string> args = {"render", "--quiet", "--out", out.string()};
  args.insert(args.end(), flags.begin(), flags.end());
  RtcliProcess rtcli(
      args, ChildLimits{.max_file_bytes = (sizes.at("1pct.png") + sizes.at("90pct.png")) / 2});
  const CommandResult r = rtcli.wait();
  expect_one_error_line(r, "File too large");
  EXPECT_NE(r.err.find("90pct.png"), std::string::npos) << r.err;
  EXPECT_EQ(list_folder(out), std::vector<std::string>{"1pct.png"});
  expect_only_whole_files(out, {{800, 600}});
}

// Two runs of different sizes into one folder at once, several times: each file is one run's
// whole image, never a mix or a fragment.
TEST(OutputFaultsConcurrent, TwoProcessesInOneFolderNeverCorruptAFile) {
  const TempDir dir;
  for (int round = 0; round < 3; ++round) {
    RtcliProcess a({"render", "--size", "400x300", "--checkpoints", "1%,50%", "--quiet", "--out",
                    dir.path().string()});
    RtcliProcess b({"render", "--size", "320x240", "--checkpoints", "1%,50%", "--quiet", "--out",
                    dir.path().string()});
    const CommandResult ra = a.wait();
    const CommandResult rb = b.wait();
    EXPECT_EQ(ra.exit_code, 0) << ra.err;
    EXPECT_EQ(rb.exit_code, 0) << rb.err;
    EXPECT_EQ(list_folder(dir.path()),
              (std::vector<std::string>{"1pct.png", "50pct.png", "final.png"}));
    expect_only_whole_files(dir.path(), {{400, 300}, {320, 240}});
  }
}

}  // namespace
}  // namespace rtcli::test

// rtcli render under mpirun: the same bytes as one process, and the job's failures.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "child_process.h"
#include "mpi/mpi_support.h"
#include "test_support.h"

namespace rtcli::test {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string profile(const std::string& name) {
  return std::string(RTCLI_SOURCE_DIR) + "/profiles/" + name + ".json";
}

struct Case {
  std::string scene;  // empty: the seed scene
  std::vector<std::string> flags;
};

// One process, then 2 and 3 ranks (one worker each): every file byte for byte the same.
void expect_same_bytes_over_ranks(const std::string& name, const Case& c) {
  const TempDir scratch;
  const fs::path& folder = scratch.path();
  std::vector<std::string> args{"render", "-q"};
  if (!c.scene.empty()) args.insert(args.end(), {"--scene", c.scene});
  args.insert(args.end(), c.flags.begin(), c.flags.end());
  const auto with_out = [&](const std::string& sub, std::vector<std::string> a) {
    a.insert(a.end(), {"--out", (folder / sub).string()});
    return a;
  };
  const CommandResult one = RtcliProcess(with_out("one", args)).wait();
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const std::vector<std::string> files = list_folder(folder / "one");
  ASSERT_GE(files.size(), 2u);
  for (const int ranks : {2, 3}) {
    std::vector<std::string> ranked = with_out(std::to_string(ranks), args);
    ranked.insert(ranked.end(), {"--threads", "1"});
    const CommandResult r = mpirun(ranks, ranked).wait();
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const fs::path got = folder / std::to_string(ranks);
    EXPECT_EQ(list_folder(got), files) << ranks << " ranks";
    for (const std::string& file : files)
      EXPECT_TRUE(read_file(got / file) == read_file(folder / "one" / file))
          << name << ": " << file << " differs with " << ranks << " ranks";
  }
}

TEST(RenderRanks, SeedBytesMatchOneProcess) {
  SKIP_WITHOUT_MPI();
  expect_same_bytes_over_ranks(
      "seed", {"", {"--size", "333x217", "--tile", "37x5", "--checkpoints", "10%,100r,60%,300"}});
}

TEST(RenderRanks, ShowcaseBytesMatchOneProcess) {
  SKIP_WITHOUT_MPI();
  expect_same_bytes_over_ranks(
      "showcase", {profile("showcase"),
                   {"--size", "401x299", "--tile", "4096x3", "--checkpoints", "1r,33%,250r"}});
}

TEST(RenderRanks, Field10000BytesMatchOneProcess) {
  SKIP_WITHOUT_MPI();
  expect_same_bytes_over_ranks(
      "field", {profile("field-10000"),
                {"--size", "257x190", "--tile", "64x64", "--checkpoints", "50%,99%"}});
}

TEST(RenderRanks, ASceneOneRankCannotReadEndsTheJobWithNoFile) {
  SKIP_WITHOUT_MPI();
  const TempDir scratch;
  const fs::path& folder = scratch.path();
  const std::vector<std::string> common{"render", "--size", "64x48", "--out", folder.string()};
  std::vector<std::string> rank0 = common;
  std::vector<std::string> rank1 = common;
  rank0.insert(rank0.end(), {"--scene", profile("showcase")});
  rank1.insert(rank1.end(), {"--scene", (folder / "missing.json").string()});
  const auto start = std::chrono::steady_clock::now();
  const CommandResult r = mpirun_each({rank0, rank1}).wait();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_LT(seconds, kHang.count());
  EXPECT_NE(r.err.find("rtcli: error: rank 1:"), std::string::npos) << r.err;
  EXPECT_TRUE(unwhole_files(folder).empty());
  for (const std::string& name : list_folder(folder)) ADD_FAILURE() << "left " << name;
}

// A render slow enough to be caught in the middle (about 10 s on 2 ranks here): 10,000 spheres
// without their hierarchy, a wide frame cut into 15 bands of 7 rows (one PNG strip each), so the
// first checkpoint (1r.png) comes early whichever rank takes the first band.
std::vector<std::string> slow_render(const fs::path& folder) {
  return {"render",
          "--size",
          "3000x100",
          "--tile",
          "4096x1",
          "--scene",
          profile("field-10000"),
          "--accel",
          "none",
          "--threads",
          "1",
          "--checkpoints",
          "1r,50%,75%",
          "-q",
          "--out",
          folder.string()};
}

// A full disk on rank 0, mid-render: its file-size limit is lowered once the job runs (MPI's
// start-up needs large shared-memory files), and a shell has it ignore SIGXFSZ (mpirun restores
// the default for its ranks), so the next write fails with EFBIG as on a full disk.
TEST(RenderRanks, AFullDiskOnRank0EndsTheJobWithEveryFileWhole) {
  SKIP_WITHOUT_MPI();
  const TempDir scratch;
  const fs::path& folder = scratch.path();
  std::vector<std::string> args = launcher_options();
  args.insert(args.end(),
              {"-n", "2", "/bin/sh", "-c", "trap '' XFSZ; exec \"$0\" \"$@\"", RTCLI_BINARY});
  const std::vector<std::string> render = slow_render(folder);
  args.insert(args.end(), render.begin(), render.end());
  RtcliProcess job(args, {}, RTCLI_MPIEXEC);
  std::vector<pid_t> ranks;
  ASSERT_TRUE(wait_until([&] { return (ranks = rank_pids(job.pid())).size() == 2; }, kStart));
  ASSERT_TRUE(wait_until([&] { return fs::exists(folder / "1r.png"); }, kStart));
  const rlimit full{1, 1};  // nothing more can be appended to any file
  for (const pid_t rank : ranks) {
    if (rank_number(rank) != 0) continue;
    ASSERT_EQ(prlimit(rank, RLIMIT_FSIZE, &full, nullptr), 0);
  }
  const CommandResult r = job.wait();
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(error_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("rank 0"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(folder / "final.png"));
  const std::vector<std::string> problems = unwhole_files(folder);
  EXPECT_TRUE(problems.empty()) << problems.front();
}

TEST(RenderRanks, AKilledRankEndsTheJobPromptlyWithEveryFileWhole) {
  SKIP_WITHOUT_MPI();
  const TempDir scratch;
  const fs::path& folder = scratch.path();
  RtcliProcess job = mpirun(2, slow_render(folder));
  std::vector<pid_t> ranks;
  ASSERT_TRUE(wait_until([&] { return (ranks = rank_pids(job.pid())).size() == 2; }, kStart));
  ASSERT_TRUE(wait_until([&] { return fs::exists(folder / "1r.png"); }, kStart));
  const auto killed_at = std::chrono::steady_clock::now();
  kill(ranks.back(), SIGKILL);
  const CommandResult r = job.wait();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - killed_at).count();
  EXPECT_NE(r.exit_code, 0);
  EXPECT_LT(seconds, kHang.count()) << "the job outlived its killed rank";
  EXPECT_FALSE(fs::exists(folder / "final.png"));
  const std::vector<std::string> problems = unwhole_files(folder);
  EXPECT_TRUE(problems.empty()) << problems.front();
}

TEST(RenderRanks, SigintToEveryRankGives130WithCheckpointsWhole) {
  SKIP_WITHOUT_MPI();
  const TempDir scratch;
  const fs::path& folder = scratch.path();
  RtcliProcess job = mpirun(2, slow_render(folder));
  std::vector<pid_t> ranks;
  ASSERT_TRUE(wait_until([&] { return (ranks = rank_pids(job.pid())).size() == 2; }, kStart));
  ASSERT_TRUE(wait_until([&] { return fs::exists(folder / "1r.png"); }, kStart));
  for (const pid_t rank : ranks) kill(rank, SIGINT);
  const CommandResult r = job.wait();
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_TRUE(fs::exists(folder / "1r.png"));
  EXPECT_FALSE(fs::exists(folder / "final.png"));
  const std::vector<std::string> problems = unwhole_files(folder);
  EXPECT_TRUE(problems.empty()) << problems.front();
}

}  // namespace
}  // namespace rtcli::test

// rtcli under mpirun: the bench's merge over ranks, errors, a killed rank and a signal to mpirun.
// Each test starts one small job (about a second of mpirun start-up), to keep the suite short.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "child_process.h"
#include "mpi/mpi_support.h"
#include "test_support.h"

namespace rtcli::test {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

// A bench that runs until stopped, once every rank has started rendering.
std::vector<std::string> endless_bench(const fs::path& folder) {
  return {"bench",     "--size", "320x240",
          "--threads", "1",      "--repetitions",
          "100000",    "--json", (folder / "report.json").string(),
          "-q"};
}

TEST(Mpirun, BenchMergesEveryPixelOnceOverThreeRanks) {
  SKIP_WITHOUT_MPI();
  const TempDir scratch;
  const fs::path& folder = scratch.path();
  const fs::path report = folder / "report.json";
  const fs::path trace = folder / "trace.json";
  const CommandResult r =
      mpirun(3, {"bench", "--size", "97x61", "--tile", "13x7", "--threads", "1", "--repetitions",
                 "2", "--latency-runs", "2", "--end-to-end-runs", "0", "-q", "--json",
                 report.string(), "--trace", trace.string()})
          .wait();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(read_file(report));
  const std::uint64_t frame = 97 * 61;
  EXPECT_EQ(doc["config"]["ranks"], 3);
  EXPECT_EQ(doc["context"]["ranks"].size(), 3u);
  EXPECT_EQ(doc["latency"]["classes"]["all"]["count"], frame);
  EXPECT_EQ(doc["latency"]["classes"]["hit"]["count"].get<std::uint64_t>() +
                doc["latency"]["classes"]["background"]["count"].get<std::uint64_t>(),
            frame);
  std::uint64_t tiled = 0;
  for (const auto& tile : doc["tiles"]) {
    EXPECT_GE(tile["rank"].get<int>(), 0);
    EXPECT_LT(tile["rank"].get<int>(), 3);
    tiled += tile["pixels"].get<std::uint64_t>();
  }
  EXPECT_EQ(tiled, frame);
  std::uint64_t balanced = 0;
  for (const auto& load : doc["thread_balance"]) balanced += load["pixels"].get<std::uint64_t>();
  EXPECT_EQ(balanced, frame);
  // Each repetition's frame is split between the ranks, every pixel once.
  const auto& ranks = doc["throughput"][0]["ranks"];
  ASSERT_EQ(ranks.size(), 3u);
  for (std::size_t repetition = 0; repetition < 2; ++repetition) {
    std::uint64_t pixels = 0;
    for (const auto& rank : ranks) pixels += rank["pixels"][repetition].get<std::uint64_t>();
    EXPECT_EQ(pixels, frame);
  }
  // One trace process per rank.
  const std::string text = read_file(trace);
  for (int pid = 1; pid <= 3; ++pid)
    EXPECT_NE(text.find("\"name\":\"rtcli bench rank " + std::to_string(pid - 1)),
              std::string::npos);
}

TEST(Mpirun, BadInputPrintsOneErrorLineAndEveryRankExits2) {
  SKIP_WITHOUT_MPI();
  const CommandResult bad_size = mpirun(2, {"bench", "--size", "0x5"}).wait();
  EXPECT_EQ(bad_size.exit_code, 2) << bad_size.err;
  EXPECT_EQ(error_lines(bad_size.err), 1) << bad_size.err;
  EXPECT_NE(bad_size.err.find("0x5"), std::string::npos) << bad_size.err;
  // A check of rank 0's files: its verdict is every rank's.
  const TempDir scratch;
  const fs::path& folder = scratch.path();
  const CommandResult bad_output =
      mpirun(2, {"bench", "--size", "8x8", "--json", folder.string()}).wait();
  EXPECT_EQ(bad_output.exit_code, 2) << bad_output.err;
  EXPECT_EQ(error_lines(bad_output.err), 1) << bad_output.err;
  EXPECT_TRUE(list_folder(folder).empty());
}

// A trace records one process's threads; under a launcher it is refused before any file.
TEST(Mpirun, RenderTraceIsRefusedWithOneLineAndNoFile) {
  SKIP_WITHOUT_MPI();
  const TempDir scratch;
  const fs::path out = scratch.path() / "frames";
  const fs::path trace = scratch.path() / "trace.json";
  const CommandResult r =
      mpirun(2, {"render", "--size", "64x48", "--out", out.string(), "--trace", trace.string()})
          .wait();
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(error_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("--trace"), std::string::npos) << r.err;
  EXPECT_TRUE(list_folder(scratch.path()).empty());
}

TEST(Mpirun, AKilledRankEndsTheJobPromptlyWithNoFileLeft) {
  SKIP_WITHOUT_MPI();
  const TempDir scratch;
  const fs::path& folder = scratch.path();
  RtcliProcess job = mpirun(2, endless_bench(folder));
  std::vector<pid_t> ranks;
  ASSERT_TRUE(wait_until([&] { return (ranks = rank_pids(job.pid())).size() == 2; }, kStart));
  ASSERT_TRUE(ranks_handle(ranks, SIGINT));  // past start-up, into the timed renders
  const auto killed_at = std::chrono::steady_clock::now();
  kill(ranks.back(), SIGKILL);
  const CommandResult r = job.wait();
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - killed_at).count();
  EXPECT_NE(r.exit_code, 0);
  EXPECT_LT(seconds, kHang.count()) << "the job outlived its killed rank";
  EXPECT_TRUE(list_folder(folder).empty()) << "a report or temporary was left";
}

// srun forwards SIGINT to every task; rtcli then exits 130 on each rank, and so does the job.
TEST(Mpirun, SigintToEveryRankEndsTheJobWith130) {
  SKIP_WITHOUT_MPI();
  const TempDir scratch;
  const fs::path& folder = scratch.path();
  RtcliProcess job = mpirun(2, endless_bench(folder));
  std::vector<pid_t> ranks;
  ASSERT_TRUE(wait_until([&] { return (ranks = rank_pids(job.pid())).size() == 2; }, kStart));
  ASSERT_TRUE(ranks_handle(ranks, SIGINT));
  for (const pid_t rank : ranks) kill(rank, SIGINT);
  const CommandResult r = job.wait();
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_EQ(r.err.find("rtcli: error"), std::string::npos) << r.err;
  EXPECT_TRUE(list_folder(folder).empty());
}

// OpenMPI 4.1's mpirun turns SIGINT into SIGTERM for the ranks (then SIGKILL a second later)
// and itself exits 1 whatever they return (doc/guide.md, "Running on a cluster").
TEST(Mpirun, SigintToMpirunEndsTheJobPromptlyWithNoFileLeft) {
  SKIP_WITHOUT_MPI();
  const TempDir scratch;
  const fs::path& folder = scratch.path();
  RtcliProcess job = mpirun(2, endless_bench(folder));
  std::vector<pid_t> ranks;
  ASSERT_TRUE(wait_until([&] { return (ranks = rank_pids(job.pid())).size() == 2; }, kStart));
  ASSERT_TRUE(ranks_handle(ranks, SIGINT));
  const auto sent_at = std::chrono::steady_clock::now();
  job.send(SIGINT);
  const CommandResult r = job.wait();
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - sent_at).count();
  EXPECT_NE(r.exit_code, 0);
  EXPECT_LT(seconds, kHang.count());
  for (const pid_t rank : ranks)
    EXPECT_TRUE(wait_until([&] { return !running(rank); }, kHang))
        << "rank " << rank << " lives on";
  EXPECT_TRUE(list_folder(folder).empty());
}

}  // namespace
}  // namespace rtcli::test

#include "system/temp_files.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "test_support.h"

namespace rtcli::test {
namespace {

TEST(TempFiles, UnlinkAllRemovesRecordedFilesOnly) {
  const TempDir dir;
  for (const char* name : {"live", "done", "other"}) std::ofstream(dir / name) << name;
  temp_files::add((dir / "live").string());
  temp_files::add((dir / "done").string());
  temp_files::remove((dir / "done").string());  // renamed into place: no longer temporary

  temp_files::unlink_all();

  EXPECT_EQ(list_folder(dir.path()), (std::vector<std::string>{"done", "other"}));
  // The registry is empty afterwards: a later call removes nothing.
  std::ofstream(dir / "live") << "again";
  temp_files::unlink_all();
  EXPECT_TRUE(std::filesystem::exists(dir / "live"));
}

// A second signal during bench's end-to-end runs left the scratch folder.
TEST(TempFiles, UnlinkAllRemovesRecordedFoldersWithTheirContents) {
  const TempDir dir;
  std::filesystem::create_directories(dir / "scratch/0");
  std::ofstream(dir / "scratch/0/final.png") << "png";
  std::filesystem::create_directories(dir / "kept");
  temp_files::add_folder((dir / "scratch").string());
  temp_files::add_folder((dir / "kept").string());
  temp_files::remove_folder((dir / "kept").string());

  temp_files::unlink_all();

  EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{"kept"});
}

// The exit on a second signal raced the unwinding run: a folder made in the scratch folder while
// it was being removed kept it alive. The exit now waits for a change in progress. Here the
// change starts before the exit and makes its entry after the exit began, recreating the folder
// if the exit did not wait. Run in a child process (a death test): the exit holds its lock for
// good.
TEST(TempFilesDeathTest, UnlinkAllAndHoldWaitsForAChangeInProgress) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const TempDir dir;
  const auto run = [&] {
    const std::filesystem::path scratch = dir / "scratch";
    std::filesystem::create_directories(scratch);
    temp_files::add_folder(scratch.string());
    std::atomic<bool> holding{false};
    std::atomic<bool> exiting{false};
    std::thread unwinding([&] {
      const temp_files::FileChange change;
      holding.store(true);
      while (!exiting.load()) std::this_thread::yield();
      std::filesystem::create_directories(scratch / "run");
    });
    while (!holding.load()) std::this_thread::yield();
    exiting.store(true);
    temp_files::unlink_all_and_hold();
    const int code = std::filesystem::exists(scratch) ? 1 : 42;
    unwinding.join();
    std::filesystem::remove_all(dir.path());  // std::exit skips the TempDir's destructor
    std::exit(code);
  };
  EXPECT_EXIT(run(), ::testing::ExitedWithCode(42), "");
}

}  // namespace
}  // namespace rtcli::test

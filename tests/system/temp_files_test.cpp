#include "system/temp_files.h"

#include <gtest/gtest.h>

#include <fstream>

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

}  // namespace
}  // namespace rtcli::test

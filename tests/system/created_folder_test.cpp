// A run that fails before its first file leaves no empty output folder.
#include "system/created_folder.h"

#include <gtest/gtest.h>

#include <fstream>

#include "system/errors.h"
#include "test_support.h"

namespace rtcli::test {
namespace {

TEST(CreatedFolder, RemovesTheFoldersItMadeWhenNotKept) {
  const TempDir dir;
  std::filesystem::create_directory(dir / "existing");
  { const CreatedFolder folder(dir / "existing/a/b/c/"); }
  EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{"existing"});
  EXPECT_EQ(list_folder(dir / "existing"), std::vector<std::string>{});
}

TEST(CreatedFolder, KeepsAFolderThatHoldsAFileAndAllWhenKept) {
  const TempDir dir;
  {
    const CreatedFolder folder(dir / "a/b");
    std::ofstream(dir / "a/b/0.png") << "png";
  }
  EXPECT_EQ(list_folder(dir / "a/b"), std::vector<std::string>{"0.png"});
  {
    CreatedFolder folder(dir / "c/d");
    folder.keep();
  }
  EXPECT_TRUE(std::filesystem::is_directory(dir / "c/d"));
}

TEST(CreatedFolder, NeverRemovesAFolderThatExistedBefore) {
  const TempDir dir;
  std::filesystem::create_directory(dir / "out");
  { const CreatedFolder folder(dir / "out"); }
  EXPECT_TRUE(std::filesystem::is_directory(dir / "out"));
}

TEST(CreatedFolder, FailsWithRunErrorUnderAFile) {
  const TempDir dir;
  std::ofstream(dir / "file") << "x";
  EXPECT_THROW(CreatedFolder(dir / "file/out"), RunError);
  EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{"file"});
}

}  // namespace
}  // namespace rtcli::test

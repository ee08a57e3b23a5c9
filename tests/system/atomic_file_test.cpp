#include "system/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "system/errors.h"
#include "test_support.h"

namespace rtcli {
namespace {

std::string pattern(std::size_t size, char seed) {
  std::string s(size, '\0');
  for (std::size_t i = 0; i < size; ++i) s[i] = static_cast<char>(seed + i * 7);
  return s;
}

TEST(AtomicFile, NothingUnderTheFinalNameUntilCommit) {
  const test::TempDir dir;
  AtomicFile file(dir / "a.png");
  file.write("hello ");
  file.write(pattern(200000, 'x'));  // larger than the buffer: goes straight to the file
  EXPECT_FALSE(std::filesystem::exists(dir / "a.png"));
  ASSERT_EQ(test::list_folder(dir.path()).size(), 1u);  // the hidden temporary
  EXPECT_EQ(test::list_folder(dir.path())[0].rfind(".a.png.tmp-", 0), 0u);
  file.commit();
  EXPECT_EQ(test::read_file(dir / "a.png"), "hello " + pattern(200000, 'x'));
  EXPECT_EQ(test::list_folder(dir.path()), std::vector<std::string>{"a.png"});
}

TEST(AtomicFile, CommittedFileIsReadableByEveryone) {
  const test::TempDir dir;
  write_file_atomically(dir / "b.png", "x");
  struct stat info {};
  ASSERT_EQ(::stat((dir / "b.png").c_str(), &info), 0);
  const mode_t mask = ::umask(0);
  ::umask(mask);
  EXPECT_EQ(info.st_mode & 0777, 0666 & ~mask);
}

TEST(AtomicFile, UncommittedFileLeavesNothingBehind) {
  const test::TempDir dir;
  write_file_atomically(dir / "c.png", "old");
  {
    AtomicFile file(dir / "c.png");
    file.write(pattern(100000, 'a'));
  }
  EXPECT_EQ(test::list_folder(dir.path()), std::vector<std::string>{"c.png"});
  EXPECT_EQ(test::read_file(dir / "c.png"), "old");
}

TEST(AtomicFile, AppendCopyTakesBytesFromTheFileAndFromItsBuffer) {
  const test::TempDir dir;
  AtomicFile source(dir / "source");
  const std::string big = pattern(150000, 'b');  // flushed to the file
  const std::string small = pattern(1000, 's');  // still in the buffer
  source.write(big);
  source.write(small);
  const std::string all = big + small;
  AtomicFile copy(dir / "copy");
  copy.write("head");
  copy.append_copy(source, 10, 100);       // from the file only
  copy.append_copy(source, 149000, 1500);  // across file and buffer
  copy.append_copy(source, 150100, 900);   // from the buffer only
  copy.append_copy(source, 0, 0);          // nothing
  EXPECT_EQ(copy.size(), 4u + 100 + 1500 + 900);
  EXPECT_THROW(copy.append_copy(source, all.size() - 5, 10), RunError);
  copy.commit();
  EXPECT_EQ(test::read_file(dir / "copy"),
            "head" + all.substr(10, 100) + all.substr(149000, 1500) + all.substr(150100, 900));
}

TEST(AtomicFile, AppendCopyAcrossFileSystemsFallsBackToReading) {
  // copy_file_range refuses to copy from tmpfs to another file system (EXDEV).
  if (!std::filesystem::is_directory("/dev/shm")) GTEST_SKIP() << "no /dev/shm";
  const test::TempDir shm("/dev/shm");
  const test::TempDir dir;
  AtomicFile source(shm / "source");
  const std::string big = pattern(300000, 'q');
  source.write(big);
  AtomicFile copy(dir / "copy");
  copy.append_copy(source, 5, big.size() - 5);
  copy.commit();
  EXPECT_EQ(test::read_file(dir / "copy"), big.substr(5));
}

TEST(AtomicFile, MissingFolderIsARunErrorNamingThePath) {
  const test::TempDir dir;
  try {
    write_file_atomically(dir / "missing" / "d.png", "x");
    FAIL() << "no error";
  } catch (const RunError& e) {
    EXPECT_NE(std::string(e.what()).find("missing/d.png"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(test::list_folder(dir.path()).empty());
}

}  // namespace
}  // namespace rtcli

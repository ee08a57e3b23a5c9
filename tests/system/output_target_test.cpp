// What an output path may name: regular files are replaced, through
// links; devices, FIFOs and sockets never are. Device nodes are private (mknod in a temporary
// folder), never the real /dev/null.
#include "system/output_target.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <fstream>

#include "system/atomic_file.h"
#include "system/errors.h"
#include "system/output_paths.h"
#include "test_support.h"

namespace rtcli::test {
namespace {

namespace fs = std::filesystem;

std::string refusal(const fs::path& path) {
  try {
    check_replaceable(path, "--json '" + path.string() + "'");
  } catch (const UsageError& e) {
    return e.what();
  }
  return "accepted";
}

bool is_char_device(const fs::path& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0 && S_ISCHR(info.st_mode);
}

TEST(OutputTarget, NothingYetOrARegularFileMayBeReplaced) {
  const TempDir dir;
  EXPECT_EQ(refusal(dir / "new.json"), "accepted");
  std::ofstream(dir / "old.json") << "{}";
  EXPECT_EQ(refusal(dir / "old.json"), "accepted");
  fs::create_symlink(dir / "old.json", dir / "link.json");
  EXPECT_EQ(refusal(dir / "link.json"), "accepted");
}

TEST(OutputTarget, FifosSocketsFoldersAndDanglingLinksAreRefused) {
  const TempDir dir;
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  EXPECT_NE(refusal(dir / "fifo").find("is a device, FIFO or socket"), std::string::npos);
  fs::create_symlink(dir / "fifo", dir / "to_fifo");
  EXPECT_NE(refusal(dir / "to_fifo").find("is a device, FIFO or socket"), std::string::npos);

  const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string socket_path = (dir / "sock").string();
  ASSERT_LT(socket_path.size(), sizeof address.sun_path);
  socket_path.copy(address.sun_path, socket_path.size());
  ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  EXPECT_NE(refusal(dir / "sock").find("is a device, FIFO or socket"), std::string::npos);
  ::close(sock);

  fs::create_directory(dir / "folder");
  EXPECT_NE(refusal(dir / "folder").find("is a folder"), std::string::npos);
  fs::create_symlink(dir / "missing", dir / "dangling");
  EXPECT_NE(refusal(dir / "dangling").find("symbolic link to a missing"), std::string::npos);
}

TEST(OutputTarget, DeviceNodesAreRefusedAndLeftAsTheyAre) {
  const TempDir dir;
  if (::mknod((dir / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0)
    GTEST_SKIP() << "mknod needs root (CAP_MKNOD): device nodes not checked";
  fs::create_symlink(dir / "null", dir / "to_null.json");
  EXPECT_NE(refusal(dir / "null").find("is a device, FIFO or socket"), std::string::npos);
  EXPECT_NE(refusal(dir / "to_null.json").find("is a device, FIFO or socket"), std::string::npos);
  // Even when the check was skipped, the write itself will not replace the node.
  EXPECT_THROW(write_file_atomically(dir / "null", "report"), RunError);
  EXPECT_THROW(write_file_atomically(dir / "to_null.json", "report"), RunError);
  EXPECT_TRUE(is_char_device(dir / "null"));
  EXPECT_TRUE(fs::is_symlink(dir / "to_null.json"));
  EXPECT_EQ(list_folder(dir.path()), (std::vector<std::string>{"null", "to_null.json"}));
}

// A name the file system refuses is found before anything is written.
TEST(OutputTarget, NamesTooLongForTheTemporaryAreRefused) {
  const TempDir dir;
  const std::string longest(255 - kTemporaryNameExtra, 'a');
  EXPECT_EQ(refusal(dir / longest), "accepted");
  EXPECT_NE(refusal(dir / (longest + "a")).find("the file name is too long (at most 243 bytes)"),
            std::string::npos);
  // And the longest accepted name can really be written.
  write_file_atomically(dir / longest, "x");
  EXPECT_EQ(read_file(dir / longest), "x");
}

TEST(OutputTarget, AWriteThroughALinkReplacesTheFileAndKeepsTheLink) {
  const TempDir dir;
  std::ofstream(dir / "real.json") << "old";
  fs::create_symlink("real.json", dir / "link.json");
  write_file_atomically(dir / "link.json", "new");
  EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
  EXPECT_EQ(read_file(dir / "real.json"), "new");
  EXPECT_EQ(list_folder(dir.path()), (std::vector<std::string>{"link.json", "real.json"}));
}

// The same file reached by two names.
TEST(OutputTarget, SameFileIsFoundThroughLinksAndHardLinks) {
  const TempDir dir;
  fs::create_directory(dir / "y");
  fs::create_directory_symlink("y", dir / "ylink");
  EXPECT_TRUE(same_output_file(dir / "y/a.json", dir / "ylink/a.json"));  // neither exists yet
  EXPECT_TRUE(same_output_file(dir / "y/a.json", dir / "y/../y/./a.json"));
  EXPECT_FALSE(same_output_file(dir / "y/a.json", dir / "y/b.json"));
  std::ofstream(dir / "y/a.json") << "{}";
  fs::create_hard_link(dir / "y/a.json", dir / "hard.json");
  EXPECT_TRUE(same_output_file(dir / "ylink/a.json", dir / "hard.json"));
  EXPECT_FALSE(same_output_file(dir / "y/a.json", dir / "y/b.json"));
}

TEST(OutputTarget, FolderOutputsAreCheckedByName) {
  const TempDir dir;
  ASSERT_EQ(::mkfifo((dir / "0.png").c_str(), 0600), 0);
  EXPECT_THROW(check_folder_outputs(dir.path(), {"final.png", "0.png"}), UsageError);
  EXPECT_NO_THROW(check_folder_outputs(dir.path(), {"final.png", "1.png"}));
  EXPECT_NO_THROW(check_folder_outputs(dir / "not/yet", {"final.png"}));
}

}  // namespace
}  // namespace rtcli::test

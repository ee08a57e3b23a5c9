// Reading scene files: regular files and pipes only, never more than kMaxSceneBytes.
#include "scene/scene_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <thread>

#include "system/errors.h"
#include "test_support.h"

namespace rtcli::test {
namespace {

std::string error_of(const std::filesystem::path& path) {
  try {
    read_scene_text(path);
  } catch (const RunError& e) {
    return e.what();
  }
  return "accepted";
}

TEST(SceneFile, ReadsARegularFileWhole) {
  const TempDir dir;
  std::ofstream(dir / "s.json") << "{\"spheres\": []}";
  EXPECT_EQ(read_scene_text(dir / "s.json"), "{\"spheres\": []}");
}

TEST(SceneFile, ReadsAFifoOnceItsWriterComes) {
  const TempDir dir;
  const std::filesystem::path fifo = dir / "scene.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] { std::ofstream(fifo) << "{\"lights\": []}"; });
  EXPECT_EQ(read_scene_text(fifo), "{\"lights\": []}");
  writer.join();
}

// /dev/zero would fill memory; it is refused without being opened.
TEST(SceneFile, RefusesDevicesAndFoldersByKind) {
  const TempDir dir;
  EXPECT_EQ(error_of("/dev/zero"),
            "scene file '/dev/zero' is a device or socket, not a regular file or a pipe");
  EXPECT_EQ(error_of(dir.path()), "scene file '" + dir.path().string() + "' is a folder");
  EXPECT_EQ(error_of(dir / "missing.json"),
            "scene file '" + (dir / "missing.json").string() + "' does not exist");
}

TEST(SceneFile, RefusesARegularFileOverTheLimitWithoutReadingIt) {
  const TempDir dir;
  const std::filesystem::path big = dir / "big.json";
  std::ofstream(big).close();
  std::filesystem::resize_file(big, kMaxSceneBytes + 1);  // sparse: no disk used
  EXPECT_NE(error_of(big).find("is 268435457 bytes, more than the 268435456 a scene file may have"),
            std::string::npos)
      << error_of(big);
}

// A pipe has no size: reading stops at the limit, whatever the writer still has.
TEST(SceneFile, StopsReadingAPipeAtTheLimit) {
  const TempDir dir;
  const std::filesystem::path fifo = dir / "endless.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] {
    ::signal(SIGPIPE, SIG_IGN);  // the reader leaves first: the write fails with EPIPE
    const int fd = ::open(fifo.c_str(), O_WRONLY);
    const std::string spaces(1 << 20, ' ');
    while (::write(fd, spaces.data(), spaces.size()) > 0) {
    }
    ::close(fd);
  });
  const std::string error = error_of(fifo);
  writer.join();
  EXPECT_NE(error.find("holds more than the 268435456 bytes a scene file may have"),
            std::string::npos)
      << error;
}

}  // namespace
}  // namespace rtcli::test

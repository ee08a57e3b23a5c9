#include "scene/scene_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "system/errors.h"

namespace rtcli {

namespace {
[[noreturn]] void fail(const std::filesystem::path& path, const std::string& why) {
  throw RunError("scene file '" + path.string() + "' " + why);
}

void check_kind(const std::filesystem::path& path, const struct stat& info) {
  if (S_ISDIR(info.st_mode)) fail(path, "is a folder");
  if (!S_ISREG(info.st_mode) && !S_ISFIFO(info.st_mode))
    fail(path, "is a device or socket, not a regular file or a pipe");
  if (S_ISREG(info.st_mode) && static_cast<std::size_t>(info.st_size) > kMaxSceneBytes)
    fail(path, "is " + std::to_string(info.st_size) + " bytes, more than the " +
                   std::to_string(kMaxSceneBytes) + " a scene file may have");
}

// Closes the descriptor whatever happens.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};
}  // namespace

std::string read_scene_text(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0)
    fail(path, errno == ENOENT ? "does not exist"
                               : std::string("cannot be read: ") + std::strerror(errno));
  check_kind(path, info);  // before open(): opening some devices already does something
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY)};
  if (file.fd < 0) fail(path, std::string("cannot be read: ") + std::strerror(errno));
  if (::fstat(file.fd, &info) != 0)
    fail(path, std::string("cannot be read: ") + std::strerror(errno));
  check_kind(path, info);  // what was opened, should the name have changed meanwhile

  std::string text;
  char chunk[1 << 16];
  for (;;) {
    const ssize_t n = ::read(file.fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(path, std::string("cannot be read: ") + std::strerror(errno));
    if (n == 0) break;
    if (text.size() + static_cast<std::size_t>(n) > kMaxSceneBytes)
      fail(path, "holds more than the " + std::to_string(kMaxSceneBytes) +
                     " bytes a scene file may have");
    text.append(chunk, static_cast<std::size_t>(n));
  }
  return text;
}

}  // namespace rtcli

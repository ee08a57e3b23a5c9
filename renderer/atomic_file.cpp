#include "atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "errors.h"

namespace rtcli {

namespace {
[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int error) {
  throw RunError("cannot write " + path.string() + ": " + what + ": " + std::strerror(error));
}
}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  // Hidden and unique, in the target's folder so that rename() stays on one file system.
  std::string hidden_name = path.filename().string();
  hidden_name.insert(0, 1, '.');
  hidden_name += ".tmp-XXXXXX";
  std::string temp = (path.parent_path() / hidden_name).string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) fail(path, "creating a temporary file", errno);
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : ENOSPC;
      ::close(fd);
      ::unlink(temp.c_str());
      fail(path, "writing", error);
    }
    written += static_cast<std::size_t>(n);
  }
  // mkstemp makes the file 0600; images are for everyone to read, as with a plain create.
  static const mode_t mask = [] {
    const mode_t m = ::umask(0);
    ::umask(m);
    return m;
  }();
  ::fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail(path, "closing", error);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail(path, "renaming into place", error);
  }
}

}  // namespace rtcli

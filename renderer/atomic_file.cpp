#include "atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "errors.h"
#include "interrupt.h"
#include "temp_files.h"

namespace rtcli {

namespace {
[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int error) {
  throw RunError("cannot write " + path.string() + ": " + what + ": " + std::strerror(error));
}

// The temporary file is removed on every way out but a successful rename, and is known to the
// temp-file registry meanwhile, so that an exit on a second signal removes it too.
class TempFile {
 public:
  explicit TempFile(std::string path) : path_(std::move(path)) { temp_files::add(path_); }
  ~TempFile() {
    if (!renamed_) ::unlink(path_.c_str());
    temp_files::remove(path_);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  void renamed() { renamed_ = true; }

 private:
  std::string path_;
  bool renamed_ = false;
};
}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  // Hidden and unique, in the target's folder so that rename() stays on one file system.
  std::string hidden_name = path.filename().string();
  hidden_name.insert(0, 1, '.');
  hidden_name += ".tmp-XXXXXX";
  std::string temp = (path.parent_path() / hidden_name).string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) fail(path, "creating a temporary file", errno);
  TempFile file(std::move(temp));
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : ENOSPC;
      ::close(fd);
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
  // On the disk before the name points at it: a crash then leaves the old file or the new one.
  // Some file systems (NFS, delayed allocation) also report a full disk only here.
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    fail(path, "flushing to disk", error);
  }
  if (::close(fd) != 0) fail(path, "closing", errno);
  // A run being interrupted publishes nothing new.
  interrupt::throw_if_requested();
  if (::rename(file.path().c_str(), path.c_str()) != 0) fail(path, "renaming into place", errno);
  file.renamed();
}

}  // namespace rtcli

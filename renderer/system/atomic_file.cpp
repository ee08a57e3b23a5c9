#include "system/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "system/errors.h"
#include "system/interrupt.h"
#include "system/output_target.h"
#include "system/temp_files.h"

namespace rtcli {

namespace {
constexpr std::size_t kBufferBytes = 64 * 1024;

// mkstemp makes files 0600; images are for everyone to read, as with a plain create.
mode_t readable_mode() {
  static const mode_t mask = [] {
    const mode_t m = ::umask(0);
    ::umask(m);
    return m;
  }();
  return 0666 & ~mask;
}

// Writes all of [data, data + size) or returns the errno that stopped it.
int write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : ENOSPC;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return 0;
}

// The portable copy, for file systems where copy_file_range is refused.
int copy_by_reading(int from, off_t offset, std::uint64_t length, int to) {
  std::vector<char> chunk(static_cast<std::size_t>(std::min<std::uint64_t>(length, kBufferBytes)));
  while (length > 0) {
    const std::size_t want =
        static_cast<std::size_t>(std::min<std::uint64_t>(length, chunk.size()));
    const ssize_t n = ::pread(from, chunk.data(), want, offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : EIO;  // the source is shorter than it said
    if (const int error = write_all(to, chunk.data(), static_cast<std::size_t>(n))) return error;
    offset += n;
    length -= static_cast<std::uint64_t>(n);
  }
  return 0;
}

// Copies inside the kernel when it can; falls back to reading when the file system refuses.
int copy_range(int from, off_t offset, std::uint64_t length, int to) {
  while (length > 0) {
    const ssize_t n = ::copy_file_range(from, &offset, to, nullptr, length, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EXDEV || errno == ENOSYS || errno == EOPNOTSUPP || errno == EINVAL))
      return copy_by_reading(from, offset, length, to);
    if (n <= 0) return n < 0 ? errno : EIO;
    length -= static_cast<std::uint64_t>(n);
  }
  return 0;
}
}  // namespace

AtomicFile::AtomicFile(std::filesystem::path path)
    : path_(std::move(path)), target_(rename_target(path_)) {
  // Hidden and unique, in the target's folder so that rename() stays on one file system.
  std::string hidden_name = target_.filename().string();
  hidden_name.insert(0, 1, '.');
  hidden_name += ".tmp-XXXXXX";
  temp_ = (target_.parent_path() / hidden_name).string();
  {
    const temp_files::FileChange change;
    fd_ = ::mkstemp(temp_.data());
    if (fd_ < 0) fail("creating a temporary file", errno);
    // Known to the registry until renamed or removed, so an exit on a second signal removes it.
    temp_files::add(temp_);
  }
  buffer_.reserve(kBufferBytes);
}

AtomicFile::~AtomicFile() {
  const temp_files::FileChange change;
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(temp_.c_str());
  }
  temp_files::remove(temp_);
}

void AtomicFile::write(std::string_view bytes) {
  synced_ = false;
  if (buffer_.size() + bytes.size() > kBufferBytes) flush();
  if (bytes.size() >= kBufferBytes) {
    if (const int error = write_all(fd_, bytes.data(), bytes.size())) fail("writing", error);
    flushed_ += bytes.size();
    return;
  }
  buffer_.append(bytes);
}

void AtomicFile::append_copy(const AtomicFile& source, std::uint64_t offset, std::uint64_t length) {
  if (offset > source.size() || length > source.size() - offset)
    fail("copying bytes its source does not hold", EINVAL);
  // The part already in the source's file is copied from there, the rest from its buffer.
  const std::uint64_t from_file =
      offset < source.flushed_ ? std::min(length, source.flushed_ - offset) : 0;
  flush();
  synced_ = false;
  if (from_file > 0) {
    if (const int error = copy_range(source.fd_, static_cast<off_t>(offset), from_file, fd_))
      fail("copying from " + source.path_.string(), error);
    flushed_ += from_file;
  }
  if (from_file == length) return;
  const std::uint64_t buffered_start = offset + from_file - source.flushed_;
  write(std::string_view(source.buffer_)
            .substr(static_cast<std::size_t>(buffered_start),
                    static_cast<std::size_t>(length - from_file)));
}

void AtomicFile::flush() {
  if (buffer_.empty()) return;
  if (const int error = write_all(fd_, buffer_.data(), buffer_.size())) fail("writing", error);
  flushed_ += buffer_.size();
  buffer_.clear();
}

void AtomicFile::sync() {
  flush();
  ::fchmod(fd_, readable_mode());
  if (::fsync(fd_) != 0) fail("syncing", errno);
  synced_ = true;
}

void AtomicFile::commit() {
  // On disk before it has its final name, so a crash cannot leave an empty file under that name.
  if (!synced_) sync();
  const int fd = fd_;
  fd_ = -1;  // closed below whatever happens; the temporary is removed by hand on failure
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp_.c_str());
    fail("closing", error);
  }
  const temp_files::FileChange change;  // the exit on a second signal waits for the rename
  // A run being interrupted publishes nothing new.
  if (interrupt::requested() != 0) ::unlink(temp_.c_str());
  interrupt::throw_if_requested();
  // Checked before the work too; checked again here because the rename would replace a device
  // node or FIFO put there meanwhile (as root, even /dev/null).
  struct stat existing {};
  if (::lstat(target_.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    ::unlink(temp_.c_str());
    throw RunError("cannot write " + path_.string() +
                   ": it is no longer a regular file, and rtcli replaces only regular files");
  }
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp_.c_str());
    fail("renaming into place", error);
  }
}

void AtomicFile::fail(const std::string& what, int error) {
  throw RunError("cannot write " + path_.string() + ": " + what + ": " + std::strerror(error));
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  AtomicFile file(path);
  file.write(bytes);
  file.commit();
}

}  // namespace rtcli

#include "system/output_target.h"

#include <limits.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "system/errors.h"

namespace rtcli {

namespace fs = std::filesystem;

void check_replaceable(const fs::path& path, const std::string& name) {
  if (path.filename().string().size() + kTemporaryNameExtra > NAME_MAX)
    throw UsageError(name + ": the file name is too long (at most " +
                     std::to_string(NAME_MAX - kTemporaryNameExtra) + " bytes)");
  struct stat link {};
  if (::lstat(path.c_str(), &link) != 0) {
    // Nothing there yet (or a parent is missing or a file: the folder's creation says so).
    if (errno == ENOENT || errno == ENOTDIR) return;
    throw UsageError(name + ": " + std::strerror(errno));
  }
  struct stat file = link;
  if (S_ISLNK(link.st_mode) && ::stat(path.c_str(), &file) != 0)
    throw UsageError(name + " is a symbolic link to a missing or unreachable file");
  if (S_ISREG(file.st_mode)) return;
  if (S_ISDIR(file.st_mode)) throw UsageError(name + " is a folder, not a file");
  throw UsageError(name +
                   " is a device, FIFO or socket: rtcli replaces regular files only, never "
                   "writes to special files");
}

fs::path rename_target(const fs::path& path) {
  std::error_code error;
  if (!fs::is_symlink(path, error)) return path;
  const fs::path target = fs::canonical(path, error);
  return error ? path : target;  // a dangling link: the rename then replaces the link itself
}

bool same_output_file(const fs::path& a, const fs::path& b) {
  struct stat sa {};
  struct stat sb {};
  if (::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  std::error_code ea;
  std::error_code eb;
  const fs::path ra = fs::weakly_canonical(fs::absolute(a), ea);
  const fs::path rb = fs::weakly_canonical(fs::absolute(b), eb);
  if (ea || eb) return fs::absolute(a).lexically_normal() == fs::absolute(b).lexically_normal();
  return ra == rb;
}

}  // namespace rtcli

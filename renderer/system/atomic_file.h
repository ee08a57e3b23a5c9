// Files that appear whole under their final name or not at all.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace rtcli {

// A file written piece by piece into a hidden temporary beside `path`, then renamed over
// `path` by commit() (for a symbolic link, over the file it names; anything but a regular
// file is never replaced). If it is destroyed uncommitted (an error, a cancelled run), the
// temporary is removed, so no partial file ever carries the final name. Failures throw
// RunError naming the final path and the reason.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);

  // Appends `length` bytes that `source` holds from `offset` on (already written there),
  // copied by the kernel where the file system can, without passing through this process.
  void append_copy(const AtomicFile& source, std::uint64_t offset, std::uint64_t length);

  // Bytes written so far.
  std::uint64_t size() const { return flushed_ + buffer_.size(); }

  // Makes the file readable as a plain create would and flushes it to disk (fsync). commit()
  // does it when it has not been done: a caller calls it first only to time it on its own.
  void sync();

  // sync(), then closes the file and renames it into place.
  void commit();

  const std::filesystem::path& path() const { return path_; }

 private:
  void flush();
  [[noreturn]] void fail(const std::string& what, int error);

  std::filesystem::path path_;
  std::filesystem::path target_;  // what the rename replaces: path_, or the file a link names
  std::string temp_;
  int fd_ = -1;
  std::uint64_t flushed_ = 0;  // bytes in the file, not counting buffer_
  bool synced_ = false;        // sync() done and nothing written since
  std::string buffer_;         // small writes gathered into fewer system calls
};

// Writes `bytes` to `path` atomically, as one AtomicFile.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace rtcli

// Helpers for tests that run the built rtcli binary and read back its images.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rtcli::test {

struct CommandResult {
  int exit_code = -1;
  std::string out;       // stdout
  std::string err;       // stderr
  long max_rss_kib = 0;  // the child's peak resident memory (ru_maxrss), when run by RtcliProcess
};

// Runs the built rtcli with `args` (no shell), capturing both streams.
CommandResult run_rtcli(const std::vector<std::string>& args);

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgb;
};

// Decodes a PNG as 8-bit RGB; nothing if it is not a readable PNG.
std::optional<Image> read_png(const std::filesystem::path& path);

// Reads back `chars` characters of dark text on a light ground, drawn with the bitmap font
// (system/bitmap_font.h) at (x, y) with `scale` image pixels per font pixel; '?' for a cell that
// is no glyph.
std::string read_text(const Image& image, int x, int y, int scale, std::size_t chars);

// A fresh empty folder under the system temp dir (or `parent`), removed with its contents
// when the object dies, also when a test fails.
class TempDir {
 public:
  TempDir();
  explicit TempDir(const std::filesystem::path& parent);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// The whole file as bytes; empty if it cannot be read.
std::string read_file(const std::filesystem::path& path);

// Sorted names of the entries in a folder (including hidden ones).
std::vector<std::string> list_folder(const std::filesystem::path& folder);

// The seed frames folder, if it is beside the project.
std::optional<std::filesystem::path> seed_dir();

}  // namespace rtcli::test

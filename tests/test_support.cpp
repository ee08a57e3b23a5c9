#include "test_support.h"

#include <stb_image.h>
#include <stdlib.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "child_process.h"
#include "system/bitmap_font.h"

namespace rtcli::test {

CommandResult run_rtcli(const std::vector<std::string>& args) {
  return RtcliProcess(args).wait();
}

std::optional<Image> read_png(const std::filesystem::path& path) {
  int w = 0;
  int h = 0;
  int channels = 0;
  std::uint8_t* data = stbi_load(path.c_str(), &w, &h, &channels, 3);
  if (!data) return std::nullopt;
  Image image{w, h, std::vector<std::uint8_t>(data, data + static_cast<std::size_t>(w) * h * 3)};
  stbi_image_free(data);
  return image;
}

std::string read_text(const Image& image, int x, int y, int scale, std::size_t chars) {
  const auto ink = [&](int px, int py) {
    if (px < 0 || py < 0 || px >= image.width || py >= image.height) return false;
    const std::uint8_t* p =
        image.rgb.data() + (static_cast<std::size_t>(py) * image.width + px) * 3;
    return p[0] + p[1] + p[2] < 3 * 128;
  };
  std::string text;
  for (std::size_t i = 0; i < chars; ++i, x += (kGlyphWidth + 1) * scale) {
    std::uint8_t rows[kGlyphHeight] = {};
    for (int r = 0; r < kGlyphHeight; ++r)
      for (int c = 0; c < kGlyphWidth; ++c)  // each font pixel at its middle
        if (ink(x + c * scale + scale / 2, y + r * scale + scale / 2))
          rows[r] = static_cast<std::uint8_t>(rows[r] | (1 << (kGlyphWidth - 1 - c)));
    char found = '?';
    for (const char candidate :
         std::string_view(" 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.,:%/-x()")) {
      int r = 0;
      while (r < kGlyphHeight && glyph_row(candidate, r) == rows[r]) ++r;
      if (r == kGlyphHeight) {
        found = candidate;
        break;
      }
    }
    text += found;
  }
  return text;
}

TempDir::TempDir() : TempDir(std::filesystem::temp_directory_path()) {}

TempDir::TempDir(const std::filesystem::path& parent) {
  std::string pattern = (parent / "rtcli-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, ignored);
  std::filesystem::remove_all(path_, ignored);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<std::string> list_folder(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  std::error_code ignored;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ignored))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::filesystem::path> seed_dir() {
  const std::filesystem::path dir = RTCLI_SEED_DIR;
  if (std::filesystem::exists(dir / "3000.png")) return dir;
  return std::nullopt;
}

}  // namespace rtcli::test

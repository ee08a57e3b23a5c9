#include "fuzz_targets.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <cerrno>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string>

#include "pipeline/checkpoints.h"
#include "scene/scene_loader.h"
#include "shading/shade.h"
#include "system/dimensions.h"
#include "system/errors.h"
#include "system/output_paths.h"
#include "system/output_target.h"
#include "system/printable.h"

namespace rtcli::fuzz {

namespace {
void require(bool holds, const char* what) {
  if (!holds) throw std::logic_error(std::string("fuzz invariant broken: ") + what);
}

// Runs `parse`; the two documented rejections are fine, anything else propagates.
template <typename Parse>
void accepting_rejections(Parse parse) {
  try {
    parse();
  } catch (const UsageError&) {
  } catch (const RunError&) {
  }
}
}  // namespace

void scene(std::string_view input) {
  accepting_rejections([&] {
    const Scene s = parse_scene(input, "fuzz.json");
    require(!s.lights.empty(), "a loaded scene has a light");
    for (const Sphere& sphere : s.spheres)
      require(std::isfinite(sphere.radius) && sphere.radius > 0, "radii are finite and positive");
    // Every scene that loads must also shade without undefined behaviour (UBSan watches the
    // float-to-byte conversions): a tiny frame reaches every kernel path.
    for (int y = 0; y < 6; ++y)
      for (int x = 0; x < 8; ++x) shade_pixel(s, x, y, 8, 6);
  });
}

void dimensions(std::string_view input) {
  accepting_rejections([&] {
    const Dimensions d = parse_dimensions(input, "--size");
    require(d.width >= 1 && d.width <= kMaxSide, "width in range");
    require(d.height >= 1 && d.height <= kMaxSide, "height in range");
  });
}

void checkpoints(std::string_view input) {
  if (input.size() < 5) return;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(input[i]); };
  const int width = 1 + (byte(0) | byte(1) << 8) % 8192;
  const int height = 1 + (byte(2) | byte(3) << 8) % 8192;
  const std::size_t step = 1 + byte(4);
  const std::string_view list = input.substr(5);
  accepting_rejections([&] {
    const std::vector<Checkpoint> resolved =
        resolve_checkpoints(parse_checkpoints(list), width, height, step);
    const std::size_t total = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    std::set<std::string> names;
    std::size_t previous = 0;
    for (const Checkpoint& c : resolved) {
      require(c.pixels <= total, "a checkpoint lies within the frame");
      require(c.pixels >= previous, "checkpoints never go backwards");
      require(names.insert(c.name).second, "file names are unique");
      require(!c.name.empty() && c.name.find('/') == std::string::npos, "a plain file name");
      require(c.name.front() != '.', "never a hidden file");
      previous = c.pixels;
    }
    // The render's check of its outputs, on a folder that does not exist: names only.
    const std::vector<std::string> files = output_file_names(resolved);
    require(files.size() == resolved.size() + 1 && files.back() == "final.png", "every file named");
    check_folder_outputs("/nonexistent-rtcli-fuzz-folder", files);
  });
}

namespace {
// A private folder holding one of each kind of thing an output path may name. Made once,
// removed at exit; the harness only looks at it and checks that nothing in it ever changes.
struct Sandbox {
  std::filesystem::path path;
  ~Sandbox() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

const std::filesystem::path& sandbox() {
  static const Sandbox root{[] {
    std::string pattern = (std::filesystem::temp_directory_path() / "rtcli-fuzz-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    const std::filesystem::path dir = pattern;
    std::ofstream(dir / "file") << "x";
    std::filesystem::create_directory(dir / "dir");
    ::mkfifo((dir / "fifo").c_str(), 0600);
    std::filesystem::create_symlink("file", dir / "link");
    std::filesystem::create_symlink("fifo", dir / "fifolink");
    std::filesystem::create_symlink("missing", dir / "dangling");
    std::filesystem::create_directory_symlink("dir", dir / "dirlink");
    return dir;
  }()};
  return root.path;
}

std::size_t entries(const std::filesystem::path& folder) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++count;
  return count;
}

bool regular_or_absent(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return errno == ENOENT;
  return S_ISREG(info.st_mode);
}
}  // namespace

void output_paths(std::string_view input) {
  // Escaping for error lines: printable output, and a fixed point.
  const std::string shown = printable(input);
  for (const char c : shown)
    require(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f, "no control byte is printed");
  require(printable(shown) == shown, "printable text prints as itself");

  const std::filesystem::path& root = sandbox();
  const std::size_t before = entries(root);
  const std::filesystem::path path = root / std::string(input);
  require(same_output_file(path, path), "a path is the same file as itself");
  require(!same_output_file(root / "file", root / "dir/file"), "two files are two files");
  accepting_rejections([&] {
    check_output_file(path, "--json");
    require(regular_or_absent(path), "only a regular file or nothing is accepted");
  });
  require(entries(root) == before, "checking writes nothing");
}

}  // namespace rtcli::fuzz

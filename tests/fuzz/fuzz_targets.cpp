#include "fuzz_targets.h"

#include <cmath>
#include <set>
#include <stdexcept>
#include <string>

#include "output/checkpoints.h"
#include "scene/scene_loader.h"
#include "shading/shade.h"
#include "system/dimensions.h"
#include "system/errors.h"

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
      previous = c.pixels;
    }
  });
}

}  // namespace rtcli::fuzz

// Every profile, at several sizes, tile shapes and checkpoint sets, renders to the same pixels
// as the build this table was made with (before the renderer was split into subsystem libraries).
// Pixels are compared, not file bytes, so the PNG encoding may change; a pixel may not.
//
// To remake the table after a deliberate change of pixels (never to make this test pass):
//   RTCLI_PIXEL_HASHES_OUT=hashes.txt build/tests/rtcli_tests
//   --gtest_filter='PixelRegression*'
// then review and copy hashes.txt over tests/cli/pixel_hashes.txt.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace rtcli {
namespace {

struct Case {
  std::string profile;  // profiles/<profile>.json
  std::string size;
  std::string tile;
  std::string checkpoints;
  std::string step;
};

std::vector<Case> cases() {
  std::vector<Case> all;
  for (const std::string profile : {"seed", "showcase", "field-10", "field-10000"}) {
    all.push_back({profile, "97x61", "7x5", "0,3,10r,50%", "37"});
    all.push_back({profile, "800x600", "4096x16", "0,1000,2000,3000", "200"});
    all.push_back({profile, "1920x1080", "64x64", "25%,50%,75%", "200"});
  }
  return all;
}

// FNV-1a, 64 bits, over the size and the RGB bytes: a fingerprint, not a checksum against attack.
std::uint64_t fingerprint(const test::Image& image) {
  std::uint64_t h = 14695981039346656037ull;
  const auto mix = [&](std::uint8_t byte) {
    h ^= byte;
    h *= 1099511628211ull;
  };
  for (const int v : {image.width, image.height})
    for (int shift = 0; shift < 32; shift += 8) mix(static_cast<std::uint8_t>(v >> shift));
  for (const std::uint8_t byte : image.rgb) mix(byte);
  return h;
}

std::string key(const Case& c, const std::string& file) {
  return c.profile + " " + c.size + " " + c.tile + " " + c.checkpoints + " " + c.step + " " + file;
}

std::map<std::string, std::string> read_table(const std::filesystem::path& path) {
  std::map<std::string, std::string> table;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto space = line.rfind(' ');
    table[line.substr(0, space)] = line.substr(space + 1);
  }
  return table;
}

TEST(PixelRegression, EveryProfileSizeTileAndCheckpointSetRendersTheRecordedPixels) {
  const std::filesystem::path table_path =
      std::filesystem::path(RTCLI_SOURCE_DIR) / "tests/cli/pixel_hashes.txt";
  const char* out_path = std::getenv("RTCLI_PIXEL_HASHES_OUT");
  const std::map<std::string, std::string> expected = read_table(table_path);
  if (!out_path) {
    ASSERT_GE(expected.size(), cases().size() * 2) << table_path;
  }

  std::ostringstream made;
  made << "# profile size tile checkpoints step file fnv1a64(width, height, rgb)\n";
  for (const Case& c : cases()) {
    test::TempDir dir;
    const std::string scene = std::string(RTCLI_SOURCE_DIR) + "/profiles/" + c.profile + ".json";
    const auto result = test::run_rtcli({"render", "--quiet", "--scene", scene, "--size", c.size,
                                         "--tile", c.tile, "--checkpoints", c.checkpoints, "--step",
                                         c.step, "--out", dir.path().string()});
    ASSERT_EQ(result.exit_code, 0) << key(c, "") << ": " << result.err;
    for (const std::string& file : test::list_folder(dir.path())) {
      const auto image = test::read_png(dir / file);
      ASSERT_TRUE(image) << key(c, file);
      std::ostringstream hex;
      hex << std::hex << fingerprint(*image);
      made << key(c, file) << " " << hex.str() << "\n";
      if (out_path) continue;
      const auto found = expected.find(key(c, file));
      ASSERT_NE(found, expected.end()) << "no recorded pixels for " << key(c, file);
      EXPECT_EQ(hex.str(), found->second) << key(c, file);
    }
  }
  if (out_path) std::ofstream(out_path) << made.str();
}

}  // namespace
}  // namespace rtcli

// Replays every fuzz seed and every input that once crashed a harness (tests/fuzz/regressions),
// in every build, so a fixed crash stays fixed without running the fuzzers.
#include <gtest/gtest.h>

#include "fuzz/fuzz_targets.h"
#include "scene/scene_loader.h"
#include "system/errors.h"
#include "test_support.h"

namespace rtcli::test {
namespace {

const std::filesystem::path kFuzzDir = std::filesystem::path(RTCLI_SOURCE_DIR) / "tests/fuzz";

// Feeds each file under corpus/<target> and regressions/<target> to `harness`.
int replay(const std::string& target, void (*harness)(std::string_view)) {
  int inputs = 0;
  for (const char* kind : {"corpus", "regressions"}) {
    const std::filesystem::path folder = kFuzzDir / kind / target;
    if (!std::filesystem::is_directory(folder)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      SCOPED_TRACE(entry.path().string());
      EXPECT_NO_THROW(harness(test::read_file(entry.path())));
      ++inputs;
    }
  }
  return inputs;
}

TEST(FuzzCorpus, SceneInputs) {
  EXPECT_GT(replay("scene", fuzz::scene), 0);
}
TEST(FuzzCorpus, DimensionsInputs) {
  EXPECT_GT(replay("dimensions", fuzz::dimensions), 0);
}
TEST(FuzzCorpus, CheckpointsInputs) {
  EXPECT_GT(replay("checkpoints", fuzz::checkpoints), 0);
}
TEST(FuzzCorpus, OutputPathInputs) {
  EXPECT_GT(replay("output_paths", fuzz::output_paths), 0);
}

// Found by hand while writing the scene harness: error messages printed the bad value with
// json::dump, which recursed once per nesting level and overflowed the stack (a crash, exit
// 139) on a file of 200,000 nested arrays. Generated here rather than stored: it is 400 kB.
TEST(FuzzRegression, DeeplyNestedSceneValueIsAnErrorNotACrash) {
  constexpr int kDepth = 200'000;
  const std::string nested = std::string(kDepth, '[') + std::string(kDepth, ']');
  for (const std::string& doc :
       {R"({"spheres": [)" + nested + R"(], "lights": [{"position": [0, 0, 0]}]})",
        R"({"spheres": )" + nested + R"(, "lights": [{"position": [0, 0, 0]}]})",
        R"({"window": {"x": )" + nested + R"(}, "spheres": [], "lights": []})"}) {
    try {
      parse_scene(doc, "deep.json");
      FAIL() << "a nested array was accepted as a scene value";
    } catch (const RunError& e) {
      EXPECT_NE(std::string(e.what()).find("[[[[[[[[..."), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace rtcli::test

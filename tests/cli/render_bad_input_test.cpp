// Every bad input named for `rtcli render`: the exit code, the one line on stderr naming the
// bad value, and that nothing was written.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace rtcli::test {
namespace {

struct BadInput {
  std::string name;
  std::vector<std::string> args;  // "OUT" is replaced by a folder that must stay absent
  int exit_code;
  std::vector<std::string> message;  // each must appear in stderr
};

void PrintTo(const BadInput& input, std::ostream* os) {
  *os << input.name;
}

class RenderBadInput : public ::testing::TestWithParam<BadInput> {};

// One line, prefixed, ending in a newline: what a user or a script can rely on.
void expect_one_error_line(const std::string& err) {
  EXPECT_EQ(err.rfind("rtcli: error: ", 0), 0u) << err;
  ASSERT_FALSE(err.empty());
  EXPECT_EQ(err.find('\n'), err.size() - 1) << err;
}

TEST_P(RenderBadInput, FailsWithOneLineAndWritesNothing) {
  const BadInput& input = GetParam();
  const TempDir dir;
  const std::filesystem::path out = dir / "out";
  std::vector<std::string> args = {"render"};
  for (const std::string& a : input.args) args.push_back(a == "OUT" ? out.string() : a);

  const CommandResult r = run_rtcli(args);

  EXPECT_EQ(r.exit_code, input.exit_code) << r.err;
  expect_one_error_line(r.err);
  for (const std::string& part : input.message)
    EXPECT_NE(r.err.find(part), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{});
}

std::vector<BadInput> usage_errors() {
  return {
      {"UnknownFlag", {"--bogus", "--out", "OUT"}, 2, {"--bogus"}},
      {"MissingOut", {"--size", "8x8"}, 2, {"--out is required"}},
      {"SizeZero", {"--size", "0x0", "--out", "OUT"}, 2, {"--size", "'0x0'"}},
      {"SizeNegative", {"--size", "-5x10", "--out", "OUT"}, 2, {"--size", "'-5x10'"}},
      {"SizeNotNumbers", {"--size", "abcxdef", "--out", "OUT"}, 2, {"--size", "'abcxdef'"}},
      {"SizeTooLarge", {"--size", "1048577x1", "--out", "OUT"}, 2, {"--size", "'1048577x1'"}},
      // 1024 workers each holding a band of 16 rows 2^20 wide, and their queue: over 100 GB.
      // The exact byte count is checked against render_peak_bytes in frame_limits_test.cpp.
      {"FrameBeyondMemory",
       {"--size", "1048576x1048576", "--threads", "1024", "--out", "OUT"},
       2,
       {"frame 1048576x1048576 needs ", " bytes"}},
      {"TileZero", {"--tile", "0x0", "--out", "OUT"}, 2, {"--tile", "'0x0'"}},
      {"ThreadsZero", {"--threads", "0", "--out", "OUT"}, 2, {"--threads", "'0'"}},
      {"ThreadsNotANumber", {"--threads", "two", "--out", "OUT"}, 2, {"--threads", "'two'"}},
      {"CheckpointsUnsorted", {"--checkpoints", "3,1", "--out", "OUT"}, 2, {"increasing", "'1'"}},
      {"CheckpointsDuplicated", {"--checkpoints", "1,1", "--out", "OUT"}, 2, {"duplicated", "'1'"}},
      {"CheckpointsSamePoint",
       {"--size", "100x100", "--checkpoints", "50%,50r", "--out", "OUT"},
       2,
       {"duplicated", "'50r'"}},
      {"CheckpointsNotNumbers", {"--checkpoints", "a,b", "--out", "OUT"}, 2, {"'a'"}},
      {"CheckpointsNegative", {"--checkpoints", "-1", "--out", "OUT"}, 2, {"'-1'"}},
      {"CheckpointsOver100Percent", {"--checkpoints", "150%", "--out", "OUT"}, 2, {"'150%'"}},
      {"StepZero", {"--step", "0", "--out", "OUT"}, 2, {"--step", "'0'"}},
  };
}

INSTANTIATE_TEST_SUITE_P(Usage, RenderBadInput, ::testing::ValuesIn(usage_errors()),
                         [](const auto& test) { return test.param.name; });

// Scene files: a failed run (exit 1) that names the file and the bad value, before any output.
class RenderBadScene : public ::testing::Test {
 protected:
  CommandResult render_scene(const std::string& json) {
    { std::ofstream(dir_ / "scene.json") << json; }
    return run_rtcli({"render", "--scene", (dir_ / "scene.json").string(), "--out", out_.string()});
  }
  void expect_failed_without_output(const CommandResult& r, const std::vector<std::string>& parts) {
    EXPECT_EQ(r.exit_code, 1) << r.err;
    expect_one_error_line(r.err);
    EXPECT_NE(r.err.find("scene.json"), std::string::npos) << r.err;
    for (const std::string& part : parts) EXPECT_NE(r.err.find(part), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out_));
  }

  TempDir dir_;
  std::filesystem::path out_ = dir_ / "out";
};

constexpr const char* kLight = R"("lights": [{"position": [0, -10, 0]}])";

TEST_F(RenderBadScene, Missing) {
  const CommandResult r =
      run_rtcli({"render", "--scene", (dir_ / "nope.json").string(), "--out", out_.string()});
  EXPECT_EQ(r.exit_code, 1);
  expect_one_error_line(r.err);
  EXPECT_NE(r.err.find("nope.json' does not exist"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out_));
}

TEST_F(RenderBadScene, NotJsonReportsLineAndColumn) {
  expect_failed_without_output(render_scene("{\n  \"spheres\": [1,\n  ]\n}"),
                               {"not valid JSON at line 3, column 3"});
}

TEST_F(RenderBadScene, NotJsonWhenEmpty) {
  expect_failed_without_output(render_scene(""), {"not valid JSON at line 1, column 1"});
}

TEST_F(RenderBadScene, WrongTypes) {
  expect_failed_without_output(
      render_scene(std::string(R"({"spheres": [{"centre": "x", "radius": 1}], )") + kLight + "}"),
      {"spheres[0].centre", "expected [x, y, z]", "\"x\""});
  expect_failed_without_output(
      render_scene(std::string(R"({"spheres": [{"centre": [0, 0, 5], "radius": "1"}], )") + kLight +
                   "}"),
      {"spheres[0].radius", "expected a number"});
}

TEST_F(RenderBadScene, NegativeRadius) {
  expect_failed_without_output(
      render_scene(std::string(R"({"spheres": [{"centre": [0, 0, 5], "radius": -2}], )") + kLight +
                   "}"),
      {"spheres[0].radius", "must be positive", "-2"});
}

TEST_F(RenderBadScene, ZeroRadius) {
  expect_failed_without_output(
      render_scene(std::string(R"({"spheres": [{"centre": [0, 0, 5], "radius": 0}], )") + kLight +
                   "}"),
      {"spheres[0].radius", "must be positive"});
}

TEST_F(RenderBadScene, NaNIsNotJson) {
  expect_failed_without_output(
      render_scene(std::string(R"({"spheres": [{"centre": [0, 0, NaN], "radius": 1}], )") + kLight +
                   "}"),
      {"not valid JSON at line 1, column", "invalid literal"});
}

TEST_F(RenderBadScene, InfiniteNumber) {
  expect_failed_without_output(
      render_scene(std::string(R"({"spheres": [{"centre": [0, 0, 1e999], "radius": 1}], )") +
                   kLight + "}"),
      {"number '1e999' is not finite"});
}

// Found by UBSan: two lights of intensity 1e308 summed to infinity, and infinity times a zero
// colour channel is NaN, converted to a byte (undefined behaviour). Now refused at load.
TEST_F(RenderBadScene, LightTooIntense) {
  expect_failed_without_output(render_scene(R"({"spheres": [{"centre": [4, 3, 10], "radius": 2}],
                       "lights": [{"position": [0, -10, 0], "intensity": 1e308}]})"),
                               {"lights[0].intensity", "at most 1e6"});
}

TEST_F(RenderBadScene, NoLights) {
  expect_failed_without_output(
      render_scene(R"({"spheres": [{"centre": [0, 0, 5], "radius": 1}], "lights": []})"),
      {"lights", "at least one light"});
  expect_failed_without_output(render_scene(R"({"spheres": []})"), {"missing 'lights'"});
}

// --out: an existing file, or a folder that cannot be created (exit 1, nothing written).
TEST(RenderBadOut, ExistingFile) {
  const TempDir dir;
  { std::ofstream(dir / "taken") << "keep me"; }
  const CommandResult r = run_rtcli({"render", "--out", (dir / "taken").string()});
  EXPECT_EQ(r.exit_code, 2);
  expect_one_error_line(r.err);
  EXPECT_NE(r.err.find("is an existing file"), std::string::npos) << r.err;
  EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{"taken"});
  std::ifstream in(dir / "taken");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "keep me");
}

TEST(RenderBadOut, CannotBeCreated) {
  const TempDir dir;
  { std::ofstream(dir / "file") << "x"; }
  // A folder below a plain file cannot exist, whoever runs the test (root included).
  const CommandResult r = run_rtcli({"render", "--out", (dir / "file" / "out").string()});
  EXPECT_EQ(r.exit_code, 1);
  expect_one_error_line(r.err);
  EXPECT_NE(r.err.find("cannot create output folder"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("file/out"), std::string::npos) << r.err;
  EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{"file"});
}

}  // namespace
}  // namespace rtcli::test

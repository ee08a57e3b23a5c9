// End to end: runs the built rtcli and reads back what it wrote.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace rtcli::test {
namespace {

Image decode(const std::filesystem::path& path) {
  const auto image = read_png(path);
  if (!image) ADD_FAILURE() << "not a readable PNG: " << path;
  return image.value_or(Image{});
}

TEST(RenderCli, DefaultRenderEqualsTheSeedFrames) {
  const auto seed = seed_dir();
  if (!seed) GTEST_SKIP() << "../shared/seed is not beside the project: seed comparison skipped";
  TempDir dir;
  const CommandResult run = run_rtcli({"render", "--out", dir.path().string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(list_folder(dir.path()),
            (std::vector<std::string>{"0.png", "1000.png", "2000.png", "3000.png", "final.png"}));
  for (const char* name : {"0.png", "1000.png", "2000.png", "3000.png"}) {
    const Image expected = decode(*seed / name);
    const Image actual = decode(dir / name);
    ASSERT_EQ(actual.width, 800);
    ASSERT_EQ(actual.height, 600);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < expected.rgb.size(); i += 3)
      differing += expected.rgb[i] != actual.rgb[i] || expected.rgb[i + 1] != actual.rgb[i + 1] ||
                   expected.rgb[i + 2] != actual.rgb[i + 2];
    EXPECT_EQ(differing, 0u) << name << " differs from the seed's";
  }
  EXPECT_EQ(decode(dir / "final.png").rgb, decode(*seed / "3000.png").rgb);
}

TEST(RenderCli, FinalFrameIsTheSameForEveryThreadAndTileCount) {
  const std::vector<std::vector<std::string>> setups = {{"--threads", "1", "--tile", "64x64"},
                                                        {"--threads", "2", "--tile", "7x13"},
                                                        {"--threads", "3", "--tile", "333x1"},
                                                        {"--threads", "8", "--tile", "1000x1000"}};
  std::vector<std::uint8_t> reference;
  for (const auto& setup : setups) {
    TempDir dir;
    std::vector<std::string> args{
        "render", "--quiet",          "--checkpoints", "",
        "--size", "333x251",          "--scene",       RTCLI_SOURCE_DIR "/profiles/seed.json",
        "--out",  dir.path().string()};
    args.insert(args.end(), setup.begin(), setup.end());
    const CommandResult run = run_rtcli(args);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const Image image = decode(dir / "final.png");
    ASSERT_EQ(image.width, 333);
    if (reference.empty()) reference = image.rgb;
    EXPECT_EQ(image.rgb, reference) << "differs with " << setup[1] << " threads, " << setup[3];
  }
}

TEST(RenderCli, CheckpointsHoldTheFinalPrefixAndBlackElsewhere) {
  TempDir dir;
  const CommandResult run = run_rtcli({"render", "--size", "301x203", "--tile", "16x16",
                                       "--threads", "2", "--checkpoints", "9r,2,33%,150r,999",
                                       "--step", "1000", "--out", dir.path().string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Image final_frame = decode(dir / "final.png");
  const std::size_t total = 301u * 203u;
  const std::vector<std::pair<std::string, std::size_t>> expected = {
      {"9r.png", 2709},
      {"2.png", 3000},
      {"33pct.png", total * 33 / 100},
      {"150r.png", 45150},
      {"999.png", total}};
  for (const auto& [name, visible] : expected) {
    const Image image = decode(dir / name);
    ASSERT_EQ(image.rgb.size(), final_frame.rgb.size()) << name;
    for (std::size_t p = 0; p < total; ++p)
      for (std::size_t c = 0; c < 3; ++c)
        ASSERT_EQ(image.rgb[p * 3 + c], p < visible ? final_frame.rgb[p * 3 + c] : 0)
            << name << " pixel " << p;
  }
}

TEST(RenderCli, SummaryLineAndNoProgressWhenStderrIsNotATerminal) {
  TempDir dir;
  const CommandResult run =
      run_rtcli({"render", "--size", "80x60", "--tile", "64x64", "--out", dir.path().string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_NE(run.out.find("rendered 80x60 in 1 band of 60 rows on"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("final.png"), std::string::npos) << run.out;
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1);
}

// Counts of one read in the singular, as everywhere in rtcli's output.
TEST(RenderCli, SummaryLineSaysOneThreadAndOneBand) {
  TempDir dir;
  const CommandResult run = run_rtcli({"render", "--size", "80x60", "--tile", "64x64", "--threads",
                                       "1", "--checkpoints", "", "--out", dir.path().string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find(" in 1 band of 60 rows on 1 thread: "), std::string::npos) << run.out;
}

TEST(RenderCli, QuietPrintsNothing) {
  TempDir dir;
  const CommandResult run =
      run_rtcli({"render", "--quiet", "--size", "80x60", "--out", dir.path().string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out + run.err, "");
}

TEST(RenderCli, CreatesMissingOutputFolders) {
  TempDir dir;
  const CommandResult run =
      run_rtcli({"render", "--quiet", "--size", "8x6", "--out", (dir / "a/b/c").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "a/b/c/final.png"));
}

struct BadInvocation {
  std::vector<std::string> args;  // "OUT" stands for the output folder
  int exit_code;
  std::string message;  // a piece of the one line on stderr
};

class RenderCliRejects : public ::testing::TestWithParam<BadInvocation> {};

TEST_P(RenderCliRejects, WithOneLineAndNoFiles) {
  TempDir dir;
  const std::filesystem::path out = dir / "out";
  std::vector<std::string> args{"render"};
  for (const std::string& a : GetParam().args) args.push_back(a == "OUT" ? out.string() : a);
  const CommandResult run = run_rtcli(args);
  EXPECT_EQ(run.exit_code, GetParam().exit_code) << run.err;
  EXPECT_NE(run.err.find(GetParam().message), std::string::npos) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_FALSE(std::filesystem::exists(out)) << "wrote " << out;
}

INSTANTIATE_TEST_SUITE_P(
    Usage, RenderCliRejects,
    ::testing::Values(
        BadInvocation{{"--out", "OUT", "--bogus"}, 2, "--bogus"},
        BadInvocation{{}, 2, "--out is required"},
        BadInvocation{{"--out", "OUT", "--size", "0x0"}, 2, "--size: invalid value '0x0'"},
        BadInvocation{{"--out", "OUT", "--size", "-5x10"}, 2, "'-5x10'"},
        BadInvocation{{"--out", "OUT", "--size", "abcxdef"}, 2, "--size: invalid value 'abcxdef'"},
        BadInvocation{{"--out", "OUT", "--size", "1000000x1000000", "--threads", "1024"},
                      2,
                      "frame 1000000x1000000 needs "},
        BadInvocation{{"--out", "OUT", "--tile", "0x0"}, 2, "--tile: invalid value '0x0'"},
        BadInvocation{{"--out", "OUT", "--threads", "0"}, 2, "--threads: invalid value '0'"},
        BadInvocation{{"--out", "OUT", "--threads", "two"}, 2, "--threads: invalid value 'two'"},
        BadInvocation{{"--out", "OUT", "--step", "0"}, 2, "--step: invalid value '0'"},
        BadInvocation{{"--out", "OUT", "--checkpoints", "2000,1000"}, 2, "'1000'"},
        BadInvocation{{"--out", "OUT", "--checkpoints", "5,5"}, 2, "duplicated checkpoint '5'"},
        BadInvocation{{"--out", "OUT", "--checkpoints", "1,x"}, 2, "invalid checkpoint 'x'"},
        BadInvocation{{"--out", "OUT", "--scene", "/nonexistent.json"},
                      1,
                      "scene file '/nonexistent.json' does not exist"},
        BadInvocation{{"--out", "OUT", "--scene", RTCLI_SOURCE_DIR "/README.md"},
                      1,
                      "not valid JSON at line 1, column 1"},
        BadInvocation{{"--out", "OUT", "bonus"}, 2, "bonus"}));

TEST(RenderCli, OutThatIsAFileIsRefused) {
  TempDir dir;
  std::ofstream(dir / "taken") << "not a folder";
  const CommandResult run = run_rtcli({"render", "--out", (dir / "taken").string()});
  EXPECT_EQ(run.exit_code, 2);
  const std::string taken = (dir / "taken").string();
  EXPECT_NE(run.err.find(taken + "' is an existing file"), std::string::npos) << run.err;
  EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{"taken"});
}

TEST(RenderCli, OutThatCannotBeCreatedIsRefused) {
  TempDir dir;
  std::ofstream(dir / "file") << "x";
  const CommandResult run = run_rtcli({"render", "--out", (dir / "file/sub").string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("cannot create output folder '" + (dir / "file/sub").string()),
            std::string::npos)
      << run.err;
  EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{"file"});
}

TEST(RenderCli, BadSceneValuesAreNamed) {
  TempDir dir;
  std::ofstream(dir / "bad.json")
      << R"({"spheres": [{"centre": [0, 0, 5], "radius": -1}], "lights": [{"position": [0, 0, 0]}]})";
  const CommandResult run = run_rtcli(
      {"render", "--scene", (dir / "bad.json").string(), "--out", (dir / "out").string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("spheres[0].radius: must be positive, got -1"), std::string::npos)
      << run.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}

}  // namespace
}  // namespace rtcli::test

// The conventions users expect of a command-line tool: --version, and --accel on both commands.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "shading/sphere_kernel.h"
#include "test_support.h"

namespace rtcli {
namespace {

TEST(Conventions, VersionNamesTheBuildAndTheSimdTargetChosenHere) {
  const auto result = test::run_rtcli({"--version"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(std::regex_search(result.out, std::regex("^rtcli [0-9]+\\.[0-9]+\\.[0-9]+\n")))
      << result.out;
  for (const std::string line : {"git revision: ", "compiler: ", "build type: "})
    EXPECT_NE(result.out.find("\n" + line), std::string::npos) << line << " in " << result.out;
  // The test binary and rtcli run on the same processor, so they pick the same target.
  EXPECT_NE(result.out.find("\nSIMD target: " + sphere_kernel_target() + "\n"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("\nseed scene kernel: sphere-simd/" + sphere_kernel_target() + "\n"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("\nSIMD kernels: sphere-simd (one sphere), scene-simd (up to 64 "
                            "spheres), packet-simd+bvh (hierarchies)"),
            std::string::npos)
      << result.out;
  EXPECT_EQ(result.err, "");
}

TEST(Conventions, BadAccelIsAUsageErrorNamingTheValueAndWritesNothing) {
  const test::TempDir dir;
  for (const std::string command : {"render --out", "bench --json"}) {
    const std::string flag = command.substr(command.find(' ') + 1);
    const auto result = test::run_rtcli(
        {command.substr(0, command.find(' ')), "--accel", "fast", flag, (dir / "x").string()});
    EXPECT_EQ(result.exit_code, 2) << command;
    EXPECT_EQ(result.err, "rtcli: error: invalid --accel 'fast': expected auto, bvh or none\n");
  }
  EXPECT_TRUE(test::list_folder(dir.path()).empty());
}

TEST(Conventions, AccelReachesTheKernelAndTheReport) {
  const test::TempDir dir;
  const std::string scene = std::string(RTCLI_SOURCE_DIR) + "/profiles/field-10.json";
  std::string paths[2];
  int i = 0;
  for (const std::string accel : {"none", "bvh"}) {
    const std::string report = (dir / (accel + ".json")).string();
    const auto result = test::run_rtcli({"bench", "--quiet", "--size", "64x36", "--repetitions",
                                         "1", "--latency-runs", "1", "--end-to-end-runs", "1",
                                         "--scene", scene, "--accel", accel, "--json", report});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto json = nlohmann::json::parse(test::read_file(report));
    EXPECT_EQ(json["config"]["accel"], accel);
    EXPECT_EQ(json["context"]["simd_target"], sphere_kernel_target());
    paths[i++] = json["context"]["render_path"];
  }
  EXPECT_EQ(paths[0], "scene-simd/" + sphere_kernel_target());
  EXPECT_EQ(paths[1], "packet-simd+bvh/" + sphere_kernel_target());

  // And render: the same pixels either way.
  for (const std::string accel : {"none", "bvh", "auto"}) {
    const auto result =
        test::run_rtcli({"render", "--quiet", "--size", "96x54", "--checkpoints", "", "--scene",
                         scene, "--accel", accel, "--out", (dir / accel).string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  const auto none = test::read_png(dir / "none" / "final.png");
  ASSERT_TRUE(none);
  for (const std::string accel : {"bvh", "auto"}) {
    const auto other = test::read_png(dir / accel / "final.png");
    ASSERT_TRUE(other) << accel;
    EXPECT_EQ(other->rgb, none->rgb) << accel;
  }
}

}  // namespace
}  // namespace rtcli

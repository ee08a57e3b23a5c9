#include "compare/comparison.h"

#include <gtest/gtest.h>

#include <sstream>

#include "compare/compare_fixtures.h"
#include "compare/comparison_format.h"
#include "system/errors.h"
#include "test_support.h"

namespace rtcli::compare {
namespace {

using test::compare_fixture;
using test::ten_around;
using test::write_fixture;

Comparison compare_files(const nlohmann::json& base, const nlohmann::json& candidate,
                         CompareOptions options = {}) {
  test::TempDir dir;
  return compare_reports(read_bench_figures(write_fixture(dir / "base.json", base)),
                         read_bench_figures(write_fixture(dir / "new.json", candidate)), options);
}

const FigureChange& figure(const Comparison& c, const std::string& name) {
  for (const FigureChange& f : c.figures)
    if (f.name == name) return f;
  throw std::runtime_error("no figure " + name);
}

TEST(Comparison, SameFiguresAreNoChange) {
  const Comparison c =
      compare_files(compare_fixture(ten_around(10)), compare_fixture(ten_around(10)));
  ASSERT_EQ(c.figures.size(), 6u);  // two thread counts, p50 and p99 of hit and all
  for (const FigureChange& f : c.figures) EXPECT_EQ(f.verdict, Verdict::kNoChange) << f.name;
  EXPECT_FALSE(c.any_regressed());
  EXPECT_NEAR(figure(c, "frame, 1 thread").p_value, 1.0, 1e-9);
}

TEST(Comparison, ASlowerRunIsARegressionAndAFasterAnImprovement) {
  const Comparison slower =
      compare_files(compare_fixture(ten_around(10)), compare_fixture(ten_around(12)));
  const FigureChange& one = figure(slower, "frame, 1 thread");
  EXPECT_EQ(one.verdict, Verdict::kRegressed);
  EXPECT_NEAR(one.change_percent, 20, 1.0);
  EXPECT_LT(one.p_value, 0.001);
  EXPECT_LT(one.ci95_low_percent, 20);
  EXPECT_GT(one.ci95_high_percent, 20);
  EXPECT_NE(one.test.find("Mann-Whitney"), std::string::npos);
  EXPECT_TRUE(slower.any_regressed());
  const Comparison faster =
      compare_files(compare_fixture(ten_around(12)), compare_fixture(ten_around(10)));
  EXPECT_EQ(figure(faster, "frame, 2 threads").verdict, Verdict::kImproved);
}

TEST(Comparison, AChangeInsideTheThresholdIsNoChangeWhateverP) {
  // Repetitions within +/-0.25%: 1.5% slower is certain, and still under the 2% threshold.
  const auto tight = [](double centre) {
    std::vector<double> out;
    for (int i = 0; i < 10; ++i) out.push_back(centre * (1 + 0.0005 * ((i * 7) % 10 - 4.5)));
    return out;
  };
  const Comparison c = compare_files(compare_fixture(tight(10)), compare_fixture(tight(10.15)));
  const FigureChange& one = figure(c, "frame, 1 thread");
  EXPECT_LT(one.p_value, 0.001);
  EXPECT_GT(one.ci95_low_percent, 1);
  EXPECT_EQ(one.verdict, Verdict::kNoChange);
  CompareOptions strict;
  strict.threshold_percent = 1;
  EXPECT_EQ(figure(compare_files(compare_fixture(tight(10)), compare_fixture(tight(10.15)), strict),
                   "frame, 1 thread")
                .verdict,
            Verdict::kRegressed);
}

TEST(Comparison, AnIntervalReachingIntoTheThresholdIsNoChange) {
  // Mostly 8% slower, but four repetitions as fast as the base: p < 0.05, yet the interval of
  // the medians' ratio reaches below +2%, as one slow stretch of a shared machine makes it.
  std::vector<double> mixed = ten_around(10.8);
  mixed[0] = mixed[1] = mixed[2] = mixed[3] = 10;
  const Comparison c = compare_files(compare_fixture(ten_around(10)), compare_fixture(mixed));
  const FigureChange& one = figure(c, "frame, 1 thread");
  EXPECT_LT(one.p_value, 0.05);
  EXPECT_LT(one.ci95_low_percent, 2);
  EXPECT_EQ(one.verdict, Verdict::kNoChange);
}

TEST(Comparison, FewRepetitionsAreBootstrappedAndOneIsNotTested) {
  const Comparison three =
      compare_files(compare_fixture({10, 10.1, 9.9}), compare_fixture({12, 12.1, 11.9}));
  EXPECT_NE(figure(three, "frame, 1 thread").test.find("bootstrap"), std::string::npos);
  const Comparison one = compare_files(compare_fixture({10}), compare_fixture({12}));
  EXPECT_EQ(figure(one, "frame, 1 thread").verdict, Verdict::kUntested);
}

TEST(Comparison, PixelPercentilesUnderOneClockStepAreNoChange) {
  // 80 -> 85 ns is +6%, and the bootstrap sees it, but the clock moves in 10 ns steps.
  const Comparison near =
      compare_files(compare_fixture(ten_around(10), 80), compare_fixture(ten_around(10), 85));
  EXPECT_EQ(figure(near, "pixel p50 hit").verdict, Verdict::kNoChange);
  const Comparison far =
      compare_files(compare_fixture(ten_around(10), 80), compare_fixture(ten_around(10), 100));
  EXPECT_EQ(figure(far, "pixel p50 hit").verdict, Verdict::kRegressed);
  EXPECT_NE(figure(far, "pixel p50 hit").test.find("one pass"), std::string::npos);
}

TEST(Comparison, ReportsOfAnotherFrameOrTargetAreRefusedUnlessForced) {
  nlohmann::json other = compare_fixture(ten_around(10));
  other["config"]["width"] = 32;
  other["context"]["simd_target"] = "SSE4";
  try {
    compare_files(compare_fixture(ten_around(10)), other);
    FAIL() << "compared";
  } catch (const UsageError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("frame size differs (64x48 vs 32x48)"), std::string::npos) << what;
    EXPECT_NE(what.find("SIMD target differs (AVX2 vs SSE4)"), std::string::npos) << what;
  }
  CompareOptions force;
  force.force = true;
  const Comparison c = compare_files(compare_fixture(ten_around(10)), other, force);
  EXPECT_EQ(c.differences.size(), 2u);
  std::istringstream text(format_text(c));
  int flagged = 0;
  for (std::string line; std::getline(text, line);)
    flagged += line.find("(forced)") != std::string::npos;
  EXPECT_EQ(flagged, static_cast<int>(c.figures.size()));
}

TEST(Comparison, BadFilesAreOneLineNamingThem) {
  test::TempDir dir;
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  const std::string full = compare_fixture(ten_around(10)).dump();
  nlohmann::json edited = compare_fixture(ten_around(10));
  edited["throughput"][0]["wall_ms"][3] = "fast";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {(dir / "absent.json").string(), "cannot read"},
      {write("cut.json", full.substr(0, full.size() / 2)), "not valid JSON"},
      {write("gbench.json", R"({"context": {}, "benchmarks": []})"), "another tool"},
      {write("v2.json", R"({"schema": "rtcli.bench/2"})"), "is not \"rtcli.bench/1\""},
      {write("edited.json", edited.dump()), "throughput.0.wall_ms"}};
  for (const auto& [path, expected] : cases) {
    try {
      read_bench_figures(path);
      ADD_FAILURE() << path << " was read";
    } catch (const UsageError& e) {
      const std::string what = e.what();
      EXPECT_EQ(what.rfind(path + ": ", 0), 0u) << what;
      EXPECT_NE(what.find(expected), std::string::npos) << what;
      EXPECT_EQ(what.find('\n'), std::string::npos) << what;
    }
  }
}

TEST(ComparisonFormat, TextFitsOneHundredColumnsAndEveryFormatHoldsTheVerdicts) {
  const Comparison c =
      compare_files(compare_fixture(ten_around(10)), compare_fixture(ten_around(12)));
  const std::string text = format_text(c);
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 100u) << line;
  EXPECT_NE(text.find("regressed"), std::string::npos);
  EXPECT_NE(text.find("the machine was busy"), std::string::npos);  // each report's warning
  const std::string markdown = format_markdown(c);
  EXPECT_EQ(markdown.rfind("| figure | base | new | change | 95% CI | p | verdict |", 0), 0u);
  EXPECT_NE(markdown.find("**regressed**"), std::string::npos);
  const auto json = nlohmann::json::parse(format_json(c));
  EXPECT_EQ(json["schema"], "rtcli.compare/1");
  EXPECT_EQ(json["figures"].size(), c.figures.size());
  EXPECT_EQ(json["figures"][0]["verdict"], "regressed");
  EXPECT_EQ(json["warnings"].size(), 2u);
  EXPECT_TRUE(json["any_regressed"].get<bool>());
}

}  // namespace
}  // namespace rtcli::compare

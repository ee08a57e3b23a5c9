#include "pipeline/checkpoints.h"

#include <gtest/gtest.h>

#include <string>

#include "system/errors.h"

namespace rtcli {
namespace {

std::vector<Checkpoint> resolve(std::string_view list, int w = 800, int h = 600,
                                std::size_t step = 200) {
  return resolve_checkpoints(parse_checkpoints(list), w, h, step);
}

// The UsageError message for a list, or "" when it is accepted.
std::string error_for(std::string_view list) {
  try {
    resolve(list);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

TEST(Checkpoints, SeedDefaultsShowTheSeedPrefixes) {
  const auto points = resolve_checkpoints(default_checkpoints(), 800, 600, 200);
  ASSERT_EQ(points.size(), 4u);
  EXPECT_EQ(points[0].name, "0");
  EXPECT_EQ(points[0].pixels, 200u);
  EXPECT_EQ(points[1].pixels, 1001u * 200);  // 250 rows and 200 pixels
  EXPECT_EQ(points[2].pixels, 2001u * 200);
  EXPECT_EQ(points[3].pixels, 480000u);  // step 3000 is past the end: the whole frame
  EXPECT_EQ(points[3].name, "3000");
}

TEST(Checkpoints, RowsAndPercentagesResolveToPixels) {
  const auto points = resolve("10r,12.5%,250r,100%");
  ASSERT_EQ(points.size(), 4u);
  EXPECT_EQ(points[0].name, "10r");
  EXPECT_EQ(points[0].pixels, 8000u);
  EXPECT_EQ(points[1].name, "12.5pct");
  EXPECT_EQ(points[1].pixels, 60000u);
  EXPECT_EQ(points[2].pixels, 200000u);
  EXPECT_EQ(points[3].pixels, 480000u);
}

// ".5%" once wrote the hidden file .5pct.png.
TEST(Checkpoints, APercentWithoutALeadingDigitNamesAVisibleFile) {
  const auto points = resolve(".5%,5.%");
  EXPECT_EQ(points[0].name, "0.5pct");
  EXPECT_EQ(points[1].name, "5.pct");
  EXPECT_EQ(output_file_names(points),
            (std::vector<std::string>{"0.5pct.png", "5.pct.png", "final.png"}));
}

// 23,000 checkpoints took 2.65 s to check (every name against every earlier
// one). Now linear; this checks that a long list still resolves every point and still finds a
// repeat at its end.
TEST(Checkpoints, LongListsResolveEveryPointAndFindARepeatAtTheEnd) {
  std::string list;
  const int count = 50'000;
  for (int i = 0; i < count; ++i) list += std::to_string(i) + ",";
  const auto points = resolve(list + std::to_string(count), 4000, 3000, 1);
  ASSERT_EQ(points.size(), static_cast<std::size_t>(count) + 1);
  EXPECT_EQ(points.back().name, std::to_string(count));
  EXPECT_EQ(points.back().pixels, static_cast<std::size_t>(count) + 1);
  EXPECT_NE(error_for(list + "49999").find("'49999'"), std::string::npos);
}

TEST(Checkpoints, PercentRoundsDown) {
  EXPECT_EQ(resolve("33%", 10, 1).front().pixels, 3u);
}

TEST(Checkpoints, PointsPastTheEndClamp) {
  const auto points = resolve("700r,5000", 800, 600);
  EXPECT_EQ(points[0].pixels, 480000u);
  EXPECT_EQ(points[1].pixels, 480000u);
}

TEST(Checkpoints, EmptyListMeansNone) {
  EXPECT_TRUE(resolve("").empty());
  EXPECT_TRUE(resolve("  ").empty());
}

TEST(Checkpoints, StepSizeScalesPlainNumbers) {
  EXPECT_EQ(resolve("4", 100, 100, 10).front().pixels, 50u);
}

TEST(Checkpoints, RejectsUnsorted) {
  EXPECT_NE(error_for("2000,1000").find("'1000'"), std::string::npos);
  EXPECT_NE(error_for("50%,250r").find("increasing"), std::string::npos);
}

TEST(Checkpoints, RejectsDuplicates) {
  EXPECT_NE(error_for("1000,1000").find("duplicated checkpoint '1000'"), std::string::npos);
  EXPECT_NE(error_for("300r,50%").find("duplicated"), std::string::npos);  // same 240000 pixels
}

TEST(Checkpoints, RejectsWhatIsNotANumber) {
  for (const char* bad : {"abc", "1,,2", "-5", "+5", "1e3", "5rr", "r", "%", "101%", "-1%", "1.5",
                          "0x10", "12 13", "nan%", "inf%", "99999999999999999999999"}) {
    const std::string message = error_for(bad);
    EXPECT_NE(message.find("invalid checkpoint"), std::string::npos) << bad << ": " << message;
  }
}

}  // namespace
}  // namespace rtcli

#include "bench/statistics.h"

#include <gtest/gtest.h>

#include <cmath>

namespace rtcli {
namespace {

TEST(Statistics, SummariseGivesMinMedianMeanAndSampleStddev) {
  const Summary s = summarise({4.0, 1.0, 3.0, 2.0});
  EXPECT_EQ(s.min, 1.0);
  EXPECT_EQ(s.median, 2.5);
  EXPECT_EQ(s.mean, 2.5);
  EXPECT_NEAR(s.stddev, std::sqrt(5.0 / 3.0), 1e-12);
  EXPECT_EQ(median({5.0, 1.0, 3.0}), 3.0);
  EXPECT_EQ(summarise({7.0}).stddev, 0.0);
}

TEST(Statistics, MadFlagsOnlyTheFarValues) {
  const std::vector<double> walls{10.0, 10.2, 9.9, 10.1, 25.0, 10.0, 9.8};
  EXPECT_NEAR(median_absolute_deviation(walls), 0.1, 1e-12);
  EXPECT_EQ(mad_outliers(walls), std::vector<std::size_t>{4});
  EXPECT_TRUE(mad_outliers({10.0, 10.1, 9.9, 10.0}).empty());
  // All equal but one a hair off: a MAD of 0 must not flag a 0.1% difference.
  EXPECT_TRUE(mad_outliers({10.0, 10.0, 10.0, 10.01}).empty());
}

TEST(Statistics, FirstRunSlowComparesWithTheMedianOfTheRest) {
  EXPECT_TRUE(first_run_slow({20.0, 10.0, 10.5, 9.5}));
  EXPECT_FALSE(first_run_slow({11.0, 10.0, 10.5, 9.5}));
  EXPECT_FALSE(first_run_slow({20.0, 10.0}));  // too few to tell
}

TEST(Statistics, BootstrapRatioIsReproducibleAndBracketsTheValue) {
  const std::vector<double> one{40.1, 39.8, 40.5, 41.0, 39.9, 40.2, 40.0};
  const std::vector<double> two{20.3, 21.0, 20.1, 20.6, 22.4, 20.2, 20.4};
  const RatioEstimate a = bootstrap_ratio_of_medians(one, two);
  const RatioEstimate b = bootstrap_ratio_of_medians(one, two);
  EXPECT_NEAR(a.value, 40.1 / 20.4, 1e-12);
  EXPECT_EQ(a.ci95_low, b.ci95_low);
  EXPECT_EQ(a.ci95_high, b.ci95_high);
  EXPECT_LE(a.ci95_low, a.value);
  EXPECT_GE(a.ci95_high, a.value);
  EXPECT_LT(a.ci95_low, a.ci95_high);
  EXPECT_GT(a.ci95_low, 1.7);
  EXPECT_LT(a.ci95_high, 2.1);
  // No spread, no uncertainty.
  const RatioEstimate exact = bootstrap_ratio_of_medians({4, 4, 4}, {2, 2, 2});
  EXPECT_EQ(exact.ci95_low, 2.0);
  EXPECT_EQ(exact.ci95_high, 2.0);
}

}  // namespace
}  // namespace rtcli

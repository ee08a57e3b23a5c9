#include "compare/rank_tests.h"

#include <gtest/gtest.h>

#include <random>

namespace rtcli::compare {
namespace {

TEST(MannWhitney, ExactValuesOfSmallSamples) {
  // Complete separation of 3 vs 3: U = 0, one arrangement of 20 on each side: p = 2/20.
  EXPECT_NEAR(mann_whitney_p({1, 2, 3}, {4, 5, 6}), 0.1, 1e-12);
  // 5 vs 5 separated: 2 / C(10, 5) = 2/252.
  EXPECT_NEAR(mann_whitney_p({1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}), 2.0 / 252, 1e-12);
  // Interleaved: no evidence.
  EXPECT_NEAR(mann_whitney_p({1, 3, 5, 7}, {2, 4, 6, 8}), 0.6857142857, 1e-9);
  EXPECT_EQ(mann_whitney_p({}, {1, 2}), 1.0);
}

TEST(MannWhitney, NormalApproximationWithTies) {
  // Ties force the approximation: every value equal is no evidence at all.
  EXPECT_EQ(mann_whitney_p({2, 2, 2, 2}, {2, 2, 2, 2}), 1.0);
  // As scipy.stats.mannwhitneyu([1,2,2,3,4], [3,4,4,5,6], method="asymptotic"): 0.04322.
  EXPECT_NEAR(mann_whitney_p({1, 2, 2, 3, 4}, {3, 4, 4, 5, 6}), 0.043220, 1e-5);
}

TEST(Bootstrap, MedianRatioIntervalHoldsTheTruth) {
  std::mt19937_64 g(1);
  std::normal_distribution<double> base(100, 2), slower(110, 2);
  std::vector<double> a, b;
  for (int i = 0; i < 10; ++i) {
    a.push_back(base(g));
    b.push_back(slower(g));
  }
  const BootstrapRatio r = bootstrap_median_ratio(a, b);
  EXPECT_LT(r.ci95_low, 1.10);
  EXPECT_GT(r.ci95_high, 1.10);
  EXPECT_GT(r.ci95_low, 1.0);
  EXPECT_LT(r.p_value, 0.01);
  const BootstrapRatio same = bootstrap_median_ratio(a, a);
  EXPECT_LE(same.ci95_low, 1.0);
  EXPECT_GE(same.ci95_high, 1.0);
  EXPECT_GT(same.p_value, 0.5);
}

TEST(Bootstrap, PercentileOfHistograms) {
  const std::vector<Bucket> base = {{10, 11, 100}, {20, 21, 800}, {30, 31, 100}};
  EXPECT_DOUBLE_EQ(bucket_percentile(base, 50), 20.5);
  EXPECT_DOUBLE_EQ(bucket_percentile(base, 99), 30.5);
  EXPECT_DOUBLE_EQ(bucket_percentile(base, 10), 10.5);  // rank 100 of 1000: the first bucket
  const std::vector<Bucket> shifted = {{20, 21, 100}, {30, 31, 800}, {40, 41, 100}};
  const BootstrapRatio moved = bootstrap_percentile_ratio(base, shifted, 50);
  EXPECT_GT(moved.ci95_low, 1.3);
  EXPECT_LT(moved.ci95_high, 1.6);
  EXPECT_LT(moved.p_value, 0.01);
  const BootstrapRatio same = bootstrap_percentile_ratio(base, base, 50);
  EXPECT_GT(same.p_value, 0.05);
}

}  // namespace
}  // namespace rtcli::compare

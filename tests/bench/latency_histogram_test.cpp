#include "bench/latency_histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <vector>

namespace rtcli {
namespace {

// Nearest rank on an exact sort: the value the histogram approximates.
double exact_percentile(std::vector<double> sorted, double p) {
  std::sort(sorted.begin(), sorted.end());
  const double rank = std::ceil(p / 100.0 * static_cast<double>(sorted.size()));
  const auto index = static_cast<std::size_t>(std::max(1.0, rank)) - 1;
  return sorted[index];
}

void expect_percentiles_within_one_percent(const std::vector<double>& samples) {
  LatencyHistogram h;
  for (const double v : samples) h.record(v);
  for (const double p : {0.1, 1.0, 10.0, 50.0, 90.0, 99.0, 99.9, 99.99, 100.0}) {
    const double exact = exact_percentile(samples, p);
    EXPECT_NEAR(h.percentile_ns(p), exact, 0.01 * exact) << "p" << p;
  }
  const std::uint64_t total =
      std::accumulate(h.bucket_counts().begin(), h.bucket_counts().end(), std::uint64_t{0});
  EXPECT_EQ(total, samples.size());
  const double mean =
      std::accumulate(samples.begin(), samples.end(), 0.0) / static_cast<double>(samples.size());
  double squares = 0;
  for (const double v : samples) squares += (v - mean) * (v - mean);
  EXPECT_NEAR(h.mean_ns(), mean, 1e-9 * mean);
  EXPECT_NEAR(h.stddev_ns(), std::sqrt(squares / static_cast<double>(samples.size() - 1)),
              1e-6 * mean);
  EXPECT_EQ(h.min_ns(), *std::min_element(samples.begin(), samples.end()));
  EXPECT_EQ(h.max_ns(), *std::max_element(samples.begin(), samples.end()));
}

TEST(LatencyHistogram, BucketsFollowTheDocumentedScheme) {
  EXPECT_EQ(latency_bucket(0.0), 0);
  EXPECT_EQ(latency_bucket(0.999), 0);
  EXPECT_EQ(latency_bucket(-5.0), 0);
  EXPECT_EQ(latency_bucket(1.0), 1);
  // 2^e <= v < 2^(e+1): sub-bucket floor((v / 2^e - 1) * 128) of octave e.
  EXPECT_EQ(latency_bucket(1000.0), 1 + 9 * 128 + static_cast<int>((1000.0 / 512 - 1) * 128));
  EXPECT_EQ(latency_bucket(kOverflowNs - 1e-6), kBucketCount - 2);
  EXPECT_EQ(latency_bucket(kOverflowNs), kBucketCount - 1);
  EXPECT_EQ(bucket_range(0).upper_ns, 1.0);
  EXPECT_EQ(bucket_range(1).lower_ns, 1.0);
  EXPECT_EQ(bucket_range(kBucketCount - 1).lower_ns, kOverflowNs);
}

TEST(LatencyHistogram, EveryValueLiesInItsBucketAndBucketsAreUnderOnePercentWide) {
  std::mt19937_64 gen(7);
  std::uniform_real_distribution<double> exponent(0.0, 25.0);
  for (int i = 0; i < 100000; ++i) {
    const double v = std::exp2(exponent(gen));
    const BucketRange r = bucket_range(latency_bucket(v));
    ASSERT_LE(r.lower_ns, v);
    ASSERT_LT(v, r.upper_ns);
    ASSERT_LT((r.upper_ns - r.lower_ns) / r.lower_ns, 0.008);
  }
  for (int b = 1; b + 1 < kBucketCount; ++b)
    ASSERT_EQ(bucket_range(b).upper_ns, bucket_range(b + 1).lower_ns) << b;
}

TEST(LatencyHistogram, PercentilesMatchAnExactSortOfUniformSamples) {
  std::mt19937_64 gen(1);
  std::uniform_real_distribution<double> dist(1.0, 50000.0);
  std::vector<double> samples(200000);
  for (double& v : samples) v = dist(gen);
  expect_percentiles_within_one_percent(samples);
}

TEST(LatencyHistogram, PercentilesMatchAnExactSortOfLogNormalSamples) {
  std::mt19937_64 gen(2);
  std::lognormal_distribution<double> dist(std::log(40.0), 1.2);
  std::vector<double> samples(200000);
  for (double& v : samples) v = std::clamp(dist(gen), 1.0, 1e7);
  expect_percentiles_within_one_percent(samples);
}

TEST(LatencyHistogram, PercentilesMatchAnExactSortOfBimodalSamples) {
  // Like the frame: many cheap background pixels, fewer dearer sphere pixels, rare stalls.
  std::mt19937_64 gen(3);
  std::normal_distribution<double> background(8.0, 1.0);
  std::normal_distribution<double> sphere(60.0, 6.0);
  std::uniform_real_distribution<double> stall(1e4, 5e6);
  std::uniform_int_distribution<int> which(0, 999);
  std::vector<double> samples(300000);
  for (double& v : samples) {
    const int w = which(gen);
    v = std::max(1.0, w == 0 ? stall(gen) : w < 700 ? background(gen) : sphere(gen));
  }
  expect_percentiles_within_one_percent(samples);
}

TEST(LatencyHistogram, MergingEqualsRecordingEverythingInOne) {
  std::mt19937_64 gen(4);
  std::lognormal_distribution<double> dist(std::log(100.0), 0.8);
  LatencyHistogram one;
  LatencyHistogram parts[3];
  for (int i = 0; i < 30000; ++i) {
    const double v = dist(gen);
    one.record(v);
    parts[i % 3].record(v + 0.0);
  }
  LatencyHistogram merged;
  for (const auto& p : parts) merged.merge(p);
  merged.merge(LatencyHistogram{});  // an idle worker's empty histogram changes nothing
  EXPECT_EQ(merged.bucket_counts(), one.bucket_counts());
  EXPECT_EQ(merged.count(), one.count());
  EXPECT_NEAR(merged.mean_ns(), one.mean_ns(), 1e-9 * one.mean_ns());
  EXPECT_NEAR(merged.stddev_ns(), one.stddev_ns(), 1e-9 * one.stddev_ns());
  EXPECT_EQ(merged.min_ns(), one.min_ns());
  EXPECT_EQ(merged.max_ns(), one.max_ns());
  EXPECT_EQ(merged.percentile_ns(99), one.percentile_ns(99));
}

TEST(LatencyHistogram, OverflowReportsTheLargestSampleAndEmptyReportsZero) {
  LatencyHistogram empty;
  EXPECT_EQ(empty.percentile_ns(50), 0.0);
  EXPECT_EQ(empty.mean_ns(), 0.0);
  LatencyHistogram h;
  h.record(10.0);
  h.record(5e8);  // half a second: beyond the 2^25 ns range
  EXPECT_EQ(h.bucket_counts().back(), 1u);
  EXPECT_EQ(h.percentile_ns(100), 5e8);
  EXPECT_NEAR(h.percentile_ns(50), 10.0, 0.05);
}

}  // namespace
}  // namespace rtcli

// The significance tests behind `rtcli compare`: Mann-Whitney U on repetitions, and bootstrap
// intervals for figures with too few repetitions or none (a percentile of one histogram).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace rtcli::compare {

// Two-sided p-value of the Mann-Whitney U test that `a` and `b` come from one distribution:
// exact (every arrangement counted) for samples without ties up to 20 each, else the normal
// approximation with the tie correction and a continuity correction. 1 when either is empty.
double mann_whitney_p(const std::vector<double>& a, const std::vector<double>& b);

// A bootstrap distribution of new/base ratios: its 2.5th and 97.5th percentiles, and the
// two-sided p-value of "ratio = 1" (twice the smaller share of ratios on either side of 1).
struct BootstrapRatio {
  double ci95_low = 1;
  double ci95_high = 1;
  double p_value = 1;
};

// Ratio of medians, each sample resampled with replacement.
BootstrapRatio bootstrap_median_ratio(const std::vector<double>& base,
                                      const std::vector<double>& candidate, int resamples = 10000,
                                      std::uint64_t seed = 20261204);

// One latency histogram: buckets as {lower_ns, upper_ns, count}, increasing.
using Bucket = std::array<double, 3>;

// The nearest-rank percentile of a histogram: the midpoint of the bucket holding that rank.
double bucket_percentile(const std::vector<Bucket>& buckets, double percent);

// Ratio of a percentile of `candidate` over that of `base`, where each histogram's samples are
// resampled: the rank-th of N draws is the inverse CDF of a Beta(rank, N - rank + 1) variate,
// so a resample costs one Beta draw, not N. It measures sampling noise within one pass only.
BootstrapRatio bootstrap_percentile_ratio(const std::vector<Bucket>& base,
                                          const std::vector<Bucket>& candidate, double percent,
                                          int resamples = 4000, std::uint64_t seed = 20261204);

}  // namespace rtcli::compare

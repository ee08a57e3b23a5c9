// Statistics over repeated measurements: summaries, outliers, and confidence intervals.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rtcli {

struct Summary {
  double min = 0;
  double median = 0;
  double mean = 0;
  double stddev = 0;  // sample standard deviation (n - 1); 0 below two values
};

Summary summarise(const std::vector<double>& values);

double median(std::vector<double> values);

// Median absolute deviation from the median, unscaled.
double median_absolute_deviation(const std::vector<double>& values);

// Indices of values more than `k` MADs from the median. With a MAD of 0 (most values equal)
// nothing is flagged unless it differs from the median by more than 1%.
std::vector<std::size_t> mad_outliers(const std::vector<double>& values, double k = 3.0);

// The first repetition is "much slower" when it exceeds the median of the others by more than
// `factor` (a sign of warm-up left over: caches, page faults, CPU frequency). Needs 3 values.
bool first_run_slow(const std::vector<double>& values, double factor = 1.25);

struct RatioEstimate {
  double value = 0;      // median(numerator) / median(denominator)
  double ci95_low = 0;   // 2.5th percentile of the bootstrap ratios
  double ci95_high = 0;  // 97.5th percentile
};

// Ratio of medians with a percentile-bootstrap 95% interval: each resample draws both samples
// with replacement (independently) from a generator seeded with `seed`, so reruns agree.
RatioEstimate bootstrap_ratio_of_medians(const std::vector<double>& numerator,
                                         const std::vector<double>& denominator,
                                         int resamples = 4000, std::uint64_t seed = 20240611);

}  // namespace rtcli

#include "bench/latency_histogram.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace rtcli {

BucketRange bucket_range(int bucket) {
  if (bucket <= 0) return {0.0, 1.0};
  if (bucket >= kBucketCount - 1) return {kOverflowNs, std::numeric_limits<double>::infinity()};
  const int exponent = (bucket - 1) / kSubBuckets;
  const int sub = (bucket - 1) % kSubBuckets;
  const double octave = std::ldexp(1.0, exponent);
  const double width = octave / kSubBuckets;
  return {octave + sub * width, octave + (sub + 1) * width};
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
  if (other.count_ == 0) return;
  for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  const double n_a = static_cast<double>(count_);
  const double n_b = static_cast<double>(other.count_);
  const double n = n_a + n_b;
  const double mean_a = mean_ns();
  const double mean_b = other.mean_ns();
  const double delta = mean_b - mean_a;
  const double mean = mean_a + delta * n_b / n;
  const double m2 =
      squared_deviations() + other.squared_deviations() + delta * delta * n_a * n_b / n;
  // Re-centred on the merged mean: the deviations then sum to 0 and square-sum to m2.
  shift_ = mean;
  sum_ = 0;
  sum_squares_ = m2;
  count_ += other.count_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

LatencyHistogram LatencyHistogram::from_parts(Parts parts) {
  if (parts.counts.size() != static_cast<std::size_t>(kBucketCount))
    throw std::invalid_argument("latency histogram with " + std::to_string(parts.counts.size()) +
                                " buckets");
  LatencyHistogram h;
  h.counts_ = std::move(parts.counts);
  h.count_ = parts.count;
  h.shift_ = parts.shift;
  h.sum_ = parts.sum;
  h.sum_squares_ = parts.sum_squares;
  h.min_ = parts.min;
  h.max_ = parts.max;
  return h;
}

double LatencyHistogram::mean_ns() const {
  return count_ ? shift_ + sum_ / static_cast<double>(count_) : 0.0;
}

double LatencyHistogram::squared_deviations() const {
  if (count_ == 0) return 0.0;
  return std::max(0.0, sum_squares_ - sum_ * sum_ / static_cast<double>(count_));
}

double LatencyHistogram::stddev_ns() const {
  if (count_ < 2) return 0.0;
  return std::sqrt(squared_deviations() / static_cast<double>(count_ - 1));
}

double LatencyHistogram::percentile_ns(double p) const {
  if (count_ == 0) return 0.0;
  // Nearest rank, 1-based: ceil(p/100 * N), at least 1.
  const double exact_rank =
      std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(count_));
  const auto rank = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(exact_rank));
  std::uint64_t seen = 0;
  for (int b = 0; b < kBucketCount; ++b) {
    seen += counts_[static_cast<std::size_t>(b)];
    if (seen < rank) continue;
    if (b == kBucketCount - 1) return max_;
    const BucketRange r = bucket_range(b);
    return std::clamp(0.5 * (r.lower_ns + r.upper_ns), min_, max_);
  }
  return max_;
}

}  // namespace rtcli

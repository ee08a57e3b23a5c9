// LatencyHistogram: log-linear buckets of nanosecond latencies (the HdrHistogram idea), cheap
// enough to record every pixel, mergeable across threads, with nearest-rank percentiles.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace rtcli {

// Value range and resolution: octaves 2^0 .. 2^25 ns, 128 sub-buckets each (relative bucket
// width under 0.8%, so a midpoint is within 0.4% of any value in its bucket).
inline constexpr int kSubBucketBits = 7;
inline constexpr int kSubBuckets = 1 << kSubBucketBits;
inline constexpr int kOctaves = 25;
inline constexpr double kOverflowNs = double(1 << kOctaves);  // 2^25 ns, about 33.6 ms
// Bucket 0 is [0, 1) ns; then kOctaves * kSubBuckets log-linear buckets; last is overflow.
inline constexpr int kBucketCount = 1 + kOctaves * kSubBuckets + 1;

// The bucket of a latency in ns: reads the exponent and top mantissa bits of the double, which
// for 2^e <= v < 2^(e+1) are e and floor((v / 2^e - 1) * 128).
inline int latency_bucket(double ns) {
  if (!(ns >= 1.0)) return 0;  // also NaN and negatives
  if (ns >= kOverflowNs) return kBucketCount - 1;
  const auto bits = std::bit_cast<std::uint64_t>(ns);
  const int exponent = static_cast<int>(bits >> 52) - 1023;
  const int sub = static_cast<int>((bits >> (52 - kSubBucketBits)) & (kSubBuckets - 1));
  return 1 + exponent * kSubBuckets + sub;
}

struct BucketRange {
  double lower_ns = 0;
  double upper_ns = 0;  // exclusive; +infinity for the overflow bucket
};

BucketRange bucket_range(int bucket);

class LatencyHistogram {
 public:
  LatencyHistogram() : counts_(kBucketCount, 0) {}

  void record(double ns) {
    ++counts_[static_cast<std::size_t>(latency_bucket(ns))];
    // Sums of deviations from the first sample: as stable as Welford's update for samples
    // this close together, without a division per pixel.
    if (count_ == 0) shift_ = ns;
    ++count_;
    const double d = ns - shift_;
    sum_ += d;
    sum_squares_ += d * d;
    if (ns < min_) min_ = ns;
    if (ns > max_) max_ = ns;
  }

  // Adds another histogram's samples (Chan et al.'s pairwise update of mean and squared
  // deviations).
  void merge(const LatencyHistogram& other);

  std::uint64_t count() const { return count_; }
  double mean_ns() const;
  double stddev_ns() const;  // sample standard deviation (n - 1); 0 below two samples
  double min_ns() const { return count_ ? min_ : 0.0; }
  double max_ns() const { return count_ ? max_ : 0.0; }

  // Nearest rank: the smallest sample with at least p% of the samples at or below it, reported
  // as its bucket's midpoint (clamped to [min, max]; the overflow bucket reports max). p in
  // [0, 100]; 0 with no samples.
  double percentile_ns(double p) const;

  const std::vector<std::uint64_t>& bucket_counts() const { return counts_; }

  // Everything a histogram holds, to send it to another process and rebuild it there.
  struct Parts {
    std::vector<std::uint64_t> counts;
    std::uint64_t count = 0;
    double shift = 0, sum = 0, sum_squares = 0, min = 0, max = 0;
  };
  Parts parts() const { return {counts_, count_, shift_, sum_, sum_squares_, min_, max_}; }
  // Throws std::invalid_argument when the bucket count is not kBucketCount.
  static LatencyHistogram from_parts(Parts parts);

 private:
  double squared_deviations() const;  // sum of (sample - mean)^2

  std::vector<std::uint64_t> counts_;
  std::uint64_t count_ = 0;
  double shift_ = 0;        // the first sample (after a merge: the mean)
  double sum_ = 0;          // sum of (sample - shift_)
  double sum_squares_ = 0;  // sum of (sample - shift_)^2
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
};

}  // namespace rtcli

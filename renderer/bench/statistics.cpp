#include "bench/statistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace rtcli {

double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  const std::size_t n = v.size();
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n / 2), v.end());
  const double upper = v[n / 2];
  if (n % 2) return upper;
  const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n / 2));
  return 0.5 * (lower + upper);
}

Summary summarise(const std::vector<double>& v) {
  Summary s;
  if (v.empty()) return s;
  s.min = *std::min_element(v.begin(), v.end());
  s.median = median(v);
  s.mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  if (v.size() > 1) {
    double squares = 0;
    for (const double x : v) squares += (x - s.mean) * (x - s.mean);
    s.stddev = std::sqrt(squares / static_cast<double>(v.size() - 1));
  }
  return s;
}

double median_absolute_deviation(const std::vector<double>& v) {
  const double m = median(v);
  std::vector<double> deviations;
  deviations.reserve(v.size());
  for (const double x : v) deviations.push_back(std::abs(x - m));
  return median(std::move(deviations));
}

std::vector<std::size_t> mad_outliers(const std::vector<double>& v, double k) {
  std::vector<std::size_t> out;
  if (v.size() < 3) return out;
  const double m = median(v);
  const double limit = std::max(k * median_absolute_deviation(v), 0.01 * std::abs(m));
  for (std::size_t i = 0; i < v.size(); ++i)
    if (std::abs(v[i] - m) > limit) out.push_back(i);
  return out;
}

bool first_run_slow(const std::vector<double>& v, double factor) {
  if (v.size() < 3) return false;
  return v.front() > factor * median(std::vector<double>(v.begin() + 1, v.end()));
}

RatioEstimate bootstrap_ratio_of_medians(const std::vector<double>& numerator,
                                         const std::vector<double>& denominator, int resamples,
                                         std::uint64_t seed) {
  RatioEstimate r;
  if (numerator.empty() || denominator.empty()) return r;
  r.value = median(numerator) / median(denominator);
  std::mt19937_64 generator(seed);
  std::vector<double> ratios;
  ratios.reserve(static_cast<std::size_t>(resamples));
  std::vector<double> a(numerator.size());
  std::vector<double> b(denominator.size());
  std::uniform_int_distribution<std::size_t> pick_a(0, numerator.size() - 1);
  std::uniform_int_distribution<std::size_t> pick_b(0, denominator.size() - 1);
  for (int i = 0; i < resamples; ++i) {
    for (double& x : a) x = numerator[pick_a(generator)];
    for (double& x : b) x = denominator[pick_b(generator)];
    ratios.push_back(median(a) / median(b));
  }
  std::sort(ratios.begin(), ratios.end());
  const auto at = [&](double q) {
    const auto i = static_cast<std::size_t>(std::floor(q * static_cast<double>(ratios.size() - 1)));
    return ratios[i];
  };
  r.ci95_low = at(0.025);
  r.ci95_high = at(0.975);
  return r;
}

}  // namespace rtcli

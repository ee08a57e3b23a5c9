#include "compare/rank_tests.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "bench/statistics.h"

namespace rtcli::compare {

namespace {
constexpr std::size_t kExactLimit = 20;  // per sample: C(40, 20) arrangements fit a double

// Ranks of a then b pooled (ties share their mean rank), and the tie term sum(t^3 - t).
double rank_sum_of_a(const std::vector<double>& a, const std::vector<double>& b, double& ties) {
  std::vector<std::pair<double, bool>> pooled;
  for (const double x : a) pooled.emplace_back(x, true);
  for (const double x : b) pooled.emplace_back(x, false);
  std::sort(pooled.begin(), pooled.end());
  double sum = 0;
  ties = 0;
  for (std::size_t i = 0; i < pooled.size();) {
    std::size_t j = i;
    while (j < pooled.size() && pooled[j].first == pooled[i].first) ++j;
    const double mean_rank = 0.5 * static_cast<double>(i + 1 + j);
    const double t = static_cast<double>(j - i);
    ties += t * t * t - t;
    for (std::size_t k = i; k < j; ++k)
      if (pooled[k].second) sum += mean_rank;
    i = j;
  }
  return sum;
}

// P(U <= u) for samples of m and n without ties: counts of arrangements by U, built up one
// element at a time (f(m, n) over u = f(m-1, n) shifted by n, plus f(m, n-1)).
double exact_lower_tail(std::size_t m, std::size_t n, std::size_t u) {
  // counts[j][v]: arrangements of i a's and j b's with U = v, for the current i.
  std::vector<std::vector<double>> counts(n + 1, std::vector<double>(m * n + 1, 0.0));
  for (std::size_t j = 0; j <= n; ++j) counts[j][0] = 1;  // i = 0
  for (std::size_t i = 1; i <= m; ++i) {
    std::vector<std::vector<double>> next(n + 1, std::vector<double>(m * n + 1, 0.0));
    next[0][0] = 1;
    for (std::size_t j = 1; j <= n; ++j)
      for (std::size_t v = 0; v <= i * j; ++v)
        next[j][v] = (v >= j ? counts[j][v - j] : 0.0) + next[j - 1][v];
    counts = std::move(next);
  }
  double below = 0, total = 0;
  for (std::size_t v = 0; v <= m * n; ++v) {
    total += counts[n][v];
    if (v <= u) below += counts[n][v];
  }
  return below / total;
}

double normal_upper_tail(double z) {
  return 0.5 * std::erfc(z / std::sqrt(2.0));
}

BootstrapRatio summarise_ratios(std::vector<double> ratios) {
  BootstrapRatio r;
  if (ratios.empty()) return r;
  std::sort(ratios.begin(), ratios.end());
  const auto at = [&](double q) {
    return ratios[static_cast<std::size_t>(std::floor(q * static_cast<double>(ratios.size() - 1)))];
  };
  r.ci95_low = at(0.025);
  r.ci95_high = at(0.975);
  const auto below = std::count_if(ratios.begin(), ratios.end(), [](double x) { return x < 1; });
  const auto above = std::count_if(ratios.begin(), ratios.end(), [](double x) { return x > 1; });
  const double n = static_cast<double>(ratios.size());
  // Ties at exactly 1 count for both sides; the +1 keeps a p-value from being 0.
  const double ties = n - static_cast<double>(below + above);
  const double side = static_cast<double>(std::min(below, above)) + ties;
  r.p_value = std::min(1.0, 2.0 * (side + 1) / (n + 1));
  return r;
}

// The value at cumulative fraction q of a histogram: the midpoint of the bucket holding it, as
// the report's percentiles are, so that the interval and the figure agree.
double inverse_cdf(const std::vector<Bucket>& buckets, const std::vector<double>& cumulative,
                   double q) {
  const auto it = std::lower_bound(cumulative.begin(), cumulative.end(), q * cumulative.back());
  const std::size_t b =
      std::min(static_cast<std::size_t>(it - cumulative.begin()), buckets.size() - 1);
  return 0.5 * (buckets[b][0] + buckets[b][1]);
}

std::vector<double> cumulative_counts(const std::vector<Bucket>& buckets) {
  std::vector<double> out;
  double seen = 0;
  for (const Bucket& b : buckets) out.push_back(seen += b[2]);
  return out;
}
}  // namespace

double mann_whitney_p(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.empty() || b.empty()) return 1.0;
  const double m = static_cast<double>(a.size());
  const double n = static_cast<double>(b.size());
  double ties = 0;
  const double u = rank_sum_of_a(a, b, ties) - m * (m + 1) / 2;
  const double u_small = std::min(u, m * n - u);
  if (ties == 0 && a.size() <= kExactLimit && b.size() <= kExactLimit)
    return std::min(1.0, 2.0 * exact_lower_tail(a.size(), b.size(),
                                                static_cast<std::size_t>(std::llround(u_small))));
  const double total = m + n;
  const double variance = m * n / 12.0 * ((total + 1) - ties / (total * (total - 1)));
  if (variance <= 0) return 1.0;  // every value equal
  const double z = (m * n / 2 - u_small - 0.5) / std::sqrt(variance);
  return std::min(1.0, 2.0 * normal_upper_tail(std::max(0.0, z)));
}

BootstrapRatio bootstrap_median_ratio(const std::vector<double>& base,
                                      const std::vector<double>& candidate, int resamples,
                                      std::uint64_t seed) {
  if (base.empty() || candidate.empty()) return {};
  std::mt19937_64 generator(seed);
  std::uniform_int_distribution<std::size_t> pick_base(0, base.size() - 1);
  std::uniform_int_distribution<std::size_t> pick_candidate(0, candidate.size() - 1);
  std::vector<double> a(base.size()), b(candidate.size()), ratios;
  for (int i = 0; i < resamples; ++i) {
    for (double& x : a) x = base[pick_base(generator)];
    for (double& x : b) x = candidate[pick_candidate(generator)];
    const double denominator = median(a);
    if (denominator > 0) ratios.push_back(median(b) / denominator);
  }
  return summarise_ratios(std::move(ratios));
}

double bucket_percentile(const std::vector<Bucket>& buckets, double percent) {
  double total = 0;
  for (const Bucket& b : buckets) total += b[2];
  if (total <= 0) return 0;
  const double rank = std::max(1.0, std::ceil(percent / 100.0 * total - 1e-9));
  double seen = 0;
  for (const Bucket& b : buckets)
    if ((seen += b[2]) >= rank) return 0.5 * (b[0] + b[1]);
  return 0.5 * (buckets.back()[0] + buckets.back()[1]);
}

BootstrapRatio bootstrap_percentile_ratio(const std::vector<Bucket>& base,
                                          const std::vector<Bucket>& candidate, double percent,
                                          int resamples, std::uint64_t seed) {
  if (base.empty() || candidate.empty()) return {};
  std::mt19937_64 generator(seed);
  const std::vector<double> cum_base = cumulative_counts(base);
  const std::vector<double> cum_candidate = cumulative_counts(candidate);
  // The rank-th smallest of N uniform draws is Beta(rank, N - rank + 1), drawn as G1/(G1+G2).
  const auto order_statistic = [&](double total) {
    const double rank = std::max(1.0, std::ceil(percent / 100.0 * total - 1e-9));
    std::gamma_distribution<double> g1(rank, 1.0), g2(total - rank + 1, 1.0);
    const double x = g1(generator);
    return x / (x + g2(generator));
  };
  std::vector<double> ratios;
  for (int i = 0; i < resamples; ++i) {
    const double a = inverse_cdf(base, cum_base, order_statistic(cum_base.back()));
    const double b = inverse_cdf(candidate, cum_candidate, order_statistic(cum_candidate.back()));
    if (a > 0) ratios.push_back(b / a);
  }
  return summarise_ratios(std::move(ratios));
}

}  // namespace rtcli::compare

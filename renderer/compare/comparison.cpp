#include "compare/comparison.h"

#include <algorithm>

#include "bench/statistics.h"
#include "system/errors.h"

namespace rtcli::compare {

namespace {
// Fewer repetitions than this on either side and Mann-Whitney cannot reach p < 0.05 (3 vs 3:
// p >= 0.1), so the median ratio is bootstrapped instead.
constexpr std::size_t kMinRepetitionsForU = 4;

FigureChange change_of(const Figure& base, const Figure& candidate, const CompareOptions& o) {
  FigureChange c;
  c.scene = base.scene;
  c.name = base.name;
  c.unit = base.unit;
  c.base = base.value;
  c.candidate = candidate.value;
  c.change_percent = (candidate.value / base.value - 1) * 100;
  BootstrapRatio interval;
  if (base.percentile > 0) {
    interval = bootstrap_percentile_ratio(base.buckets, candidate.buckets, base.percentile);
    c.p_value = interval.p_value;
    c.test = "bootstrap over one pass's pixels";
  } else if (base.values.size() < 2 || candidate.values.size() < 2) {
    c.test = "one repetition: not tested";
  } else {
    interval = bootstrap_median_ratio(base.values, candidate.values);
    if (std::min(base.values.size(), candidate.values.size()) >= kMinRepetitionsForU) {
      c.p_value = mann_whitney_p(base.values, candidate.values);
      c.test = "Mann-Whitney U, " + std::to_string(base.values.size()) + " vs " +
               std::to_string(candidate.values.size());
    } else {
      c.p_value = interval.p_value;
      c.test = "bootstrap, " + std::to_string(base.values.size()) + " vs " +
               std::to_string(candidate.values.size()) + " repetitions";
    }
  }
  c.ci95_low_percent = (interval.ci95_low - 1) * 100;
  c.ci95_high_percent = (interval.ci95_high - 1) * 100;
  // A percentile that moved less than one step of the clock moved by rounding, not by cost.
  const bool within_clock_step =
      base.percentile > 0 && std::abs(candidate.value - base.value) < base.clock_step_ns;
  if (within_clock_step) c.test += ", change under one clock step";
  if (c.test == "one repetition: not tested") {
    c.ci95_low_percent = c.ci95_high_percent = c.change_percent;
    c.verdict =
        std::abs(c.change_percent) < o.threshold_percent ? Verdict::kNoChange : Verdict::kUntested;
  } else if (c.p_value < o.alpha && !within_clock_step &&
             c.ci95_low_percent > o.threshold_percent) {
    c.verdict = Verdict::kRegressed;
  } else if (c.p_value < o.alpha && !within_clock_step &&
             c.ci95_high_percent < -o.threshold_percent) {
    c.verdict = Verdict::kImproved;
  } else {
    // Inside the threshold, not significant, or an interval that reaches into the threshold:
    // on a shared machine one slow stretch makes a significant p, never a tight interval.
    c.verdict = Verdict::kNoChange;
  }
  return c;
}
}  // namespace

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::kImproved:
      return "improved";
    case Verdict::kRegressed:
      return "regressed";
    case Verdict::kNoChange:
      return "no change";
    case Verdict::kUntested:
      return "untested";
  }
  return "untested";
}

bool Comparison::any_regressed() const {
  return std::any_of(figures.begin(), figures.end(),
                     [](const FigureChange& f) { return f.verdict == Verdict::kRegressed; });
}

Comparison compare_reports(const BenchFigures& base, const BenchFigures& candidate,
                           const CompareOptions& options) {
  Comparison out;
  out.base_path = base.path;
  out.candidate_path = candidate.path;
  out.options = options;
  for (std::size_t i = 0; i < base.identity.size() && i < candidate.identity.size(); ++i)
    if (base.identity[i].second != candidate.identity[i].second)
      out.differences.push_back(base.identity[i].first + " differs (" + base.identity[i].second +
                                " vs " + candidate.identity[i].second + ")");
  if (!out.differences.empty() && !options.force) {
    std::string all;
    for (const std::string& d : out.differences) all += (all.empty() ? "" : "; ") + d;
    throw UsageError("the reports do not compare: " + all + " (--force compares anyway)");
  }
  for (const Figure& b : base.figures) {
    const auto match = std::find_if(candidate.figures.begin(), candidate.figures.end(),
                                    [&](const Figure& c) { return c.key == b.key; });
    if (match == candidate.figures.end() || b.value <= 0) {
      out.only_in_one.push_back(b.key);
      continue;
    }
    out.figures.push_back(change_of(b, *match, options));
  }
  for (const Figure& c : candidate.figures)
    if (std::none_of(base.figures.begin(), base.figures.end(),
                     [&](const Figure& b) { return b.key == c.key; }))
      out.only_in_one.push_back(c.key);
  for (const auto& [name, report] : {std::pair{"base", &base}, std::pair{"new", &candidate}})
    for (const std::string& w : report->machine_warnings)
      out.warnings.push_back(std::string(name) + " (" + report->path + "): " + w);
  return out;
}

}  // namespace rtcli::compare

// Two bench reports compared figure by figure: change, 95% interval, p-value, verdict. Plain
// data; comparison_format.* prints it.
#pragma once

#include <string>
#include <vector>

#include "compare/bench_figures.h"

namespace rtcli::compare {

enum class Verdict { kNoChange, kImproved, kRegressed, kUntested };
const char* to_string(Verdict verdict);

struct CompareOptions {
  // A change is "improved" or "regressed" only when p < alpha and its whole 95% interval lies
  // beyond +/- this: a change that may be inside it is "no change", whatever p says.
  double threshold_percent = 2;
  double alpha = 0.05;  // significance level
  bool force = false;   // compare reports whose identities differ
};

struct FigureChange {
  std::string scene;  // as Figure
  std::string name;
  std::string unit;
  double base = 0;  // the figure in the base report
  double candidate = 0;
  double change_percent = 0;  // (candidate / base - 1) * 100; negative: faster
  double ci95_low_percent = 0;
  double ci95_high_percent = 0;
  double p_value = 1;
  std::string test;  // how p and the interval were found
  Verdict verdict = Verdict::kUntested;
};

struct Comparison {
  std::string base_path;
  std::string candidate_path;
  CompareOptions options;
  std::vector<std::string> differences;  // identity facts that differ, e.g. "frame size ..."
  std::vector<FigureChange> figures;     // the figures both reports have, in the base's order
  std::vector<std::string> only_in_one;  // keys of figures one report lacks
  std::vector<std::string> warnings;     // each report's machine warnings, named by report
  bool any_regressed() const;
};

// Throws UsageError (exit 2) naming what differs when the identities differ and !force.
Comparison compare_reports(const BenchFigures& base, const BenchFigures& candidate,
                           const CompareOptions& options);

}  // namespace rtcli::compare

// `rtcli compare BASE.json NEW.json`: two bench reports, figure by figure, with verdicts.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace rtcli::cli {

struct CompareFlags {
  std::string base;                 // BASE.json
  std::string candidate;            // NEW.json
  std::string threshold = "2";      // --threshold PERCENT: noise threshold
  std::string format = "text";      // --format text|markdown|json
  bool fail_on_regression = false;  // --fail-on-regression: exit 1 when a figure regressed
  bool force = false;               // --force: compare reports that differ in frame, scene...
};

CLI::App* add_compare_command(CLI::App& app, CompareFlags& flags);

// Returns the exit code (1: a regression with --fail-on-regression); bad input throws
// UsageError.
int run_compare(const CompareFlags& flags);

}  // namespace rtcli::cli

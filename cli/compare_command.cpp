#include "compare_command.h"

#include <cmath>
#include <cstdio>

#include "compare/comparison_format.h"
#include "flag_binding.h"
#include "flag_values.h"
#include "system/errors.h"

namespace rtcli::cli {

CLI::App* add_compare_command(CLI::App& app, CompareFlags& f) {
  CLI::App* cmd = add_command(app, kCompare);
  cmd->add_option("BASE", f.base, "The baseline rtcli.bench/1 report")->required();
  cmd->add_option("NEW", f.candidate, "The report to judge against it")->required();
  bind_flag(*cmd, kCompare, "--threshold", f.threshold);
  bind_flag(*cmd, kCompare, "--format", f.format)
      ->check(CLI::IsMember({"text", "markdown", "json"}).description(""));
  bind_flag(*cmd, kCompare, "--fail-on-regression", f.fail_on_regression);
  bind_flag(*cmd, kCompare, "--force", f.force);
  check_all_bound(*cmd, kCompare);
  return cmd;
}

int run_compare(const CompareFlags& f) {
  compare::CompareOptions options;
  char* end = nullptr;
  options.threshold_percent = std::strtod(f.threshold.c_str(), &end);
  if (*end != '\0' || !std::isfinite(options.threshold_percent) || options.threshold_percent < 0 ||
      options.threshold_percent >= 100)
    throw UsageError("--threshold: '" + f.threshold + "' is not a percentage from 0 to 100");
  options.force = f.force;
  // Read in order, so that of two bad files the error names the first, as the user wrote them
  // (the arguments of one call are evaluated in no set order).
  const compare::BenchFigures base = compare::read_bench_figures(f.base);
  const compare::BenchFigures candidate = compare::read_bench_figures(f.candidate);
  const compare::Comparison c = compare::compare_reports(base, candidate, options);
  if (f.format == "json")
    std::fputs(compare::format_json(c).c_str(), stdout);
  else if (f.format == "markdown")
    std::fputs(compare::format_markdown(c).c_str(), stdout);
  else
    std::fputs(compare::format_text(c).c_str(), stdout);
  for (const std::string& d : c.differences)
    std::fprintf(stderr, "rtcli: warning: compared with --force although %s\n", d.c_str());
  return f.fail_on_regression && c.any_regressed() ? 1 : 0;
}

}  // namespace rtcli::cli

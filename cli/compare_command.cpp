#include "compare_command.h"

#include <cmath>
#include <cstdio>

#include "compare/comparison_format.h"
#include "flag_values.h"
#include "system/errors.h"

namespace rtcli::cli {

CLI::App* add_compare_command(CLI::App& app, CompareFlags& f) {
  CLI::App* cmd = app.add_subcommand(
      "compare", "Compare two bench reports figure by figure: change, 95% CI, p, verdict");
  cmd->add_option("BASE", f.base, "The baseline rtcli.bench/1 report")->required();
  cmd->add_option("NEW", f.candidate, "The report to judge against it")->required();
  cmd->add_option("--threshold", f.threshold,
                  "Noise threshold in percent: a change whose 95% CI reaches inside +/- this is "
                  "\"no change\", whatever p says")
      ->capture_default_str()
      ->check(non_empty());
  cmd->add_option("--format", f.format, "Output: text (100 columns), markdown or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  cmd->add_flag("--fail-on-regression", f.fail_on_regression, "Exit 1 when any figure regressed");
  cmd->add_flag("--force", f.force,
                "Compare reports of another frame size, scene, build type or SIMD target, "
                "flagging every line");
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
  const compare::Comparison c = compare::compare_reports(
      compare::read_bench_figures(f.base), compare::read_bench_figures(f.candidate), options);
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

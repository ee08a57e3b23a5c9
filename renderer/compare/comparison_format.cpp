#include "compare/comparison_format.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

namespace rtcli::compare {

namespace {
std::string printf_string(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

// Three significant figures without an exponent: 0.412, 41.2, 4,120 -> "4120".
std::string significant(double x) {
  const double a = std::abs(x);
  if (a >= 100) return printf_string("%.0f", x);
  if (a >= 10) return printf_string("%.1f", x);
  if (a >= 1) return printf_string("%.2f", x);
  return printf_string("%.3g", x);
}

std::string time_text(double value, const std::string& unit) {
  return significant(value) + " " + unit;
}

std::string percent(double x) {
  return printf_string("%+.1f%%", x);
}

std::string p_text(const FigureChange& f) {
  if (f.test.rfind("one repetition", 0) == 0) return "-";
  return f.p_value < 0.001 ? "<0.001" : printf_string("%.3f", f.p_value);
}

std::string interval(const FigureChange& f) {
  std::string out = "[";  // appended: GCC 12 warns falsely on "literal" + temporary string
  return out.append(percent(f.ci95_low_percent)) + ", " + percent(f.ci95_high_percent) + "]";
}

std::string pad(const std::string& s, std::size_t width, bool right) {
  if (s.size() >= width) return s;
  return right ? std::string(width - s.size(), ' ') + s : s + std::string(width - s.size(), ' ');
}

// `first` then `text` in lines of at most 100 columns, continuations indented by two.
std::string wrapped(const std::string& first, const std::string& text) {
  std::string out = first, word;
  std::size_t column = first.size();
  std::istringstream words(text);
  while (words >> word) {
    if (column + 1 + word.size() > 100 && column > 2) {
      out += "\n  ";
      column = 2;
    } else if (column > 0 && out.back() != ' ') {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
  }
  return out + "\n";
}

// When a figure is judged to have changed.
std::string rule(const Comparison& c) {
  std::string out = "regressed or improved: p < ";  // appended: GCC 12's false -Wrestrict
  return out.append(printf_string("%g", c.options.alpha))
      .append(" and the whole 95% CI beyond +/-")
      .append(printf_string("%g", c.options.threshold_percent))
      .append("%; else no change");
}

const char* kNotes =
    "change = new / base - 1 of the median (frames) or the percentile (pixels); negative is "
    "faster.\nframes: Mann-Whitney U on the repetitions (bootstrap under 4 each), interval: "
    "bootstrap of the\nmedians' ratio. pixel percentiles: one instrumented pass each, so p and "
    "the interval are a\nbootstrap over that pass's pixels: sampling noise only, not the "
    "run-to-run noise;\na change under one step of the clock is no change.\n";
}  // namespace

std::string format_text(const Comparison& c) {
  std::string out = "base " + c.base_path + "\nnew  " + c.candidate_path + "\n" + rule(c) + "\n";
  for (const std::string& d : c.differences)
    out += wrapped("warning:", "compared with --force although " + d);
  for (const std::string& w : c.warnings) out += wrapped("warning:", w);
  const std::string mark = c.differences.empty() ? "" : "!";  // --force: every line flagged
  out += "\n";
  out += pad("figure", 24, false) + pad("base", 12, true) + pad("new", 12, true) +
         pad("change", 9, true) + "  " + pad("95% CI", 17, false) + pad("p", 7, true) +
         "  verdict\n";
  std::string scene;
  for (const FigureChange& f : c.figures) {
    if (f.scene != scene) out += "scene " + (scene = f.scene) + "\n";
    out += pad(mark + f.name, 24, false) + pad(time_text(f.base, f.unit), 12, true) +
           pad(time_text(f.candidate, f.unit), 12, true) + pad(percent(f.change_percent), 9, true) +
           "  " + pad(interval(f), 17, false) + pad(p_text(f), 7, true) + "  " +
           to_string(f.verdict) + (mark.empty() ? "" : " (forced)") + "\n";
  }
  for (const std::string& key : c.only_in_one) out += "in one report only: " + key + "\n";
  return out + "\n" + kNotes;
}

std::string format_markdown(const Comparison& c) {
  std::string out =
      "| figure | base | new | change | 95% CI | p | verdict |\n"
      "| --- | ---: | ---: | ---: | --- | ---: | --- |\n";
  for (const FigureChange& f : c.figures) {
    const std::string verdict = to_string(f.verdict);
    out +=
        "| " + (f.scene.empty() ? "" : "`" + f.scene + "` ") + f.name + " | " +
        time_text(f.base, f.unit) + " | " + time_text(f.candidate, f.unit) + " | " +
        percent(f.change_percent) + " | " + interval(f) + " | " + p_text(f) + " | " +
        (f.verdict == Verdict::kImproved || f.verdict == Verdict::kRegressed ? "**" + verdict + "**"
                                                                             : verdict) +
        (c.differences.empty() ? "" : " (forced)") + " |\n";
  }
  out.append("\n").append(rule(c)).append(". ").append(kNotes);
  for (const std::string& d : c.differences) out += "\n> **Compared with --force although** " + d;
  for (const std::string& w : c.warnings) out += "\n> **Warning:** " + w;
  return out + "\n";
}

std::string format_json(const Comparison& c) {
  using json = nlohmann::ordered_json;
  json figures = json::array();
  for (const FigureChange& f : c.figures)
    figures.push_back(
        {{"scene", f.scene},
         {"figure", f.name},
         {"unit", f.unit},
         {"base", f.base},
         {"new", f.candidate},
         {"change_percent", f.change_percent},
         {"ci95_low_percent", f.ci95_low_percent},
         {"ci95_high_percent", f.ci95_high_percent},
         {"p_value", f.test.rfind("one repetition", 0) == 0 ? json(nullptr) : json(f.p_value)},
         {"test", f.test},
         {"verdict", to_string(f.verdict)}});
  const json out = {
      {"schema", "rtcli.compare/1"},  {"base", c.base_path},
      {"new", c.candidate_path},      {"threshold_percent", c.options.threshold_percent},
      {"alpha", c.options.alpha},     {"forced_differences", c.differences},
      {"warnings", c.warnings},       {"figures", figures},
      {"only_in_one", c.only_in_one}, {"any_regressed", c.any_regressed()}};
  return out.dump(2) + "\n";
}

}  // namespace rtcli::compare

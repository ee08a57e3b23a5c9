#include "flag_docs.h"

#include <algorithm>
#include <cctype>

namespace rtcli::cli {
namespace {
// The help line and the details, as one clause list; lower case in the manual's tables, whose
// cells are not sentences.
std::string meaning(const FlagSpec& flag, bool lower_case) {
  std::string text(flag.help);
  if (lower_case && !text.empty())
    text.front() = static_cast<char>(std::tolower(static_cast<unsigned char>(text.front())));
  if (!flag.details.empty()) text.append("; ").append(flag.details);
  return text;
}

// Inside a Markdown table a '|' ends the cell, even in a code span.
std::string table_cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

// roff: a backslash is \e, a minus sign \-, and a line may not start with '.' or '\''.
std::string roff(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}
}  // namespace

std::string flags_markdown(Command command) {
  std::string out = "| flag | default | meaning |\n| --- | --- | --- |\n";
  for (const FlagSpec& flag : flags()) {
    if ((flag.commands & command) == 0) continue;
    std::string name = std::string("`").append(table_cell(flag_usage(flag))).append("`");
    if (!flag.alias.empty()) name += ", `" + std::string(flag.alias) + "`";
    const std::string fallback =
        flag.default_value.empty()
            ? std::string(flag.default_text)
            : std::string("`").append(table_cell(flag.default_value)).append("`");
    out += "| " + name + " | " + fallback + " | " + table_cell(meaning(flag, true)) + " |\n";
  }
  return out;
}

std::string man_page(const std::string& version) {
  std::string out = ".TH RTCLI 1 \"\" \"rtcli " + roff(version) + "\" \"User Commands\"\n";
  out += ".SH NAME\nrtcli \\- a parallel ray tracer that measures how fast native code renders\n";
  out += ".SH SYNOPSIS\n";
  for (const CommandSpec& command : commands()) {
    out += ".B rtcli " + roff(command.name) + "\n";
    for (const FlagSpec& flag : flags())
      if ((flag.commands & command.command) != 0 && flag.required)
        out += ".B " + roff(flag.name) + "\n.I " + roff(flag.value_name) + "\n";
    out += "[\\fIOPTIONS\\fR]\n";
    if (!command.operands.empty()) out += ".I " + roff(command.operands) + "\n";
    out += ".br\n";
  }
  out += ".B rtcli \\-\\-version\n.br\n.B rtcli \\-\\-help\n";
  out +=
      ".SH DESCRIPTION\nrtcli renders the scene of a talk's pure\\-Python ray tracer, pixel for "
      "pixel, in tiles that oneTBB renders in parallel, and measures every pixel's latency "
      "with a trustworthy clock.\nEach subcommand prints its flags with \\fB\\-\\-help\\fR.\n";
  for (const CommandSpec& command : commands()) {
    std::string heading(command.name);
    std::transform(heading.begin(), heading.end(), heading.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    out += ".SH RTCLI " + heading + "\n" + roff(command.summary) + ".\n";
    for (const FlagSpec& flag : flags()) {
      if ((flag.commands & command.command) == 0) continue;
      out += ".TP\n.B " + roff(flag.name);
      if (!flag.alias.empty()) out += ", " + roff(flag.alias);
      out += flag.value_name.empty() ? "\n" : " \\fI" + roff(flag.value_name) + "\\fR\n";
      out += roff(plain(meaning(flag, false)));
      if (!default_said(flag).empty()) out += "\n.br\nDefault: " + roff(default_said(flag)) + ".";
      out += "\n";
    }
  }
  out +=
      ".SH EXIT STATUS\n"
      ".TP\n.B 0\ndone\n"
      ".TP\n.B 1\nthe run failed: a scene file that is missing or wrong, an output that "
      "cannot be written, stdout that cannot be written\n"
      ".TP\n.B 2\nusage: an unknown command or flag, a missing or bad value\n"
      ".TP\n.B 128 + signal\nstopped by SIGINT, SIGTERM, SIGHUP or SIGQUIT\n";
  out +=
      ".SH DIAGNOSTICS\nEvery failure is one line on stderr, \\fBrtcli: error: \\fR...,"
      " naming the bad value.\n";
  return out;
}

}  // namespace rtcli::cli

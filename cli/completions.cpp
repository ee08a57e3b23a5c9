#include "completions.h"

#include "flag_table.h"

namespace rtcli::cli {
namespace {
bool takes(const FlagSpec& flag, const CommandSpec& command) {
  return (flag.commands & command.command) != 0;
}

// A bash word list for compgen -W: the command's flags, aliases and --help.
std::string flag_words(const CommandSpec& command) {
  std::string words;
  for (const FlagSpec& flag : flags()) {
    if (!takes(flag, command)) continue;
    words.append(flag.name).append(" ");
    if (!flag.alias.empty()) words.append(flag.alias).append(" ");
  }
  return words + "--help";
}

// What bash offers for a value of `flag`.
std::string bash_values(const FlagSpec& flag) {
  switch (flag.completion) {
    case Completion::kFolder:
      return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\"))";
    case Completion::kFile:
      return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))";
    case Completion::kJsonFile:
    case Completion::kPngFile: {
      const std::string pattern = flag.completion == Completion::kJsonFile ? "json" : "png";
      return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -X '!*." + pattern +
             "' -- \"$cur\") $(compgen -d -- \"$cur\"))";
    }
    case Completion::kChoices:
      return "COMPREPLY=($(compgen -W '" + std::string(flag.choices) + "' -- \"$cur\"))";
    case Completion::kText:
      break;
  }
  return "COMPREPLY=()";  // a number or a size: nothing to offer
}

// Inside a single-quoted zsh _arguments spec: the quote closes, and []: are syntax.
std::string zsh_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\'')
      out += "'\\''";
    else if (c == '[' || c == ']' || c == ':' || c == '\\')
      out.append("\\").push_back(c);
    else
      out += c;
  }
  return out;
}

std::string zsh_values(const FlagSpec& flag) {
  const std::string message = std::string(":").append(zsh_text(flag.value_name)).append(":");
  switch (flag.completion) {
    case Completion::kFolder:
      return message + "_files -/";
    case Completion::kFile:
      return message + "_files";
    case Completion::kJsonFile:
      return message + "_files -g \"*.json\"";
    case Completion::kPngFile:
      return message + "_files -g \"*.png\"";
    case Completion::kChoices:
      return message + "(" + std::string(flag.choices) + ")";
    case Completion::kText:
      break;
  }
  return message + " ";
}
}  // namespace

std::string bash_completion() {
  std::string names;
  for (const CommandSpec& command : commands())
    names.append(names.empty() ? "" : "|").append(command.name);
  std::string out =
      "# bash completion for rtcli, generated from its flag table (rtcli --completion bash)\n"
      "_rtcli() {\n"
      "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} command= i\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    case ${COMP_WORDS[i]} in\n"
      "      " +
      names +
      ") command=${COMP_WORDS[i]}; break ;;\n"
      "    esac\n"
      "  done\n"
      "  case \"$command $prev\" in\n";
  for (const CommandSpec& command : commands())
    for (const FlagSpec& flag : flags())
      if (takes(flag, command) && !flag.value_name.empty())
        out += "    \"" + std::string(command.name) + " " + std::string(flag.name) + "\") " +
               bash_values(flag) + "; return ;;\n";
  out += "  esac\n  case $command in\n";
  std::string top = "--help";
  for (const CommandSpec& command : commands()) {
    out += "    " + std::string(command.name) + ") COMPREPLY=($(compgen -W '" +
           flag_words(command) + "' -- \"$cur\")) ;;\n";
    top.insert(0, std::string(command.name) + " ");
  }
  for (const FlagSpec& flag : flags())
    if ((flag.commands & kTopLevel) != 0) top.append(" ").append(flag.name);
  out += "    *) COMPREPLY=($(compgen -W '" + top + "' -- \"$cur\")) ;;\n  esac\n}\n";
  out += "complete -F _rtcli rtcli\n";
  return out;
}

std::string zsh_completion() {
  std::string out =
      "#compdef rtcli\n"
      "# zsh completion for rtcli, generated from its flag table (rtcli --completion zsh)\n"
      "_rtcli() {\n"
      "  local curcontext=$curcontext state line\n"
      "  typeset -A opt_args\n"
      "  _arguments -C \\\n";
  for (const FlagSpec& flag : flags())
    if ((flag.commands & kTopLevel) != 0)
      out += "    '(- *)" + std::string(flag.name) + "[" + zsh_text(plain(flag.help)) + "]' \\\n";
  out +=
      "    '(- *)'{-h,--help}'[Print help and exit]' \\\n"
      "    '1:command:->command' \\\n"
      "    '*::argument:->argument'\n"
      "  case $state in\n"
      "    command)\n"
      "      local -a commands=(";
  for (const CommandSpec& command : commands())
    out.append("'").append(command.name).append(":").append(zsh_text(command.summary)).append("' ");
  out +=
      ")\n"
      "      _describe command commands ;;\n"
      "    argument)\n"
      "      case $words[1] in\n";
  for (const CommandSpec& command : commands()) {
    out += "        " + std::string(command.name) + ")\n          _arguments \\\n";
    out += "            '(- *)'{-h,--help}'[Print help and exit]' \\\n";
    for (const FlagSpec& flag : flags()) {
      if (!takes(flag, command)) continue;
      const std::string help = std::string("[").append(zsh_text(plain(flag.help))).append("]");
      const std::string values = flag.value_name.empty() ? "" : zsh_values(flag);
      if (!flag.alias.empty())
        out += "            '(" + std::string(flag.alias) + " " + std::string(flag.name) + ")'{" +
               std::string(flag.alias) + "," + std::string(flag.name) + "}'" + help + values +
               "' \\\n";
      else
        out += "            '" + std::string(flag.repeated ? "*" : "") + std::string(flag.name) +
               help + values + "' \\\n";
    }
    out.resize(out.size() - 3);  // the last line's " \\\n"
    out += "\n          ;;\n";
  }
  out += "      esac ;;\n  esac\n}\n_rtcli \"$@\"\n";
  return out;
}

}  // namespace rtcli::cli

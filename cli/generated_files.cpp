#include "generated_files.h"

#include <cstdio>
#include <string>

#include "bench/build_facts.h"
#include "completions.h"
#include "flag_docs.h"
#include "flag_table.h"
#include "system/errors.h"

namespace rtcli::cli {
namespace {
constexpr std::string_view kFlags[] = {"--man", "--completion", "--help-markdown"};

std::string_view argument(int argc, const char* const* argv, std::string_view expected) {
  if (argc != 3)
    throw UsageError(std::string(argv[1]) + " takes one argument: " + std::string(expected));
  return argv[2];
}
}  // namespace

std::span<const std::string_view> generator_flags() {
  return kFlags;
}

bool print_generated_file(int argc, const char* const* argv, bool print) {
  if (argc < 2) return false;
  const std::string_view option = argv[1];
  std::string text;
  if (option == "--man") {
    if (argc != 2) throw UsageError("--man takes no argument");
    text = man_page(build_facts().version);
  } else if (option == "--completion") {
    const std::string_view shell = argument(argc, argv, "bash or zsh");
    if (shell == "bash")
      text = bash_completion();
    else if (shell == "zsh")
      text = zsh_completion();
    else
      throw UsageError("--completion: unknown shell '" + std::string(shell) +
                       "': expected bash or zsh");
  } else if (option == "--help-markdown") {
    const std::string_view name = argument(argc, argv, "a command");
    const CommandSpec* command = nullptr;
    for (const CommandSpec& c : commands())
      if (c.name == name) command = &c;
    if (command == nullptr)
      throw UsageError("--help-markdown: unknown command '" + std::string(name) + "'");
    text = flags_markdown(command->command);
  } else {
    return false;
  }
  if (print) std::fputs(text.c_str(), stdout);
  return true;
}

}  // namespace rtcli::cli

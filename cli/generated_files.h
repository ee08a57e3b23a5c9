// Hidden top-level options that print what the build generates from the flag table and
// installs: the man page, the shell completions, and the manual's flag tables.
//   rtcli --man                       rtcli.1 (roff)
//   rtcli --completion bash|zsh       the completion script
//   rtcli --help-markdown COMMAND     COMMAND's flag table in Markdown, for doc/guide.md
#pragma once

#include <span>
#include <string_view>

namespace rtcli::cli {

// The hidden options' names, so that they are not taken for typos.
std::span<const std::string_view> generator_flags();

// When argv[1] is one of them, prints the document on stdout (if `print`) and returns true.
// Throws UsageError for a missing or unknown argument.
bool print_generated_file(int argc, const char* const* argv, bool print);

}  // namespace rtcli::cli

// A mistyped command or flag named, with the nearest known one, as git does: CLI11 alone says "A
// subcommand is required" for `rtcli rendr`, and only that --out is missing for
// `rtcli render --otu x`.
#pragma once

namespace rtcli::cli {

// Checks every command and flag word of the command line against the flag table before CLI11
// parses it. Throws UsageError naming the first unknown one ("unknown command 'rendr'; did you
// mean 'render'?"). Values and stray positional words are left to CLI11.
void check_command_words(int argc, const char* const* argv);

}  // namespace rtcli::cli

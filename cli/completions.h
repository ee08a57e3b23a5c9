// Shell completions for rtcli, generated from the flag table (flag_table.h).
#pragma once

#include <string>

namespace rtcli::cli {

// share/bash-completion/completions/rtcli: commands, each command's flags, and their values
// (folders for --out, JSON files for --scene, the words of --accel).
std::string bash_completion();

// share/zsh/site-functions/_rtcli: the same for zsh, with each flag's help.
std::string zsh_completion();

}  // namespace rtcli::cli

// CLI11 options made from the flag table (flag_table.h): each command binds its flags to the
// fields of its plain flags struct, and the table supplies the name, help and default.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "flag_table.h"

namespace rtcli::cli {

// The subcommand, named and described as the table says.
CLI::App* add_command(CLI::App& app, Command command);

// The table's flag `name` of `command` on `cmd`, filling `value`, which is set to the flag's
// default now. Every value but --checkpoints' refuses "".
CLI::Option* bind_flag(CLI::App& cmd, Command command, std::string_view name, std::string& value);
void bind_flag(CLI::App& cmd, Command command, std::string_view name,
               std::vector<std::string>& values);
void bind_flag(CLI::App& cmd, Command command, std::string_view name, bool& value);

// Throws std::logic_error unless every flag the table gives `command` is an option of `cmd`.
void check_all_bound(const CLI::App& cmd, Command command);

}  // namespace rtcli::cli

#include "flag_binding.h"

#include <stdexcept>

#include "flag_values.h"

namespace rtcli::cli {
namespace {
std::string option_names(const FlagSpec& flag) {
  return flag.alias.empty() ? std::string(flag.name)
                            : std::string(flag.name) + "," + std::string(flag.alias);
}

// The help line; CLI11 shows a default value itself, a default in words is added here.
std::string help_text(const FlagSpec& flag) {
  std::string text = plain(flag.help);
  if (flag.default_value.empty() && !default_said(flag).empty())
    text.append(" (default: ").append(default_said(flag)).append(")");
  return text;
}

CLI::Option* add_value_option(const FlagSpec& flag, CLI::Option* option) {
  option->type_name(std::string(flag.value_name));
  if (!flag.default_value.empty()) option->default_str(std::string(flag.default_value));
  if (flag.required) option->required();
  if (!flag.may_be_empty) option->check(non_empty());
  return option;
}
}  // namespace

CLI::App* add_command(CLI::App& app, Command command) {
  const CommandSpec& spec = command_spec(command);
  return app.add_subcommand(std::string(spec.name), std::string(spec.summary));
}

CLI::Option* bind_flag(CLI::App& cmd, Command command, std::string_view name, std::string& value) {
  const FlagSpec& flag = flag_spec(command, name);
  value = std::string(flag.default_value);
  return add_value_option(flag, cmd.add_option(option_names(flag), value, help_text(flag)));
}

void bind_flag(CLI::App& cmd, Command command, std::string_view name,
               std::vector<std::string>& values) {
  const FlagSpec& flag = flag_spec(command, name);
  values.clear();
  add_value_option(flag, cmd.add_option(option_names(flag), values, help_text(flag)))
      ->delimiter(',');
}

void bind_flag(CLI::App& cmd, Command command, std::string_view name, bool& value) {
  const FlagSpec& flag = flag_spec(command, name);
  value = false;
  cmd.add_flag(option_names(flag), value, help_text(flag));
}

void check_all_bound(const CLI::App& cmd, Command command) {
  for (const FlagSpec& flag : flags())
    if ((flag.commands & command) != 0 &&
        cmd.get_option_no_throw(std::string(flag.name)) == nullptr)
      throw std::logic_error("flag " + std::string(flag.name) + " of " + cmd.get_name() +
                             " is in the table but not bound");
}

}  // namespace rtcli::cli

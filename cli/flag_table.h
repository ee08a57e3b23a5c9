// Every flag of rtcli, declared once. CLI11's --help, the man page, the shell completions and
// the manual's flag tables are all generated from this list.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace rtcli::cli {

// The subcommands, as bits: a flag that both take is declared once for both. kTopLevel marks
// the flags given before any subcommand (--version).
enum Command : unsigned { kRender = 1, kBench = 2, kCompare = 8, kTopLevel = 4 };

struct CommandSpec {
  Command command;
  std::string_view name = {};      // "render"
  std::string_view summary = {};   // one line, for --help and the man page
  std::string_view operands = {};  // what follows the flags, e.g. "BASE.json NEW.json"
};

// What a shell offers for a flag's value.
enum class Completion { kText, kFile, kJsonFile, kPngFile, kFolder, kChoices };

struct FlagSpec {
  unsigned commands = 0;                // kRender, kBench or both
  std::string_view name = {};           // "--size"
  std::string_view alias = {};          // "-q", or empty
  std::string_view value_name = {};     // "WxH"; empty for a switch
  std::string_view default_value = {};  // the value when the flag is left out; empty for none
  std::string_view default_text = {};   // said instead when there is no such value ("all cores")
  std::string_view help = {};           // one line for --help
  std::string_view details = {};        // a clause more for the manual and the man page
  Completion completion = Completion::kText;
  std::string_view choices = {};  // with kChoices: the words, space-separated
  bool required = false;          // --out
  bool may_be_empty = false;      // --checkpoints "": every other flag refuses ""
  bool repeated = false;          // --scene A --scene B, or A,B
};

std::span<const CommandSpec> commands();
std::span<const FlagSpec> flags();

// The command's spec; the flag `name` of `command`. Both throw std::logic_error when the table
// lacks it (a programming error: every caller names an entry that exists).
const CommandSpec& command_spec(Command command);
const FlagSpec& flag_spec(Command command, std::string_view name);

// The default as help states it: the value, or the words for a default that is no value ("all
// logical cores"); empty for a switch, a required flag, and a flag with no default.
std::string_view default_said(const FlagSpec& flag);

// `text` without the backticks of its code spans: --help, the man page and the completions show
// plain text; the manual's Markdown keeps them.
std::string plain(std::string_view text);

// "--out DIR", "--accel auto|bvh|none": the flag and what it takes, as the manual writes it.
std::string flag_usage(const FlagSpec& flag);

}  // namespace rtcli::cli

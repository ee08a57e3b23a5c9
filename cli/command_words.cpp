#include "command_words.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "flag_table.h"
#include "generated_files.h"
#include "system/errors.h"
#include "system/nearest_word.h"

namespace rtcli::cli {
namespace {
struct Known {
  std::vector<std::string_view> words;  // flags and aliases, and at top level the commands
  std::vector<std::string_view> taking_values;
};

Known known_words(unsigned command) {
  Known known{{"--help", "-h"}, {}};
  for (const FlagSpec& flag : flags()) {
    if ((flag.commands & command) == 0) continue;
    for (const std::string_view name : {flag.name, flag.alias}) {
      if (name.empty()) continue;
      known.words.push_back(name);
      if (!flag.value_name.empty()) known.taking_values.push_back(name);
    }
  }
  return known;
}

bool contains(const std::vector<std::string_view>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// "-x", "--x": a word CLI11 reads as a flag. "-" alone and "-5x10" (a value) are not.
bool looks_like_flag(std::string_view word) {
  if (word.size() < 2 || word[0] != '-') return false;
  return word[1] == '-' ? word.size() > 2 : !std::isdigit(static_cast<unsigned char>(word[1]));
}
}  // namespace

void check_command_words(int argc, const char* const* argv) {
  if (argc < 2) return;
  const std::string_view first = argv[1];
  Known top = known_words(kTopLevel);
  for (const std::string_view hidden : generator_flags()) top.words.push_back(hidden);
  if (looks_like_flag(first)) {
    if (contains(top.words, first)) return;
    std::string owners;  // "'rtcli render' and 'rtcli bench'"
    for (const CommandSpec& c : commands())
      if (contains(known_words(c.command).words, first))
        owners.append(owners.empty() ? "" : " and ").append("'rtcli ").append(c.name).append("'");
    if (!owners.empty())
      throw UsageError("option '" + std::string(first) + "' before the command: it belongs to " +
                       owners + ", after the command's name");
    std::vector<std::string_view> candidates = top.words;
    for (const CommandSpec& c : commands()) candidates.push_back(c.name);
    throw UsageError("unknown option '" + std::string(first) + "'" +
                     did_you_mean(first, candidates));
  }
  const CommandSpec* command = nullptr;
  std::vector<std::string_view> names;
  std::string listed;
  for (const CommandSpec& c : commands()) {
    names.push_back(c.name);
    listed.append(listed.empty() ? "" : ", ").append(c.name);
    if (c.name == first) command = &c;
  }
  if (command == nullptr) {
    const std::string suggestion = did_you_mean(first, names);
    throw UsageError("unknown command '" + std::string(first) + "'" +
                     (suggestion.empty() ? "; the commands are " + listed : suggestion));
  }
  const Known known = known_words(command->command);
  for (int i = 2; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--") return;
    if (!looks_like_flag(word)) continue;
    const std::string_view name = word.substr(0, word.find('='));
    if (!contains(known.words, name))
      throw UsageError("unknown option '" + std::string(name) + "' for 'rtcli " +
                       std::string(command->name) + "'" + did_you_mean(name, known.words));
    if (name == word && contains(known.taking_values, name)) ++i;  // its value, whatever it is
  }
}

}  // namespace rtcli::cli

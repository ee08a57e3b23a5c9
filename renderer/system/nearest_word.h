// "Did you mean ...?" for a mistyped flag, command or scene key, as git suggests commands.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace rtcli {

// Edits that turn `a` into `b`: insertions, deletions, substitutions and swaps of two neighbours
// (the optimal string alignment distance, so "otu" is one edit from "out").
int edit_distance(std::string_view a, std::string_view b);

// The word of `known` nearest to `word`, if it is close enough to be a typo of it: at most a
// third of the word's length away (at least 1 edit, at most 3). A word under three characters
// ("-x") gets no suggestion: one edit would be half of it. Ties go to the earlier word.
std::optional<std::string_view> nearest_word(std::string_view word,
                                             std::span<const std::string_view> known);

// "; did you mean 'KNOWN'?" for the nearest word, or "" when none is close.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> known);

}  // namespace rtcli

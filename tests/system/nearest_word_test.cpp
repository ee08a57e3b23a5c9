#include "system/nearest_word.h"

#include <gtest/gtest.h>

#include <array>

namespace rtcli::test {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(edit_distance("render", "render"), 0);
  EXPECT_EQ(edit_distance("rendr", "render"), 1);    // insertion
  EXPECT_EQ(edit_distance("renderr", "render"), 1);  // deletion
  EXPECT_EQ(edit_distance("bench", "bunch"), 1);     // substitution
  EXPECT_EQ(edit_distance("--otu", "--out"), 1);     // neighbours swapped
  EXPECT_EQ(edit_distance("center", "centre"), 1);
  EXPECT_EQ(edit_distance("", "abc"), 3);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3);
}

TEST(NearestWord, SuggestsOnlyWordsCloseEnoughToBeATypo) {
  constexpr std::array<std::string_view, 2> commands{"render", "bench"};
  EXPECT_EQ(nearest_word("rendr", commands), "render");
  EXPECT_EQ(nearest_word("bnech", commands), "bench");
  EXPECT_EQ(nearest_word("deploy", commands), std::nullopt);
  EXPECT_EQ(nearest_word("x", commands), std::nullopt);
  constexpr std::array<std::string_view, 2> aliases{"-q", "-h"};
  EXPECT_EQ(nearest_word("-x", aliases), std::nullopt);  // too short to guess
  EXPECT_EQ(did_you_mean("rendr", commands), "; did you mean 'render'?");
  EXPECT_EQ(did_you_mean("deploy", commands), "");
  // Ties go to the earlier word.
  constexpr std::array<std::string_view, 2> tied{"abc", "bbd"};
  EXPECT_EQ(nearest_word("bbc", tied), "abc");
}

}  // namespace
}  // namespace rtcli::test

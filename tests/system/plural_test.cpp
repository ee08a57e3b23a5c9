#include "system/plural.h"

#include <gtest/gtest.h>

namespace rtcli::test {
namespace {

TEST(Plural, SingularForOneOnly) {
  EXPECT_EQ(count_of(1, "band"), "1 band");
  EXPECT_EQ(count_of(0, "band"), "0 bands");
  EXPECT_EQ(count_of(2, "thread"), "2 threads");
  EXPECT_EQ(count_of(1, "repetition"), "1 repetition");
  EXPECT_EQ(count_of(3, "warm-up run"), "3 warm-up runs");
  EXPECT_EQ(count_of(-1, "step"), "-1 steps");
  EXPECT_EQ(count_of(2, "repetition", "repetitions"), "2 repetitions");
  EXPECT_EQ(count_of(5, "index", "indices"), "5 indices");
}

}  // namespace
}  // namespace rtcli::test

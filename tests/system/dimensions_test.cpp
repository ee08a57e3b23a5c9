#include "system/dimensions.h"

#include <gtest/gtest.h>

#include <string>

#include "system/errors.h"

namespace rtcli {
namespace {

TEST(Dimensions, ParsesWidthAndHeight) {
  const Dimensions d = parse_dimensions("4000x3000", "--size");
  EXPECT_EQ(d.width, 4000);
  EXPECT_EQ(d.height, 3000);
  EXPECT_EQ(parse_dimensions("1X1", "--size").height, 1);
}

TEST(Dimensions, RejectsBadValuesNamingThem) {
  for (const char* bad : {"0x0", "-5x10", "abcxdef", "800", "800x", "x600", "800x600x3", "800 x600",
                          "1e3x2", "99999999x1", "+5x5", "", "5x0"}) {
    try {
      parse_dimensions(bad, "--size");
      ADD_FAILURE() << "accepted " << bad;
    } catch (const UsageError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find("--size"), std::string::npos) << message;
      EXPECT_NE(message.find(std::string("'") + bad + "'"), std::string::npos) << message;
    }
  }
}

}  // namespace
}  // namespace rtcli

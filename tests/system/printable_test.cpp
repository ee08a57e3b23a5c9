#include "system/printable.h"

#include <gtest/gtest.h>

namespace rtcli::test {
namespace {

TEST(Printable, KeepsPlainTextAndValidUtf8) {
  EXPECT_EQ(printable("out/50pct.png"), "out/50pct.png");
  EXPECT_EQ(printable("sph\xc3\xa8re \xe7\x90\x83 \xf0\x9f\x94\xb4"),
            "sph\xc3\xa8re \xe7\x90\x83 \xf0\x9f\x94\xb4");
}

// A newline in a path split the error over two lines; ESC and BEL reached the
// terminal raw.
TEST(Printable, EscapesControlBytes) {
  EXPECT_EQ(printable("a\nb"), "a\\nb");
  EXPECT_EQ(printable("\r\t"), "\\r\\t");
  EXPECT_EQ(printable("\x1b[31mred\x07"), "\\x1b[31mred\\x07");
  EXPECT_EQ(printable(std::string_view("nul\0x", 5)), "nul\\x00x");
  EXPECT_EQ(printable("\x7f"), "\\x7f");
}

TEST(Printable, EscapesInvalidUtf8AndC1Controls) {
  EXPECT_EQ(printable("\xff"), "\\xff");
  EXPECT_EQ(printable("\xc3"), "\\xc3");                             // truncated sequence
  EXPECT_EQ(printable("\xc0\xaf"), "\\xc0\\xaf");                    // overlong '/'
  EXPECT_EQ(printable("\xed\xa0\x80"), "\\xed\\xa0\\x80");           // a surrogate
  EXPECT_EQ(printable("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // past U+10FFFF
  EXPECT_EQ(printable("\xc2\x9b"), "\\xc2\\x9b");                    // U+009B, a terminal's CSI
  EXPECT_EQ(printable("\xc2\xa0"), "\xc2\xa0");                      // U+00A0 is printable
}

}  // namespace
}  // namespace rtcli::test

// Text from users (paths, scene keys) made safe to print as one line on a terminal.
#pragma once

#include <string>
#include <string_view>

namespace rtcli {

// `text` with control bytes, DEL, C1 controls (U+0080..U+009F) and bytes that are not valid UTF-8
// written as escapes: `\n`,
// `\r`, `\t`, and `\xHH` for the rest. Valid UTF-8 (accented names, CJK) is kept as it is.
std::string printable(std::string_view text);

}  // namespace rtcli

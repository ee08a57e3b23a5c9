// Parsing of whole-number flags with errors that name the flag and the value.
#pragma once

#include <cstddef>
#include <string_view>

namespace rtcli::cli {

// A whole number in [min, max]; throws UsageError naming `flag` and `text` otherwise.
long long parse_count(std::string_view text, std::string_view flag, long long min, long long max);

}  // namespace rtcli::cli

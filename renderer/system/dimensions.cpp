#include "system/dimensions.h"

#include <charconv>
#include <string>

#include "system/errors.h"

namespace rtcli {

namespace {
bool parse_side(std::string_view digits, int& out) {
  if (digits.empty() || digits.front() < '0' || digits.front() > '9') return false;
  long long value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size()) return false;
  if (value < 1 || value > kMaxSide) return false;
  out = static_cast<int>(value);
  return true;
}
}  // namespace

Dimensions parse_dimensions(std::string_view text, std::string_view flag) {
  const std::size_t x = text.find_first_of("xX");
  Dimensions d;
  if (x == std::string_view::npos || !parse_side(text.substr(0, x), d.width) ||
      !parse_side(text.substr(x + 1), d.height))
    throw UsageError(std::string(flag) + ": invalid value '" + std::string(text) +
                     "': expected WIDTHxHEIGHT, two whole numbers from 1 to " +
                     std::to_string(kMaxSide));
  return d;
}

}  // namespace rtcli

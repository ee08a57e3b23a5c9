#include "pipeline/checkpoints.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_set>

#include "system/errors.h"

namespace rtcli {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

[[noreturn]] void bad_item(std::string_view item, std::string_view why) {
  throw UsageError("invalid checkpoint '" + std::string(item) + "': " + std::string(why));
}

// A whole number of digits only: no sign, no spaces, no exponent.
double parse_whole(std::string_view digits, std::string_view item) {
  unsigned long long value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size())
    bad_item(item, "expected a whole number, rows like 250r, or a percentage like 25%");
  return static_cast<double>(value);
}

double parse_percent(std::string_view number, std::string_view item) {
  double value = 0;
  const bool plain = !number.empty() && std::all_of(number.begin(), number.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.';
  });
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (!plain || ec != std::errc() || end != number.data() + number.size())
    bad_item(item, "expected a percentage like 25% or 12.5%");
  if (value > 100.0) bad_item(item, "a percentage must be at most 100%");
  return value;
}

std::string file_stem(const CheckpointSpec& spec) {
  if (spec.kind != CheckpointSpec::Kind::kPercent) return spec.text;
  // ".5%" is 0.5pct.png: a leading dot would make a hidden file.
  const std::string number = spec.text.substr(0, spec.text.size() - 1);
  return (number.front() == '.' ? "0" + number : number) + "pct";
}

}  // namespace

std::vector<CheckpointSpec> parse_checkpoints(std::string_view list) {
  std::vector<CheckpointSpec> specs;
  if (trim(list).empty()) return specs;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    const std::string_view item = trim(list.substr(start, comma - start));
    CheckpointSpec spec;
    spec.text = std::string(item);
    if (item.empty()) bad_item(item, "empty item in the list");
    if (item.back() == 'r') {
      spec.kind = CheckpointSpec::Kind::kRows;
      spec.value = parse_whole(item.substr(0, item.size() - 1), item);
    } else if (item.back() == '%') {
      spec.kind = CheckpointSpec::Kind::kPercent;
      spec.value = parse_percent(item.substr(0, item.size() - 1), item);
    } else {
      spec.value = parse_whole(item, item);
    }
    specs.push_back(std::move(spec));
    start = comma + 1;
  }
  return specs;
}

std::vector<CheckpointSpec> default_checkpoints() {
  return parse_checkpoints("0,1000,2000,3000");
}

std::vector<Checkpoint> resolve_checkpoints(const std::vector<CheckpointSpec>& specs, int width,
                                            int height, std::size_t step_pixels) {
  const long double total = static_cast<long double>(width) * height;
  std::vector<Checkpoint> resolved;
  long double previous = -1;
  const CheckpointSpec* previous_spec = nullptr;
  std::unordered_set<std::string> names;  // a long list is checked in linear time
  for (const CheckpointSpec& spec : specs) {
    // Unclamped pixel count, so that order is checked before points past the end merge.
    long double pixels = 0;
    switch (spec.kind) {
      case CheckpointSpec::Kind::kStep:
        pixels = (static_cast<long double>(spec.value) + 1) * step_pixels;
        break;
      case CheckpointSpec::Kind::kRows:
        pixels = static_cast<long double>(spec.value) * width;
        break;
      case CheckpointSpec::Kind::kPercent:
        pixels = std::floor(total * spec.value / 100.0L);
        break;
    }
    if (previous_spec && pixels == previous)
      throw UsageError("duplicated checkpoint '" + spec.text + "': same point as '" +
                       previous_spec->text + "'");
    if (previous_spec && pixels < previous)
      throw UsageError("checkpoints must be in increasing order: '" + spec.text +
                       "' comes after '" + previous_spec->text + "'");
    std::string name = file_stem(spec);
    if (!names.insert(name).second) throw UsageError("duplicated checkpoint '" + spec.text + "'");
    previous = pixels;
    previous_spec = &spec;
    resolved.push_back({std::move(name), static_cast<std::size_t>(std::min(pixels, total))});
  }
  return resolved;
}

std::vector<std::string> output_file_names(const std::vector<Checkpoint>& checkpoints) {
  std::vector<std::string> names;
  names.reserve(checkpoints.size() + 1);
  for (const Checkpoint& checkpoint : checkpoints) names.push_back(checkpoint.name + ".png");
  names.push_back("final.png");
  return names;
}

}  // namespace rtcli

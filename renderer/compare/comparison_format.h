// A Comparison as text (100 columns), Markdown (for a pull request) or JSON (for scripts).
#pragma once

#include <string>

#include "compare/comparison.h"

namespace rtcli::compare {

std::string format_text(const Comparison& comparison);
std::string format_markdown(const Comparison& comparison);
std::string format_json(const Comparison& comparison);

}  // namespace rtcli::compare

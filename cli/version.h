// rtcli --version: what a figure from this binary needs beside it to be compared.
#pragma once

#include <string>

namespace rtcli::cli {

// Several lines: version, git revision, compiler, build type, and the SIMD target Highway
// chose on this processor with the kernel the seed scene takes.
std::string version_text();

}  // namespace rtcli::cli

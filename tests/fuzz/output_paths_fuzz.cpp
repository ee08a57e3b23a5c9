// libFuzzer entry point for rtcli::fuzz::output_paths (see fuzz_targets.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  rtcli::fuzz::output_paths(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

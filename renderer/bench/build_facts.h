// How this binary was built: for --version and the `context` of bench reports.
#pragma once

#include <optional>
#include <string>

namespace rtcli {

struct BuildFacts {
  std::string version;                      // the CMake project version
  std::string compiler;                     // baked in at configure time
  std::string compiler_flags;               // CMAKE_CXX_FLAGS, the build type's, compile options
  std::string build_type;                   // Release, Debug, ...
  std::optional<std::string> git_revision;  // baked in at build time, "-dirty" when modified
};

BuildFacts build_facts();

}  // namespace rtcli

#include "bench/build_facts.h"

#include "build_info.h"
#include "git_revision.h"

namespace rtcli {

BuildFacts build_facts() {
  BuildFacts facts;
  facts.version = RTCLI_VERSION;
  facts.compiler = RTCLI_COMPILER;
  facts.compiler_flags = RTCLI_COMPILER_FLAGS;
  facts.build_type = RTCLI_BUILD_TYPE;
  if (const std::string revision = RTCLI_GIT_REVISION; !revision.empty())
    facts.git_revision = revision;
  return facts;
}

}  // namespace rtcli

#include "rank_checks.h"

#include <string>

#include "distributed/world.h"
#include "system/errors.h"

namespace rtcli::cli {

void on_rank_0_for_all(const std::function<void()>& check) {
  if (!distributed::active()) {
    check();
    return;
  }
  std::string usage_error;
  if (distributed::rank() == 0) {
    try {
      check();
    } catch (const UsageError& e) {
      // "!" marks an error even when its text is empty.
      usage_error = std::string("!") + e.what();
    }
  }
  usage_error = distributed::broadcast_from_root(usage_error);
  if (!usage_error.empty()) throw UsageError(usage_error.substr(1));
}

}  // namespace rtcli::cli

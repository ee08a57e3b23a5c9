#include "system/stop_token.h"

#include "system/interrupt.h"

namespace rtcli {

const std::atomic<int> StopToken::never_{0};

void StopToken::throw_stopped(int signal_number) {
  throw interrupt::Interrupted(signal_number);
}

}  // namespace rtcli

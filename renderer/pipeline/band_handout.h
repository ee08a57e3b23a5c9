// BandHandout: where the frame loop's workers take band numbers when the frame is shared with
// other processes (distributed/shared_bands.h). Without one, the loop counts bands itself.
#pragma once

#include <optional>

namespace rtcli {

class BandHandout {
 public:
  virtual ~BandHandout() = default;
  // The next band, numbers increasing over every taker; nothing once all are handed out.
  // Thread-safe.
  virtual std::optional<int> next() = 0;
};

}  // namespace rtcli

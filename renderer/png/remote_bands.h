// RemoteBands: compressed bands that other processes render for this one to write
// (distributed/rank_render.cpp), as the PNG sink (png_sink.h) takes them.
#pragma once

#include <optional>

#include "png/compressed_band.h"

namespace rtcli {

class RemoteBands {
 public:
  virtual ~RemoteBands() = default;
  // Another process's band if one has arrived; never waits.
  virtual std::optional<CompressedBand> poll() = 0;
  // After each band is written: how many are, for the other processes' back-pressure.
  virtual void written(int bands) = 0;
};

}  // namespace rtcli

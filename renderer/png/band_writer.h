// BandWriter: takes a frame's compressed bands in scan order and makes files of them
// (checkpoint_writer.h), on one thread.
#pragma once

#include "png/compressed_band.h"

namespace rtcli {

class BandWriter {
 public:
  virtual ~BandWriter() = default;
  // The next band, in scan order.
  virtual void append(const CompressedBand& band) = 0;
  // After the last band.
  virtual void finish() = 0;
};

}  // namespace rtcli

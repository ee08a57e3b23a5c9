#include "png/band_encoders.h"

#include <stdexcept>

namespace rtcli {

void BandEncoders::begin(const FrameInfo& frame) {
  const TileGrid bands = layout_.grid();
  if (frame.bands.count() != bands.count() || frame.bands.width() != bands.width() ||
      frame.bands.tile_height() != bands.tile_height())
    throw std::logic_error("the frame loop's bands are not the PNG layout's");
  by_worker_.clear();
  by_worker_.resize(static_cast<std::size_t>(frame.threads));
  timeline_ = frame.timeline;
}

CompressedBand BandEncoders::encode(const FinishedBand& band) {
  std::unique_ptr<BandEncoder>& encoder = by_worker_[static_cast<std::size_t>(band.worker)];
  if (!encoder) encoder = std::make_unique<BandEncoder>(layout_, checkpoints_);
  return encoder->encode(band.pixels, band.index, timeline_, band.worker);
}

}  // namespace rtcli

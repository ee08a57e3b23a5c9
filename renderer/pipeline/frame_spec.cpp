#include "pipeline/frame_spec.h"

#include <oneapi/tbb/info.h>

#include <limits>
#include <string>

#include "system/errors.h"

namespace rtcli {

int resolve_threads(int threads) {
  return threads > 0 ? threads : tbb::info::default_concurrency();
}

void validate(const FrameSpec& s) {
  if (s.width <= 0 || s.height <= 0)
    throw UsageError("invalid size " + std::to_string(s.width) + "x" + std::to_string(s.height));
  if (s.tile_width <= 0 || s.tile_height <= 0)
    throw UsageError("invalid tile " + std::to_string(s.tile_width) + "x" +
                     std::to_string(s.tile_height));
  const TileGrid grid = s.tiles();
  if (static_cast<long long>(grid.columns()) * grid.rows() > std::numeric_limits<int>::max())
    throw UsageError("--tile " + std::to_string(s.tile_width) + "x" +
                     std::to_string(s.tile_height) + " splits the frame into too many tiles");
  if (s.threads < 0) throw UsageError("invalid thread count " + std::to_string(s.threads));
  if (s.step == 0) throw UsageError("invalid step 0: a step must be at least one pixel");
  resolve_checkpoints(s);
}

std::vector<Checkpoint> resolve_checkpoints(const FrameSpec& s) {
  return resolve_checkpoints(s.checkpoints, s.width, s.height, s.step);
}

}  // namespace rtcli

#include "pipeline/band_renderer.h"

#include <algorithm>

#include "shading/tile_renderer.h"

namespace rtcli {

void KernelRenderer::render(const TileBounds& band, Frame& pixels, int) {
  for (int x0 = band.x0; x0 < band.x1; x0 += tile_width_)
    render_tile(scene_, {x0, band.y0, std::min(band.x1, x0 + tile_width_), band.y1}, pixels);
}

}  // namespace rtcli

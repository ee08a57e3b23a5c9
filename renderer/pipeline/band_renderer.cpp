#include "pipeline/band_renderer.h"

#include <algorithm>

#include "shading/tile_renderer.h"
#include "system/interrupt.h"

namespace rtcli {

KernelRenderer::KernelRenderer(const RenderScene& scene, int tile_width, int workers)
    : scene_(scene),
      tile_width_(tile_width),
      contexts_(static_cast<std::size_t>(workers), KernelContext{interrupt::stop_token()}) {}

void KernelRenderer::render(const TileBounds& band, Frame& pixels, int worker) {
  KernelContext& context = contexts_[static_cast<std::size_t>(worker)];
  for (int x0 = band.x0; x0 < band.x1; x0 += tile_width_)
    render_tile(scene_, {x0, band.y0, std::min(band.x1, x0 + tile_width_), band.y1}, pixels,
                context);
}

}  // namespace rtcli

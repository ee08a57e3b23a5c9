// BandRenderer: how the frame loop turns a band's bounds into pixels. The caller picks it:
// rtcli render and the Python module the production kernels, rtcli bench also the scalar loop
// and its per-pixel timing (bench/bench_runner.cpp), which stay out of the loop.
#pragma once

#include <vector>
#include "shading/frame.h"
#include "shading/tile_bounds.h"

#include "shading/kernel_context.h"
#include "shading/render_scene.h"

namespace rtcli {

class BandRenderer {
 public:
  virtual ~BandRenderer() = default;
  // Every pixel of `band` into `pixels` (frame coordinates), on worker `worker`; called by
  // several workers at once.
  virtual void render(const TileBounds& band, Frame& pixels, int worker) = 0;
};

// render_tile (the production kernel, whatever it picks) over the band in tiles at most
// `tile_width` wide; a signal stops it (interrupt::stop_token()).
class KernelRenderer : public BandRenderer {
 public:
  // `workers`: how many render at once, numbered [0, workers) (their arena slots).
  KernelRenderer(const RenderScene& scene, int tile_width, int workers);
  void render(const TileBounds& band, Frame& pixels, int worker) override;

 private:
  const RenderScene& scene_;
  int tile_width_;
  std::vector<KernelContext> contexts_;  // by worker: render_tile's scratch and stop token
};

}  // namespace rtcli

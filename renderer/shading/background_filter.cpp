// The background filter's SIMD body, compiled per instruction set like sphere_kernel.cpp.
// The test per sphere is the hit test of sphere_kernel.cpp: e = sp*sp - (d.d - r*r) with
// sp*sp = dz*dz (shortcut 1 there) and rat = 4*e < 0 exactly when e < 0 (shortcut 2).
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "shading/background_filter.cpp"
#include <hwy/foreach_target.h>  // must precede highway.h
#include <hwy/highway.h>

#include <algorithm>
#include <cmath>

#include "shading/background_fill.h"
#include "shading/background_filter.h"
#include "shading/kernel_context.h"
#include "shading/kernel_limits.h"
#include "shading/shade.h"
#include "shading/sphere_kernel_setup.h"
#include "system/stop_token.h"

// Per target, after foreach_target.h like the kernel itself.
#include "shading/simd_lanes-inl.h"

HWY_BEFORE_NAMESPACE();
namespace rtcli {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

void RenderTileFiltered(const RenderScene& prepared, const AxisTable& columns,
                        const AxisTable& rows, const StopToken& stop, const TileBounds& tile,
                        Frame& frame) {
  const D d;
  const Scene& scene = prepared.scene;
  HWY_ALIGN double lane_hit[kMaxLanes];
  const int n = static_cast<int>(hn::Lanes(d));
  const int count = static_cast<int>(scene.spheres.size());
  // Per sphere: centre x, dz*dz (= sp*sp), r*r; per row: dy*dy.
  double cx[kBackgroundFilterMaxSpheres];
  double dz_squared[kBackgroundFilterMaxSpheres];
  double radius_squared[kBackgroundFilterMaxSpheres];
  double dy_squared[kBackgroundFilterMaxSpheres];
  for (int k = 0; k < count; ++k) {
    const Sphere& s = scene.spheres[static_cast<std::size_t>(k)];
    const double dz = scene.window.z - s.centre.z;
    cx[k] = s.centre.x;
    dz_squared[k] = dz * dz;
    radius_squared[k] = s.radius * s.radius;
  }
  const BackgroundFill fill_background(scene.background);
  const V zero = hn::Zero(d);

  for (int y = tile.y0; y < tile.y1; ++y) {
    const double py = rows.coordinate[static_cast<std::size_t>(y)];
    for (int k = 0; k < count; ++k) {
      const double dy = py - scene.spheres[static_cast<std::size_t>(k)].centre.y;
      dy_squared[k] = dy * dy;
    }
    std::uint8_t* row = frame.pixel(0, y);
    int background_from = tile.x0;
    for (int x = tile.x0; x < tile.x1; x += n) {
      const int lanes = std::min(n, tile.x1 - x);
      const V px = hn::LoadU(d, columns.coordinate.data() + x);
      auto maybe_hit = hn::FirstN(d, 0);
      for (int k = 0; k < count; ++k) {
        const V dx = hn::Sub(px, hn::Set(d, cx[k]));
        const V dd =
            hn::Add(hn::Add(hn::Mul(dx, dx), hn::Set(d, dy_squared[k])), hn::Set(d, dz_squared[k]));
        const V e = hn::Sub(hn::Set(d, dz_squared[k]), hn::Sub(dd, hn::Set(d, radius_squared[k])));
        maybe_hit = hn::Or(maybe_hit, hn::Not(hn::Lt(e, zero)));
      }
      maybe_hit = hn::And(maybe_hit, hn::FirstN(d, static_cast<std::size_t>(lanes)));
      if (hn::AllFalse(d, maybe_hit)) continue;
      stop.throw_if_stopped();  // pixels may be slow
      fill_background(row + 3 * background_from, x - background_from);
      background_from = x + lanes;
      hn::Store(hn::IfThenElseZero(maybe_hit, hn::Set(d, 1.0)), d, lane_hit);
      for (int i = 0; i < lanes; ++i) {
        std::uint8_t* out = row + 3 * (x + i);
        if (lane_hit[i] == 0.0) {
          fill_background(out, 1);
          continue;
        }
        const Rgb8 c = shade_pixel(prepared, x + i, y, frame.width(), frame.height()).colour;
        out[0] = c.r;
        out[1] = c.g;
        out[2] = c.b;
      }
    }
    fill_background(row + 3 * background_from, tile.x1 - background_from);
  }
}

}  // namespace HWY_NAMESPACE
}  // namespace rtcli
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace rtcli {
HWY_EXPORT(RenderTileFiltered);

bool background_filter_accepts(const Scene& scene) {
  if (scene.spheres.empty() || scene.spheres.size() > kBackgroundFilterMaxSpheres) return false;
  const ScreenWindow& w = scene.window;
  bool ok =
      moderate(w.x) && moderate(w.y) && moderate(w.width) && moderate(w.height) && moderate(w.z);
  for (const Sphere& s : scene.spheres)
    ok = ok && moderate(s.centre.x) && moderate(s.centre.y) && moderate(s.centre.z) &&
         moderate(s.radius);
  return ok;
}

void render_tile_background_filter(const RenderScene& scene, const TileBounds& tile, Frame& frame,
                                   KernelContext& context) {
  // Screen coordinates only: the squared offsets are per sphere and computed in the loop.
  TileScratch& scratch = context.scratch;
  scratch.update_tables(frame.width(), frame.height(), scene.scene.window);
  HWY_DYNAMIC_DISPATCH(RenderTileFiltered)
  (scene, scratch.columns, scratch.rows, context.stop, tile, frame);
}

}  // namespace rtcli
#endif  // HWY_ONCE

// The scene kernel's SIMD body, compiled per instruction set like sphere_kernel.cpp. Lanes are
// neighbouring pixels of one row. Exactness: each lane computes what shade_pixel computes for
// its pixel, value for value: the same IEEE operations in the same order (-ffp-contract=off,
// no MulAdd; SIMD square roots and divisions round correctly as scalar ones do), std::min,
// std::max and std::clamp as the comparisons they are, NaN included. Per-sphere and per-row
// constants come from the same scalar expressions (scene_kernel_setup.cpp). The shortcuts,
// each tested in tests/shading/scene_kernel_test.cpp:
//  1. sp = v.d is dz up to a zero's sign, so sp*sp = dz*dz bitwise and the chosen root t is
//     the same (sphere_kernel.cpp, shortcut 1); rat = 4*e < 0 exactly when e < 0 (its
//     shortcut 2). No intermediate of the hit test overflows for accepted scenes (|values| <=
//     1e150), so e and t are finite and "t < best" with best = +inf at the start is "no hit
//     yet, or nearer"; updating only on t < best keeps ties with the lower sphere index.
//  2. A sphere is tested only for the vectors that meet its row span: the columns where e >= 0
//     form one interval. Columns are monotone (screen_point), so dx = column - cx is; dx*dx
//     then falls and rises; e = dz2 - (((dx2 + dy2) + dz2) - r2) is monotone in dx2, each
//     rounding being monotone. So e rises then falls along the row and e >= 0 holds on an
//     interval; hit_columns finds it by binary search with the same arithmetic. Outside it
//     e < 0 and the sphere cannot change a lane. Inside, the lanes still take their own test.
//  3. Shadowed is an "or" over the other spheres, so the order of the tests is free and the
//     loop stops once every lane that needs it is blocked. A sphere whose disc < 0 on every
//     pending lane is skipped before its square root and divisions: those lanes return false
//     there as sphere_blocks_segment does (a NaN disc is not < 0, and is computed through).
//  4. Lanes whose n.l is not > 0 take no shadow test (shade_hit's && skips it); lanes with no
//     hit compute garbage that is masked out.
//  5. Every vector with no sphere span is background, as shade_pixel finds no hit there.
//  6. Shadow cones (shadow_cones.h): for a run of pixels, the segments from their hit points
//     to a light lie in the cone from the light round a ball B holding the points (centre
//     and radius grown by their own rounding). Sphere k, grown to r' = r + 1e-9 * (the
//     lengths and coordinates the exact test meets), lies in the cone of half-angle
//     asin(r'/|v|) round v = centre - light. When the angle between the axes exceeds the sum
//     of the half-angles (tested as u.v < |u||v| cos(alpha + beta), multiplied out, with a
//     relative margin of 1e-9 for the test's own rounding), or the grown sphere lies wholly
//     farther from the light than B, no segment comes within 1e-9 * (those lengths) of the
//     sphere. sphere_blocks_segment's rounding moves its disc and roots by a few hundred
//     ulps of the same lengths (disc = |a| r^2 - |to_light x d|^2 computed from rounded dot
//     products; a root moves by ulps of (|b| + sqrt|a c|) / a), so it answers false for every
//     such segment, and the sphere is skipped. The margins are relative, so the cones are
//     used only when every nonzero input lies within [1e-30, 1e30] in magnitude: no product
//     of the test then under- or overflows. Near-tangent segments on both sides are tested.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "shading/scene_kernel.cpp"
#include <hwy/foreach_target.h>  // must precede highway.h
#include <hwy/highway.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "shading/background_fill.h"
#include "shading/kernel_context.h"
#include "shading/kernel_limits.h"
#include "shading/scene_kernel.h"
#include "shading/scene_kernel_setup.h"
#include "shading/shadow_cones.h"
#include "shading/sphere_kernel_setup.h"
#include "system/stop_token.h"

// Per target, after foreach_target.h like the kernel itself.
#include "shading/scene_shading-inl.h"

HWY_BEFORE_NAMESPACE();
namespace rtcli {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

HWY_INLINE Nearest NearestHit(D d, const SceneSpheres& s, const std::vector<RowSpan>& spans, int x,
                              int lanes, V px, M valid) {
  Nearest best = NoHit(d);
  for (const RowSpan& span : spans) {
    if (span.x1 <= x || span.x0 >= x + lanes) continue;  // shortcut 2
    const std::size_t k = static_cast<std::size_t>(span.sphere);
    FoldSphere<false>(d, px, s.cx[k], span.dy_squared, s.dz_squared[k], s.radius_squared[k],
                      s.neg_sp[k], span.sphere, valid, best);
  }
  return best;
}

// A box round the hit points of a run of pixels: lo = +inf, hi = -inf while empty.
struct PointBox {
  double lo[3];
  double hi[3];
};

// The spheres (bit k for sphere k) that may block the segment from some point of `box` to
// light `light`: every sphere but those the two cone tests rule out (shortcut 6).
HWY_INLINE std::uint64_t ShadowCandidates(D d, const ShadowCones& cones, std::size_t light, Vec3 at,
                                          const PointBox& box, int count) {
  const std::uint64_t every = count == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << count) - 1;
  if (!cones.enabled) return every;
  const Vec3 c{(box.lo[0] + box.hi[0]) * 0.5, (box.lo[1] + box.hi[1]) * 0.5,
               (box.lo[2] + box.hi[2]) * 0.5};
  const Vec3 half{(box.hi[0] - box.lo[0]) * 0.5, (box.hi[1] - box.lo[1]) * 0.5,
                  (box.hi[2] - box.lo[2]) * 0.5};
  const Vec3 u = c - at;
  const auto l1 = [](Vec3 v) { return std::fabs(v.x) + std::fabs(v.y) + std::fabs(v.z); };
  // A ball round the points, grown by the rounding of its centre and of u.
  const double rho = std::sqrt(dot(half, half)) * (1 + 1e-12) + 1e-15 * (l1(c) + l1(at));
  const double distance = std::sqrt(dot(u, u));
  if (!(distance > rho * (1 + kConeMargin))) return every;  // the light among the points
  const double h = std::sqrt(distance * distance - rho * rho);
  const V ux = hn::Set(d, u.x), uy = hn::Set(d, u.y), uz = hn::Set(d, u.z);
  const V hv = hn::Set(d, h), rhov = hn::Set(d, rho);
  const V margin = hn::Set(d, kConeMargin * distance);
  const V reach = hn::Set(d, (distance + rho) * (1 + kConeMargin));
  const std::size_t n = hn::Lanes(d);
  const std::size_t row = light * static_cast<std::size_t>(cones.stride);
  std::uint64_t keep = 0;
  for (std::size_t k = 0; k < static_cast<std::size_t>(count); k += n) {
    const std::size_t i = row + k;
    const V e = hn::LoadU(d, cones.e.data() + i);
    const V r = hn::LoadU(d, cones.r.data() + i);
    const V uv = Dot(ux, uy, uz, hn::LoadU(d, cones.vx.data() + i),
                     hn::LoadU(d, cones.vy.data() + i), hn::LoadU(d, cones.vz.data() + i));
    // cos(angle between u and v) < cos(alpha + beta), times |u| |v|: the cones are apart.
    const V bound =
        hn::Sub(hn::Sub(hn::Mul(hn::LoadU(d, cones.kc.data() + i), hv), hn::Mul(r, rhov)),
                hn::Mul(margin, e));
    const M apart = hn::Lt(uv, bound);
    const M beyond = hn::Gt(hn::Sub(e, r), reach);  // the sphere lies past every point
    std::uint8_t bits[8] = {};
    hn::StoreMaskBits(d, hn::Not(hn::Or(apart, beyond)), bits);
    std::uint64_t chunk = 0;
    for (std::size_t b = 0; b < (n + 7) / 8; ++b) chunk |= std::uint64_t{bits[b]} << (8 * b);
    keep |= chunk << k;
  }
  return keep & every;
}

// The lanes of `pending` that a candidate sphere other than their own blocks; stops once
// every pending lane is blocked (shortcut 3).
HWY_INLINE M Shadowed(D d, const SceneSpheres& s, std::uint64_t candidates, VI self, M pending,
                      const Point& p, const Point& to_light, V a) {
  const DI di;
  M blocked = hn::FirstN(d, 0);
  for (; candidates != 0; candidates &= candidates - 1) {
    const int j = std::countr_zero(candidates);
    const M open = hn::AndNot(blocked, pending);
    if (hn::AllFalse(d, open)) break;
    const M test = hn::And(open, hn::RebindMask(d, hn::Ne(self, hn::Set(di, j))));
    if (hn::AllFalse(d, test)) continue;
    const std::size_t k = static_cast<std::size_t>(j);
    blocked = hn::Or(blocked, BlockedBy(d, s.cx[k], s.cy[k], s.cz[k], s.radius_squared[k], test, p,
                                        to_light, a));
  }
  return blocked;
}

void RenderTile(const Scene& scene, TileScratch& scratch, const StopToken& stop,
                const TileBounds& tile, Frame& frame) {
  const D d;
  const int n = static_cast<int>(hn::Lanes(d));
  const V zero = hn::Zero(d);
  const V inf = hn::Set(d, std::numeric_limits<double>::infinity());
  const SceneSpheres& spheres = scratch.spheres;
  const double* columns = scratch.columns.coordinate.data();
  const BackgroundFill fill_background(scene.background);
  // Pixels shaded together: their hit points share one box for the shadow cones (shortcut 6),
  // whose tests are then paid once per run and light instead of once per vector and light.
  RunHits run;
  std::vector<RowSpan>& spans = scratch.spans;
  std::vector<std::uint64_t>& candidates = scratch.candidates;
  candidates.resize(scene.lights.size());

  for (int y = tile.y0; y < tile.y1; ++y) {
    const double py = scratch.rows.coordinate[static_cast<std::size_t>(y)];
    row_spans(spheres, columns, tile.x0, tile.x1, py, spans);
    RowWriter out(fill_background, frame.pixel(0, y), tile.x0, tile.x1);
    if (!spans.empty()) {
      const int from = std::min_element(spans.begin(), spans.end(), [](auto& a, auto& b) {
                         return a.x0 < b.x0;
                       })->x0;
      const int to = std::max_element(spans.begin(), spans.end(), [](auto& a, auto& b) {
                       return a.x1 < b.x1;
                     })->x1;
      // Vectors aligned to the tile's first column, from the one holding `from` (shortcut 5).
      for (run.x = tile.x0 + (from - tile.x0) / n * n; run.x < to; run.x += kRunVectors * n) {
        stop.throw_if_stopped();
        run.vectors = std::min(kRunVectors, (to - run.x + n - 1) / n);
        V lo[3] = {inf, inf, inf};
        V hi[3] = {hn::Neg(inf), hn::Neg(inf), hn::Neg(inf)};
        const auto nearest = [&](int x, int lanes, V px, M valid) {
          return NearestHit(d, spheres, spans, x, lanes, px, valid);
        };
        const auto grow_box = [&](V px, const Nearest& near) {
          // The hit points, as ShadeLanes computes them.
          const V p[3] = {hn::Add(px, hn::Mul(zero, near.t)),
                          hn::Add(hn::Set(d, py), hn::Mul(zero, near.t)),
                          hn::Add(hn::Set(d, scene.window.z), near.t)};
          for (int a = 0; a < 3; ++a) {
            lo[a] = hn::Min(lo[a], hn::IfThenElse(near.hit, p[a], inf));
            hi[a] = hn::Max(hi[a], hn::IfThenElse(near.hit, p[a], hn::Neg(inf)));
          }
        };
        if (!FindRunHits(d, run, columns, tile.x1, nearest, grow_box)) continue;
        PointBox box;
        for (int a = 0; a < 3; ++a) {
          box.lo[a] = hn::GetLane(hn::MinOfLanes(d, lo[a]));
          box.hi[a] = hn::GetLane(hn::MaxOfLanes(d, hi[a]));
        }
        for (std::size_t i = 0; i < scene.lights.size(); ++i)
          candidates[i] =
              ShadowCandidates(d, scratch.cones, i, scene.lights[i].position, box, spheres.count());
        ShadeRun(d, scene, spheres, run, columns, py, stop, out,
                 [&](std::size_t i, M lit, VI self, const Point& p, const Point& to_light, V a) {
                   return Shadowed(d, spheres, candidates[i], self, lit, p, to_light, a);
                 });
      }
    }
    out.Finish();
  }
}

}  // namespace HWY_NAMESPACE
}  // namespace rtcli
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace rtcli {
HWY_EXPORT(RenderTile);

bool scene_kernel_accepts(const Scene& scene) {
  const std::size_t count = scene.spheres.size();
  return count > 0 && count <= static_cast<std::size_t>(kSceneKernelMaxSpheres) &&
         scene_is_moderate(scene);
}

void render_tile_scene_kernel(const Scene& scene, const TileBounds& tile, Frame& frame,
                              KernelContext& context) {
  TileScratch& scratch = context.scratch;
  scratch.update_tables(frame.width(), frame.height(), scene.window);
  scratch.spheres.update(scene);
  scratch.cones.update(scene);
  HWY_DYNAMIC_DISPATCH(RenderTile)(scene, scratch, context.stop, tile, frame);
}

}  // namespace rtcli
#endif  // HWY_ONCE

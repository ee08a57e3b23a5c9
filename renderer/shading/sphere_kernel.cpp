// The sphere kernel's SIMD body, compiled once per instruction set (Highway's foreach_target)
// and chosen at run time. Exactness: every value that can reach the 8-bit result goes through
// the same IEEE operations, in the same order, as shade_pixel. SIMD square roots and
// divisions round correctly like scalar ones, -ffp-contract=off keeps multiplies and adds
// unfused, and no MulAdd is used. The shortcuts, each tested in tests/sphere_kernel_test.cpp:
//  1. sp = v.d with v = (0,0,1) is (0*dx + 0*dy) + dz: for finite dx, dy the bracket is a
//     zero, so sp equals dz in value and can differ only in the sign of a zero. So sp*sp is
//     bitwise dz*dz. And -1*sp +- s/2 differs only when s = 0 and sp is a zero, where near
//     may be -0 or +0 but t = min(far, near) is far = +0 either way.
//  2. rat = 4*e < 0 exactly when e < 0 (scaling by 4 keeps the sign, even on overflow).
//  3. point = origin + (0,0,1)*t: 1*t is t; x + 0*t is x except that a zero x may change
//     sign. A zero coordinate only signs zeros downstream (its square is +0 either way), and
//     a zero sign can change n.l only when n.l is itself a zero, which adds no light.
//  4. A channel whose surface value is 0 is the same for every pixel: intensity is a finite
//     sum of positive terms or +0, so intensity * surface is a zero with the surface's sign.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "shading/sphere_kernel.cpp"
#include <hwy/foreach_target.h>  // must precede highway.h
#include <hwy/highway.h>

#include <algorithm>
#include <cstdint>

#include "shading/background_fill.h"
#include "shading/kernel_context.h"
#include "shading/kernel_limits.h"
#include "shading/sphere_kernel.h"
#include "shading/sphere_kernel_setup.h"
#include "system/stop_token.h"

// Per target, after foreach_target.h like the kernel itself.
#include "shading/scene_shading-inl.h"

HWY_BEFORE_NAMESPACE();
namespace rtcli {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// channel() for one surface value; a zero surface gives a constant (shortcut 4).
HWY_INLINE V Channel(D d, V intensity, const SphereKernelInputs::ChannelInputs& c) {
  if (c.constant) return hn::Set(d, c.value);
  return LitChannel(d, intensity, hn::Set(d, c.surface), hn::Set(d, c.floor));
}

// Colours of the lanes that hit the sphere (e >= 0), packed as r + 256*g + 65536*b: the root,
// point = origin + (0,0,1)*t (shortcut 3), then shade_hit(). `hit` loses the lanes whose roots
// both lie behind the screen.
HWY_INLINE V ShadeSphereLanes(D d, const SphereKernelInputs& in, V px, V py, V e, M& hit) {
  const V t = AheadRoot(d, e, hn::Set(d, -1 * in.dz), hit);  // -1*sp, shortcut 1
  const Point p{px, py, hn::Add(hn::Set(d, in.window_z), t)};
  const Point centre{hn::Set(d, in.centre.x), hn::Set(d, in.centre.y), hn::Set(d, in.centre.z)};
  const V intensity = LightSum(d, in.lights, p, centre, hit, NoShadows{});
  return PackRgb(d, Channel(d, intensity, in.r), Channel(d, intensity, in.g),
                 Channel(d, intensity, in.b));
}

void RenderTile(const SphereKernelInputs& in, const AxisTable& columns, const AxisTable& rows,
                const StopToken& stop, const TileBounds& tile, Frame& frame) {
  const D d;
  const D32 di;
  const int n = static_cast<int>(hn::Lanes(d));
  const V zero = hn::Zero(d);
  const V dz_squared = hn::Set(d, in.dz_squared);  // = sp*sp
  const V radius_squared = hn::Set(d, in.radius_squared);
  const V background = hn::Set(d, in.background_packed);
  const BackgroundFill fill_background(in.scene->background);
  HWY_ALIGN std::int32_t packed[2 * kMaxLanes];
  constexpr int kLanes = static_cast<int>(hn::MaxLanes(D()));

  for (int y = tile.y0; y < tile.y1; ++y) {
    // Between rows, not vectors: a check per vector cost 3% more instructions on the seed frame,
    // and a row of one sphere takes microseconds (tens of milliseconds with 20,000 lights).
    stop.throw_if_stopped();
    const double py = rows.coordinate[static_cast<std::size_t>(y)];
    const V dy_squared = hn::Set(d, rows.offset_squared[static_cast<std::size_t>(y)]);
    // The hit test: e = sp*sp - (d.d - r*r), d.d = (dx*dx + dy*dy) + dz*dz.
    const auto bracket = [&](int x) {
      const V dd =
          hn::Add(hn::Add(hn::LoadU(d, columns.offset_squared.data() + x), dy_squared), dz_squared);
      return hn::Sub(dz_squared, hn::Sub(dd, radius_squared));
    };
    RowWriter out(fill_background, frame.pixel(0, y), tile.x0, tile.x1);
    // Two vectors a step: their shading chains (square root, then division, then the next
    // square root) are long, and two independent ones keep the units busy.
    for (int x = tile.x0; x < tile.x1; x += 2 * n) {
      const int lanes0 = std::min(n, tile.x1 - x);
      const int lanes1 = std::clamp(tile.x1 - x - n, 0, n);
      const V e0 = bracket(x);
      const V e1 = bracket(x + n);  // the tables are padded for this load
      M hit0 = hn::And(hn::Not(hn::Lt(e0, zero)), hn::FirstN(d, static_cast<std::size_t>(lanes0)));
      M hit1 = hn::And(hn::Not(hn::Lt(e1, zero)), hn::FirstN(d, static_cast<std::size_t>(lanes1)));
      if (hn::AllFalse(d, hn::Or(hit0, hit1))) continue;
      const V pyv = hn::Set(d, py);
      const V colour0 =
          ShadeSphereLanes(d, in, hn::LoadU(d, columns.coordinate.data() + x), pyv, e0, hit0);
      const V colour1 =
          ShadeSphereLanes(d, in, hn::LoadU(d, columns.coordinate.data() + x + n), pyv, e1, hit1);
      hn::Store(hn::DemoteTo(di, hn::IfThenElse(hit0, colour0, background)), di, packed);
      hn::Store(hn::DemoteTo(di, hn::IfThenElse(hit1, colour1, background)), di, packed + n);
      out.Write<2 * kLanes>(packed, x, lanes0 + lanes1);
    }
    out.Finish();
  }
}

const char* TargetName() {
  return hwy::TargetName(HWY_TARGET);
}

}  // namespace HWY_NAMESPACE
}  // namespace rtcli
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace rtcli {
HWY_EXPORT(RenderTile);
HWY_EXPORT(TargetName);

bool sphere_kernel_accepts(const Scene& scene) {
  return scene.spheres.size() == 1 && scene_is_moderate(scene);
}

void render_tile_sphere_kernel(const Scene& scene, const TileBounds& tile, Frame& frame,
                               KernelContext& context) {
  TileScratch& scratch = context.scratch;
  const Vec3 centre = scene.spheres.front().centre;
  // The column table's padding leaves room for RenderTile's loads of two whole vectors.
  scratch.update_tables(frame.width(), frame.height(), scene.window, centre.x, centre.y);
  HWY_DYNAMIC_DISPATCH(RenderTile)
  (sphere_kernel_inputs(scene), scratch.columns, scratch.rows, context.stop, tile, frame);
}

std::string sphere_kernel_target() {
  return HWY_DYNAMIC_DISPATCH(TargetName)();
}

}  // namespace rtcli
#endif  // HWY_ONCE

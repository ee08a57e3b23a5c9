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
#include <bit>
#include <cmath>
#include <cstring>

#include "shading/background_fill.h"
#include "shading/kernel_limits.h"
#include "shading/shade.h"
#include "shading/sphere_kernel.h"
#include "shading/sphere_kernel_setup.h"

// Per target, after foreach_target.h like the kernel itself.
#include "shading/simd_pixels-inl.h"

HWY_BEFORE_NAMESPACE();
namespace rtcli {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

using D = hn::ScalableTag<double>;
using V = hn::Vec<D>;
constexpr std::size_t kMaxLanes = HWY_MAX_BYTES / sizeof(double);

// channel() for one surface value; a zero surface gives a constant (shortcut 4).
HWY_INLINE V Channel(D d, V intensity, const SphereKernelInputs::ChannelInputs& c) {
  if (c.constant) return hn::Set(d, c.value);
  return FinishChannel(d, hn::Trunc(hn::Mul(intensity, hn::Set(d, c.surface))),
                       hn::Set(d, c.floor));
}

struct HitPoints {
  V x, y, z;
};

// intersect(), then point = origin + (0,0,1)*t. `hit` loses the lanes whose roots are both
// behind the screen.
HWY_INLINE HitPoints IntersectLanes(D d, const SphereKernelInputs& in, V px, V py, V e,
                                    hn::Mask<D>& hit) {
  const V zero = hn::Zero(d);
  const V s = hn::Sqrt(hn::Mul(hn::Set(d, 4.0), e));
  const V s_half = hn::Mul(s, hn::Set(d, 0.5));  // s / 2: the same correctly rounded value
  const V neg_sp = hn::Set(d, -1 * in.dz);       // -1*sp, shortcut 1
  const V far = hn::Add(neg_sp, s_half);
  const V near = hn::Sub(neg_sp, s_half);
  const V t = hn::IfThenElse(hn::Lt(near, far), near, far);  // std::min(far, near)
  const auto t_ahead = hn::Ge(t, zero);
  const V t_hit = hn::IfThenElse(t_ahead, t, far);
  hit = hn::And(hit, hn::Or(t_ahead, hn::Ge(far, zero)));
  return {px, py, hn::Add(hn::Set(d, in.window_z), t_hit)};  // shortcut 3
}

// shade_hit() operation by operation: n = normalise(point - centre), then the lights' n.l.
HWY_INLINE V ExactColour(D d, const SphereKernelInputs& in, const HitPoints& p) {
  const V zero = hn::Zero(d);
  const V one = hn::Set(d, 1.0);
  const V ax = hn::Sub(p.x, hn::Set(d, in.centre.x));
  const V ay = hn::Sub(p.y, hn::Set(d, in.centre.y));
  const V az = hn::Sub(p.z, hn::Set(d, in.centre.z));
  const V inv_a = hn::Div(one, hn::Sqrt(Dot(ax, ay, az, ax, ay, az)));
  const V nx = hn::Mul(ax, inv_a);
  const V ny = hn::Mul(ay, inv_a);
  const V nz = hn::Mul(az, inv_a);

  V intensity = zero;
  for (const Light& light : in.lights) {
    const V bx = hn::Sub(hn::Set(d, light.position.x), p.x);
    const V by = hn::Sub(hn::Set(d, light.position.y), p.y);
    const V bz = hn::Sub(hn::Set(d, light.position.z), p.z);
    const V inv_b = hn::Div(one, hn::Sqrt(Dot(bx, by, bz, bx, by, bz)));
    const V nl =
        hn::Mul(Dot(nx, ny, nz, hn::Mul(bx, inv_b), hn::Mul(by, inv_b), hn::Mul(bz, inv_b)),
                hn::Set(d, light.intensity));
    // A NaN nl (a light exactly on the surface point) fails the test, as in shade_hit, so
    // the intensity stays a finite sum of positive terms.
    intensity = hn::IfThenElse(hn::Gt(nl, zero), hn::Add(intensity, nl), intensity);
  }
  const V r = Channel(d, intensity, in.r);
  const V g = Channel(d, intensity, in.g);
  const V b = Channel(d, intensity, in.b);
  return hn::Add(hn::Add(r, hn::Mul(g, hn::Set(d, 256.0))), hn::Mul(b, hn::Set(d, 65536.0)));
}

// Colours of the lanes that hit the sphere, packed as r + 256*g + 65536*b.
HWY_INLINE V ShadeLanes(D d, const SphereKernelInputs& in, V px, V py, V e, hn::Mask<D>& hit) {
  return ExactColour(d, in, IntersectLanes(d, in, px, py, e, hit));
}

void RenderTile(const SphereKernelInputs& in, const AxisTable& columns, const AxisTable& rows,
                const TileBounds& tile, Frame& frame) {
  const D d;
  const hn::Rebind<std::int32_t, D> di;
  const int n = static_cast<int>(hn::Lanes(d));
  const V zero = hn::Zero(d);
  const V dz_squared = hn::Set(d, in.dz_squared);  // = sp*sp
  const V radius_squared = hn::Set(d, in.radius_squared);
  const V background = hn::Set(d, in.background_packed);
  const BackgroundFill fill_background(in.scene->background);
  HWY_ALIGN std::int32_t packed[2 * kMaxLanes];
  constexpr int kLanes = static_cast<int>(hn::MaxLanes(D()));

  for (int y = tile.y0; y < tile.y1; ++y) {
    const double py = rows.coordinate[static_cast<std::size_t>(y)];
    const V dy_squared = hn::Set(d, rows.offset_squared[static_cast<std::size_t>(y)]);
    // The hit test: e = sp*sp - (d.d - r*r), d.d = (dx*dx + dy*dy) + dz*dz.
    const auto bracket = [&](int x) {
      const V dd =
          hn::Add(hn::Add(hn::LoadU(d, columns.offset_squared.data() + x), dy_squared), dz_squared);
      return hn::Sub(dz_squared, hn::Sub(dd, radius_squared));
    };
    std::uint8_t* row = frame.pixel(0, y);
    int background_from = tile.x0;  // start of the pending run of background pixels
    // Two vectors a step: their shading chains (square root, then division, then the next
    // square root) are long, and two independent ones keep the units busy.
    for (int x = tile.x0; x < tile.x1; x += 2 * n) {
      const int lanes0 = std::min(n, tile.x1 - x);
      const int lanes1 = std::clamp(tile.x1 - x - n, 0, n);
      const V e0 = bracket(x);
      const V e1 = bracket(x + n);  // the tables are padded for this load
      auto hit0 =
          hn::And(hn::Not(hn::Lt(e0, zero)), hn::FirstN(d, static_cast<std::size_t>(lanes0)));
      auto hit1 =
          hn::And(hn::Not(hn::Lt(e1, zero)), hn::FirstN(d, static_cast<std::size_t>(lanes1)));
      if (hn::AllFalse(d, hn::Or(hit0, hit1))) continue;
      fill_background(row + 3 * background_from, x - background_from);
      const V pyv = hn::Set(d, py);
      const V colour0 =
          ShadeLanes(d, in, hn::LoadU(d, columns.coordinate.data() + x), pyv, e0, hit0);
      const V colour1 =
          ShadeLanes(d, in, hn::LoadU(d, columns.coordinate.data() + x + n), pyv, e1, hit1);
      hn::Store(hn::DemoteTo(di, hn::IfThenElse(hit0, colour0, background)), di, packed);
      hn::Store(hn::DemoteTo(di, hn::IfThenElse(hit1, colour1, background)), di, packed + n);
      const int lanes = lanes0 + lanes1;
      WritePixels<2 * kLanes>(packed, lanes, x + lanes < tile.x1, row + 3 * x);
      background_from = x + lanes;
    }
    fill_background(row + 3 * background_from, tile.x1 - background_from);
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

void render_tile_sphere_kernel(const Scene& scene, const TileBounds& tile, Frame& frame) {
  // Tables per worker thread, rebuilt only when the frame size, window or sphere changes.
  thread_local AxisTable columns;
  thread_local AxisTable rows;
  const Vec3 centre = scene.spheres.front().centre;
  // Room for RenderTile's loads of two whole vectors from the last column on.
  columns.update(AxisTable::Axis::kX, frame.width(), scene.window, centre.x, kColumnTablePadding);
  rows.update(AxisTable::Axis::kY, frame.height(), scene.window, centre.y, 0);
  HWY_DYNAMIC_DISPATCH(RenderTile)(sphere_kernel_inputs(scene), columns, rows, tile, frame);
}

std::string sphere_kernel_target() {
  return HWY_DYNAMIC_DISPATCH(TargetName)();
}

}  // namespace rtcli
#endif  // HWY_ONCE

// The sphere kernel's SIMD body, compiled once per instruction set (Highway's foreach_target)
// and chosen at run time. Exactness: every per-pixel value goes through the same IEEE
// operations, in the same order, as shade_pixel. SIMD square roots and divisions round
// correctly like scalar ones, -ffp-contract=off keeps multiplies and adds unfused, and no
// MulAdd is used. The two shortcuts, both proven in tests/sphere_kernel_test.cpp:
//  - sp = v.d with v = (0,0,1) is (0*dx + 0*dy) + dz, numerically equal to dz for finite
//    dx, dy (the bracket is a zero), so sp*sp is bitwise dz*dz and is computed once;
//  - rat = 4*e < 0 exactly when e < 0 (scaling by 4 keeps the sign, even on overflow).
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "sphere_kernel.cpp"
#include <hwy/foreach_target.h>  // must precede highway.h
#include <hwy/highway.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "shade.h"
#include "sphere_kernel.h"
#include "sphere_kernel_setup.h"

HWY_BEFORE_NAMESPACE();
namespace rtcli {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

using D = hn::ScalableTag<double>;
using V = hn::Vec<D>;
constexpr std::size_t kMaxLanes = HWY_MAX_BYTES / sizeof(double);

HWY_INLINE V Dot(V ax, V ay, V az, V bx, V by, V bz) {
  return hn::Add(hn::Add(hn::Mul(ax, bx), hn::Mul(ay, by)), hn::Mul(az, bz));
}

// channel() of shade.cpp: clamp(max(trunc(intensity * surface), floor), 0, 255).
HWY_INLINE V Channel(D d, V intensity, double surface, double floor) {
  const V lit = hn::Trunc(hn::Mul(intensity, hn::Set(d, surface)));
  const V f = hn::Set(d, floor);
  const V m = hn::IfThenElse(hn::Lt(lit, f), f, lit);  // std::max(lit, floor)
  const V lo = hn::Zero(d);
  const V hi = hn::Set(d, 255.0);
  return hn::IfThenElse(hn::Lt(m, lo), lo, hn::IfThenElse(hn::Lt(hi, m), hi, m));
}

// Colours of the lanes that hit the sphere, packed as r + 256*g + 65536*b, following
// intersect() and shade_hit(). `hit` loses the lanes whose roots are both behind the screen.
HWY_INLINE V ShadeLanes(D d, const SphereKernelInputs& in, V px, V py, V e, hn::Mask<D>& hit) {
  const V zero = hn::Zero(d);
  const V one = hn::Set(d, 1.0);
  const V cx = hn::Set(d, in.centre.x);
  const V cy = hn::Set(d, in.centre.y);
  const V cz = hn::Set(d, in.centre.z);

  // intersect(): the nearer root with t >= 0, else the farther one.
  const V dx = hn::Sub(px, cx);
  const V dy = hn::Sub(py, cy);
  const V sp = hn::Add(hn::Add(hn::Mul(zero, dx), hn::Mul(zero, dy)), hn::Set(d, in.dz));
  const V s = hn::Sqrt(hn::Mul(hn::Set(d, 4.0), e));
  const V s_half = hn::Mul(s, hn::Set(d, 0.5));  // s / 2: the same correctly rounded value
  const V neg_sp = hn::Mul(hn::Set(d, -1.0), sp);
  const V far = hn::Add(neg_sp, s_half);
  const V near = hn::Sub(neg_sp, s_half);
  const V t = hn::IfThenElse(hn::Lt(near, far), near, far);  // std::min(far, near)
  const auto t_ahead = hn::Ge(t, zero);
  const V t_hit = hn::IfThenElse(t_ahead, t, far);
  hit = hn::And(hit, hn::Or(t_ahead, hn::Ge(far, zero)));

  // shade_hit(): point = origin + (0,0,1)*t; n = normalise(point - centre).
  const V zero_t = hn::Mul(zero, t_hit);
  const V hx = hn::Add(px, zero_t);
  const V hy = hn::Add(py, zero_t);
  const V hz = hn::Add(hn::Set(d, in.window_z), hn::Mul(one, t_hit));
  const V ax = hn::Sub(hx, cx);
  const V ay = hn::Sub(hy, cy);
  const V az = hn::Sub(hz, cz);
  const V inv_a = hn::Div(one, hn::Sqrt(Dot(ax, ay, az, ax, ay, az)));
  const V nx = hn::Mul(ax, inv_a);
  const V ny = hn::Mul(ay, inv_a);
  const V nz = hn::Mul(az, inv_a);

  V intensity = zero;
  for (const Light& light : in.lights) {
    const V bx = hn::Sub(hn::Set(d, light.position.x), hx);
    const V by = hn::Sub(hn::Set(d, light.position.y), hy);
    const V bz = hn::Sub(hn::Set(d, light.position.z), hz);
    const V inv_b = hn::Div(one, hn::Sqrt(Dot(bx, by, bz, bx, by, bz)));
    const V nl =
        hn::Mul(Dot(nx, ny, nz, hn::Mul(bx, inv_b), hn::Mul(by, inv_b), hn::Mul(bz, inv_b)),
                hn::Set(d, light.intensity));
    // A NaN nl (a light exactly on the surface point) fails the test, as in shade_hit, so
    // the intensity stays a finite sum of positive terms.
    intensity = hn::IfThenElse(hn::Gt(nl, zero), hn::Add(intensity, nl), intensity);
  }

  const V r = Channel(d, intensity, in.surface.r, in.floor_r);
  const V g = Channel(d, intensity, in.surface.g, in.floor_g);
  const V b = Channel(d, intensity, in.surface.b, in.floor_b);
  return hn::Add(hn::Add(r, hn::Mul(g, hn::Set(d, 256.0))), hn::Mul(b, hn::Set(d, 65536.0)));
}

void RenderTile(const SphereKernelInputs& in, const ColumnTable& columns, const TileBounds& tile,
                Frame& frame) {
  const D d;
  const hn::Rebind<std::int32_t, D> di;
  const int n = static_cast<int>(hn::Lanes(d));
  const int width = frame.width();
  const int height = frame.height();
  const V zero = hn::Zero(d);
  const V dz_squared = hn::Set(d, in.dz_squared);  // = sp*sp
  const V radius_squared = hn::Set(d, in.radius_squared);
  const V background = hn::Set(d, in.background_packed);

  // The background colour for a whole vector of pixels, copied where no lane hits.
  std::uint8_t background_run[3 * kMaxLanes];
  const Rgb8 bg = in.scene->background;
  for (std::size_t i = 0; i < kMaxLanes; ++i) {
    background_run[3 * i] = bg.r;
    background_run[3 * i + 1] = bg.g;
    background_run[3 * i + 2] = bg.b;
  }
  HWY_ALIGN std::int32_t packed[kMaxLanes];

  for (int y = tile.y0; y < tile.y1; ++y) {
    const double py = screen_point(in.scene->window, 0, y, width, height).y;
    const double dy = py - in.centre.y;
    const V dy_squared = hn::Set(d, dy * dy);
    std::uint8_t* out = frame.pixel(tile.x0, y);
    for (int x = tile.x0; x < tile.x1; x += n, out += 3 * n) {
      const int lanes = std::min(n, tile.x1 - x);
      // The hit test: e = sp*sp - (d.d - r*r), d.d = (dx*dx + dy*dy) + dz*dz.
      const V dd = hn::Add(hn::Add(hn::LoadU(d, columns.dx_squared.data() + x), dy_squared),
                           hn::Set(d, in.dz_squared));
      const V e = hn::Sub(dz_squared, hn::Sub(dd, radius_squared));
      auto hit = hn::And(hn::Not(hn::Lt(e, zero)), hn::FirstN(d, static_cast<std::size_t>(lanes)));
      if (hn::AllFalse(d, hit)) {
        std::memcpy(out, background_run, 3 * static_cast<std::size_t>(lanes));
        continue;
      }
      const V colour =
          ShadeLanes(d, in, hn::LoadU(d, columns.screen_x.data() + x), hn::Set(d, py), e, hit);
      hn::Store(hn::DemoteTo(di, hn::IfThenElse(hit, colour, background)), di, packed);
      for (int i = 0; i < lanes; ++i) {
        std::uint8_t* p = out + 3 * i;
        const std::int32_t v = packed[i];
        p[0] = static_cast<std::uint8_t>(v & 0xff);
        p[1] = static_cast<std::uint8_t>((v >> 8) & 0xff);
        p[2] = static_cast<std::uint8_t>(v >> 16);
      }
    }
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

namespace {
constexpr double kLargest = 1e150;

bool moderate(double v) {
  return std::isfinite(v) && std::fabs(v) <= kLargest;
}
bool moderate(Vec3 v) {
  return moderate(v.x) && moderate(v.y) && moderate(v.z);
}
}  // namespace

bool sphere_kernel_accepts(const Scene& scene) {
  if (scene.spheres.size() != 1) return false;
  const Sphere& s = scene.spheres.front();
  const ScreenWindow& w = scene.window;
  bool ok = moderate(s.centre) && moderate(s.radius) && moderate(s.colour.r) &&
            moderate(s.colour.g) && moderate(s.colour.b) && moderate(scene.ambient) &&
            moderate(w.x) && moderate(w.y) && moderate(w.width) && moderate(w.height) &&
            moderate(w.z);
  for (const Light& light : scene.lights)
    ok = ok && moderate(light.position) && moderate(light.intensity);
  return ok;
}

void render_tile_sphere_kernel(const Scene& scene, const TileBounds& tile, Frame& frame) {
  // One table per worker thread, rebuilt only when the frame width, window or sphere changes.
  thread_local ColumnTable columns;
  const double cx = scene.spheres.front().centre.x;
  if (!columns.matches(frame.width(), scene.window, cx))
    columns.rebuild(frame.width(), frame.height(), scene.window, cx,
                    static_cast<int>(HWY_MAX_BYTES / sizeof(double)));
  HWY_DYNAMIC_DISPATCH(RenderTile)(sphere_kernel_inputs(scene), columns, tile, frame);
}

std::string sphere_kernel_target() {
  return HWY_DYNAMIC_DISPATCH(TargetName)();
}

}  // namespace rtcli
#endif  // HWY_ONCE

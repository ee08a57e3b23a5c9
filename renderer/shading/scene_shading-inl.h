// The per-pixel steps the SIMD kernels for many spheres share, each the very arithmetic of
// shade.cpp for a vector of neighbouring pixels: one sphere's primary test folded into the
// nearest hit, one sphere's shadow test, and shade_hit() given a shadow query. Per target
// (Highway's -inl.h pattern), included after foreach_target.h.
#if defined(RTCLI_SHADING_SCENE_SHADING_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef RTCLI_SHADING_SCENE_SHADING_INL_H_
#undef RTCLI_SHADING_SCENE_SHADING_INL_H_
#else
#define RTCLI_SHADING_SCENE_SHADING_INL_H_
#endif

#include <hwy/highway.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "scene/scene.h"
#include "shading/scene_kernel_setup.h"
#include "shading/simd_pixels-inl.h"

HWY_BEFORE_NAMESPACE();
namespace rtcli {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

using D = hn::ScalableTag<double>;
using V = hn::Vec<D>;
using M = hn::Mask<D>;
using DI = hn::RebindToSigned<D>;
using VI = hn::Vec<DI>;
constexpr std::size_t kMaxLanes = HWY_MAX_BYTES / sizeof(double);

// The nearest hit of each lane's screen ray, as nearest_hit() finds it.
struct Nearest {
  V t;
  VI sphere;  // -1 where nothing is hit
  M hit;
};

HWY_INLINE Nearest NoHit(D d) {
  return {hn::Set(d, std::numeric_limits<double>::infinity()), hn::Set(DI(), -1), hn::FirstN(d, 0)};
}

// One sphere's primary test for the lanes of `valid` (dx = px - cx; the other terms are the
// row's and the sphere's), kept where it is nearer than the best so far: ray_sphere_t from
// rat = 4*e on (scene_kernel.cpp, shortcut 1). `kAnyOrder`: spheres come in any order, so a
// tie goes to the lower index explicitly; otherwise they come in index order and "nearer"
// alone keeps the lower one.
template <bool kAnyOrder>
HWY_INLINE void FoldSphere(D d, V px, double cx, double dy_squared, double dz_squared,
                           double radius_squared, double neg_sp, std::int64_t sphere, M valid,
                           Nearest& best) {
  const DI di;
  const V zero = hn::Zero(d);
  const V dzz = hn::Set(d, dz_squared);
  const V dx = hn::Sub(px, hn::Set(d, cx));
  const V dd = hn::Add(hn::Add(hn::Mul(dx, dx), hn::Set(d, dy_squared)), dzz);
  const V e = hn::Sub(dzz, hn::Sub(dd, hn::Set(d, radius_squared)));
  M hit = hn::And(hn::Not(hn::Lt(e, zero)), valid);
  if (hn::AllFalse(d, hit)) return;
  const V root = hn::Sqrt(hn::Mul(hn::Set(d, 4.0), e));
  const V half = hn::Mul(root, hn::Set(d, 0.5));  // s / 2: the same correctly rounded value
  const V neg = hn::Set(d, neg_sp);
  const V far = hn::Add(neg, half);
  const V near = hn::Sub(neg, half);
  const V t = hn::IfThenElse(hn::Lt(near, far), near, far);  // std::min(far, near)
  const M ahead = hn::Ge(t, zero);
  const V t_hit = hn::IfThenElse(ahead, t, far);
  hit = hn::And(hit, hn::Or(ahead, hn::Ge(far, zero)));
  const VI id = hn::Set(di, sphere);
  M nearer = hn::Lt(t_hit, best.t);
  if constexpr (kAnyOrder)
    nearer =
        hn::Or(nearer, hn::And(hn::Eq(t_hit, best.t), hn::RebindMask(d, hn::Lt(id, best.sphere))));
  nearer = hn::And(hit, nearer);
  best.t = hn::IfThenElse(nearer, t_hit, best.t);
  best.sphere = hn::IfThenElse(hn::RebindMask(di, nearer), id, best.sphere);
  best.hit = hn::Or(best.hit, nearer);
}

struct Point {
  V x, y, z;
};

// sphere_blocks_segment for one sphere and the lanes of `test`, given to_light = light - point
// and a = to_light.to_light: the lanes it blocks. A sphere whose disc < 0 on every lane is
// left before its square root and divisions (scene_kernel.cpp, shortcut 3).
HWY_INLINE M BlockedBy(D d, double cx, double cy, double cz, double radius_squared, M test,
                       const Point& p, const Point& to_light, V a) {
  const V zero = hn::Zero(d);
  const V dx = hn::Sub(p.x, hn::Set(d, cx));
  const V dy = hn::Sub(p.y, hn::Set(d, cy));
  const V dz = hn::Sub(p.z, hn::Set(d, cz));
  const V b = Dot(to_light.x, to_light.y, to_light.z, dx, dy, dz);
  const V c = hn::Sub(Dot(dx, dy, dz, dx, dy, dz), hn::Set(d, radius_squared));
  const V disc = hn::Sub(hn::Mul(b, b), hn::Mul(a, c));
  const M crossing = hn::And(test, hn::Not(hn::Lt(disc, zero)));
  if (hn::AllFalse(d, crossing)) return crossing;
  const V root = hn::Sqrt(disc);
  const V neg_b = hn::Neg(b);
  const V t_near = hn::Div(hn::Sub(neg_b, root), a);
  const V t_far = hn::Div(hn::Add(neg_b, root), a);
  const V epsilon = hn::Set(d, 1e-9);
  const V one = hn::Set(d, 1.0);
  const M inside = hn::Or(hn::And(hn::Gt(t_near, epsilon), hn::Lt(t_near, one)),
                          hn::And(hn::Gt(t_far, epsilon), hn::Lt(t_far, one)));
  return hn::And(crossing, inside);
}

// shade_hit() for the lanes of `near`, packed as r + 256*g + 65536*b.
// `shadowed(light, lit, spheres, p, to_light, a)` gives the lanes of `lit` whose segment to
// light `light` another sphere blocks (spheres: each lane's own sphere).
template <class Shadowed>
HWY_INLINE V ShadeLanes(D d, const Scene& scene, const SceneSpheres& s, const Nearest& near, V px,
                        double py, const Shadowed& shadowed) {
  const DI di;
  const V zero = hn::Zero(d);
  const V one = hn::Set(d, 1.0);
  // The lanes' spheres: one broadcast when they share it, else gathers.
  HWY_ALIGN std::int64_t spheres[kMaxLanes];
  hn::Store(near.sphere, di, spheres);
  const std::int64_t first = spheres[hn::FindKnownFirstTrue(d, near.hit)];
  const VI index = hn::IfThenElse(hn::RebindMask(di, near.hit), near.sphere, hn::Set(di, first));
  const bool shared = hn::AllTrue(di, hn::Eq(index, hn::Set(di, first)));
  const auto pick = [&](const std::vector<double>& field) {
    return shared ? hn::Set(d, field[static_cast<std::size_t>(first)])
                  : hn::GatherIndex(d, field.data(), index);
  };

  // point = origin + (0,0,1)*t, operation by operation.
  const Point p{hn::Add(px, hn::Mul(zero, near.t)), hn::Add(hn::Set(d, py), hn::Mul(zero, near.t)),
                hn::Add(hn::Set(d, scene.window.z), hn::Mul(one, near.t))};
  const V ax = hn::Sub(p.x, pick(s.cx));
  const V ay = hn::Sub(p.y, pick(s.cy));
  const V az = hn::Sub(p.z, pick(s.cz));
  const V inv_a = hn::Div(one, hn::Sqrt(Dot(ax, ay, az, ax, ay, az)));
  const V nx = hn::Mul(ax, inv_a);
  const V ny = hn::Mul(ay, inv_a);
  const V nz = hn::Mul(az, inv_a);

  V intensity = zero;
  for (std::size_t i = 0; i < scene.lights.size(); ++i) {
    const Light& light = scene.lights[i];
    const Point b{hn::Sub(hn::Set(d, light.position.x), p.x),
                  hn::Sub(hn::Set(d, light.position.y), p.y),
                  hn::Sub(hn::Set(d, light.position.z), p.z)};
    const V bb = Dot(b.x, b.y, b.z, b.x, b.y, b.z);
    const V inv_b = hn::Div(one, hn::Sqrt(bb));
    const V nl =
        hn::Mul(Dot(nx, ny, nz, hn::Mul(b.x, inv_b), hn::Mul(b.y, inv_b), hn::Mul(b.z, inv_b)),
                hn::Set(d, light.intensity));
    // Lanes whose n.l is not > 0 take no shadow test, as shade_hit's && skips it.
    const M lit = hn::And(near.hit, hn::Gt(nl, zero));
    if (hn::AllFalse(d, lit)) continue;
    const M blocked = shadowed(i, lit, index, p, b, bb);
    intensity = hn::IfThenElse(hn::AndNot(blocked, lit), hn::Add(intensity, nl), intensity);
  }
  V channel[3];
  for (int c = 0; c < 3; ++c)
    channel[c] =
        FinishChannel(d, hn::Trunc(hn::Mul(intensity, pick(s.surface[c]))), pick(s.floor[c]));
  return hn::Add(hn::Add(channel[0], hn::Mul(channel[1], hn::Set(d, 256.0))),
                 hn::Mul(channel[2], hn::Set(d, 65536.0)));
}

}  // namespace HWY_NAMESPACE
}  // namespace rtcli
HWY_AFTER_NAMESPACE();

#endif  // RTCLI_SHADING_SCENE_SHADING_INL_H_ toggle

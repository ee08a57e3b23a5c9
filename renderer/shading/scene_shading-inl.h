// The per-pixel steps the SIMD kernels share, each the very arithmetic of shade.cpp for a
// vector of neighbouring pixels: the root a primary hit takes, one sphere's primary test folded
// into the nearest hit, one sphere's shadow test, shade_hit() given a shadow query, and the
// second pass of the kernels for many spheres (shade a run of found hits, write the row). Per
// target (Highway's -inl.h pattern), included after foreach_target.h.
#if defined(RTCLI_SHADING_SCENE_SHADING_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef RTCLI_SHADING_SCENE_SHADING_INL_H_
#undef RTCLI_SHADING_SCENE_SHADING_INL_H_
#else
#define RTCLI_SHADING_SCENE_SHADING_INL_H_
#endif

#include <hwy/highway.h>

#include <algorithm>
#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

#include "scene/scene.h"
#include "shading/scene_kernel_setup.h"
#include "shading/simd_lanes-inl.h"
#include "shading/simd_pixels-inl.h"
#include "system/stop_token.h"

HWY_BEFORE_NAMESPACE();
namespace rtcli {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// ray_sphere_t's root for a screen ray, from its margin e (rat = 4*e; sphere_kernel.cpp,
// shortcut 2) and -1*sp (shortcut 1 there): the nearer root when it lies ahead of the screen,
// else the farther. `hit` loses the lanes whose roots both lie behind.
HWY_INLINE V AheadRoot(D d, V e, V neg_sp, M& hit) {
  const V zero = hn::Zero(d);
  const V root = hn::Sqrt(hn::Mul(hn::Set(d, 4.0), e));
  const V half = hn::Mul(root, hn::Set(d, 0.5));  // s / 2: the same correctly rounded value
  const V far = hn::Add(neg_sp, half);
  const V near = hn::Sub(neg_sp, half);
  const V t = hn::IfThenElse(hn::Lt(near, far), near, far);  // std::min(far, near)
  const M ahead = hn::Ge(t, zero);
  hit = hn::And(hit, hn::Or(ahead, hn::Ge(far, zero)));
  return hn::IfThenElse(ahead, t, far);
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
  const V dzz = hn::Set(d, dz_squared);
  const V dx = hn::Sub(px, hn::Set(d, cx));
  const V dd = hn::Add(hn::Add(hn::Mul(dx, dx), hn::Set(d, dy_squared)), dzz);
  const V e = hn::Sub(dzz, hn::Sub(dd, hn::Set(d, radius_squared)));
  M hit = hn::And(hn::Not(hn::Lt(e, hn::Zero(d))), valid);
  if (hn::AllFalse(d, hit)) return;
  const V t_hit = AheadRoot(d, e, hn::Set(d, neg_sp), hit);
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

// The shadow query of a scene of one sphere: none (a sphere casts no shadow on itself).
struct NoShadows {};

// shade_hit()'s sum over the lights for the lanes of `hit`, whose points p lie on spheres
// centred at `centre`: the normal, then each light's n.l where it is > 0 and the light is not
// shadowed. shadowed(light, lit, p, to_light, a) gives the lanes of `lit` whose segment to
// light `light` another sphere blocks (to_light = light - p, a = to_light.to_light).
template <class Shadowed>
HWY_INLINE V LightSum(D d, std::span<const Light> lights, const Point& p, const Point& centre,
                      M hit, const Shadowed& shadowed) {
  const V zero = hn::Zero(d);
  const V one = hn::Set(d, 1.0);
  const V ax = hn::Sub(p.x, centre.x);
  const V ay = hn::Sub(p.y, centre.y);
  const V az = hn::Sub(p.z, centre.z);
  const V inv_a = hn::Div(one, hn::Sqrt(Dot(ax, ay, az, ax, ay, az)));
  const V nx = hn::Mul(ax, inv_a);
  const V ny = hn::Mul(ay, inv_a);
  const V nz = hn::Mul(az, inv_a);

  V intensity = zero;
  for (std::size_t i = 0; i < lights.size(); ++i) {
    const Light& light = lights[i];
    const Point b{hn::Sub(hn::Set(d, light.position.x), p.x),
                  hn::Sub(hn::Set(d, light.position.y), p.y),
                  hn::Sub(hn::Set(d, light.position.z), p.z)};
    const V bb = Dot(b.x, b.y, b.z, b.x, b.y, b.z);
    const V inv_b = hn::Div(one, hn::Sqrt(bb));
    const V nl =
        hn::Mul(Dot(nx, ny, nz, hn::Mul(b.x, inv_b), hn::Mul(b.y, inv_b), hn::Mul(b.z, inv_b)),
                hn::Set(d, light.intensity));
    // A NaN nl (a light exactly on the surface point) fails the test, as in shade_hit, so the
    // intensity stays a finite sum of positive terms. Lanes not hit are masked out later.
    if constexpr (std::is_same_v<Shadowed, NoShadows>) {
      intensity = hn::IfThenElse(hn::Gt(nl, zero), hn::Add(intensity, nl), intensity);
    } else {
      // Lanes whose n.l is not > 0 take no shadow test, as shade_hit's && skips it.
      const M lit = hn::And(hit, hn::Gt(nl, zero));
      if (hn::AllFalse(d, lit)) continue;
      const M blocked = shadowed(i, lit, p, b, bb);
      intensity = hn::IfThenElse(hn::AndNot(blocked, lit), hn::Add(intensity, nl), intensity);
    }
  }
  return intensity;
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
  const V intensity = LightSum(d, scene.lights, p, {pick(s.cx), pick(s.cy), pick(s.cz)}, near.hit,
                               [&](std::size_t i, M lit, const Point& at, const Point& to_light,
                                   V a) { return shadowed(i, lit, index, at, to_light, a); });
  return PackRgb(d, LitChannel(d, intensity, pick(s.surface[0]), pick(s.floor[0])),
                 LitChannel(d, intensity, pick(s.surface[1]), pick(s.floor[1])),
                 LitChannel(d, intensity, pick(s.surface[2]), pick(s.floor[2])));
}

// The kernels for many spheres take a row kRunVectors vectors at a time: a first pass finds
// the run's nearest hits (and what they imply for the shadow tests: scene_kernel.cpp's cones,
// bvh_packet_kernel.cpp's walks), the second shades them.
constexpr int kRunVectors = 8;

// A run's nearest hits, kept between the two passes.
struct RunHits {
  int x = 0;        // first column
  int vectors = 0;  // vectors in the run, the last of them perhaps partial
  HWY_ALIGN double t[kRunVectors * kMaxLanes];
  HWY_ALIGN std::int64_t sphere[kRunVectors * kMaxLanes];

  void Keep(D d, int v, const Nearest& near) {
    const std::size_t at = static_cast<std::size_t>(v) * hn::Lanes(d);
    hn::Store(near.t, d, t + at);
    hn::Store(near.sphere, DI(), sphere + at);
  }

  Nearest Hits(D d, int v) const {
    const std::size_t at = static_cast<std::size_t>(v) * hn::Lanes(d);
    const VI index = hn::Load(DI(), sphere + at);
    return {hn::Load(d, t + at), index, hn::RebindMask(d, hn::Gt(index, hn::Set(DI(), -1)))};
  }
};

// The first pass: each vector's nearest hit, nearest(x, lanes, px, valid) for the `lanes` valid
// pixels from column x on at screen x `px`, kept in `run`; on_hit(px, near) sees each vector
// with a hit. False when no pixel of the run hits a sphere. `x1`: the tile row's end.
template <class NearestOf, class OnHit>
HWY_INLINE bool FindRunHits(D d, RunHits& run, const double* columns, int x1,
                            const NearestOf& nearest, const OnHit& on_hit) {
  const int n = static_cast<int>(hn::Lanes(d));
  bool any = false;
  for (int v = 0; v < run.vectors; ++v) {
    const int x = run.x + v * n;
    const int lanes = std::min(n, x1 - x);
    const V px = hn::LoadU(d, columns + x);
    const Nearest near = nearest(x, lanes, px, hn::FirstN(d, static_cast<std::size_t>(lanes)));
    run.Keep(d, v, near);
    if (hn::AllFalse(d, near.hit)) continue;
    any = true;
    on_hit(px, near);
  }
  return any;
}

// The second pass: shade_hit for each vector of the run with a hit, written to the row with
// the background before and between. `columns`: screen x of every column. The stop token is
// looked at before each such vector: with thousands of lights one can take milliseconds.
template <class Shadowed>
HWY_INLINE void ShadeRun(D d, const Scene& scene, const SceneSpheres& s, const RunHits& run,
                         const double* columns, double py, const StopToken& stop, RowWriter& out,
                         const Shadowed& shadowed) {
  constexpr int kLanes = static_cast<int>(hn::MaxLanes(D()));
  const int n = static_cast<int>(hn::Lanes(d));
  const V background = PackRgb(d, scene.background);
  for (int v = 0; v < run.vectors; ++v) {
    const Nearest near = run.Hits(d, v);
    if (hn::AllFalse(d, near.hit)) continue;
    stop.throw_if_stopped();
    const int x = run.x + v * n;
    const V colour = ShadeLanes(d, scene, s, near, hn::LoadU(d, columns + x), py, shadowed);
    out.Write<kLanes>(x, std::min(n, out.end() - x), colour, near.hit, background);
  }
}

}  // namespace HWY_NAMESPACE
}  // namespace rtcli
HWY_AFTER_NAMESPACE();

#endif  // RTCLI_SHADING_SCENE_SHADING_INL_H_ toggle

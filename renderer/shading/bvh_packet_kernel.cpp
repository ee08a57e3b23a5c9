// The packet kernel's SIMD body, compiled per instruction set like sphere_kernel.cpp. A run of
// neighbouring pixels of one row is a packet. Exactness, given that the hierarchies answer as
// brute force does (bvh.h, tested in tests/shading/bvh_test.cpp):
//  1. A pixel's own walk of a tree tests the spheres of the leaves it reaches. The packet
//     reaches every leaf any of its pixels reaches: its box test holds when the pixel's does
//     (an interval of x or of projections holding the pixel's value; no pruning by the best t,
//     which only takes leaves away). Within a reached leaf, a lane tests its spheres when the
//     leaf's own box test holds for it, which its walk needs too. So the spheres tested for a
//     pixel are a superset of its own walk's and a subset of all spheres.
//  2. Nearest hit: the least (t, sphere index) over the superset lies between the least over
//     all spheres (brute force) and the least over the pixel's walk, which are equal; so it is
//     both. Each sphere's test is FoldSphere, the arithmetic of ray_sphere_t; ties go to the
//     lower index explicitly since the leaves come in no index order.
//  3. Shadows: "blocked" over the superset lies between the walk's answer and brute force's,
//     which are equal. A lane's light-face query is computed as LightFace::project computes it
//     (the same dot products, square root and divisions), so the packet's box holds the very
//     values the walk would use; a lane that does not project takes the scalar
//     SphereBvh::segment_blocked, which is the walk itself. "Blocked" is an "or", so the
//     order of the tests is free and the walk stops once every lane is blocked.
//  4. shade_hit's arithmetic is scene_shading-inl.h's (see scene_kernel.cpp for its argument).
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "shading/bvh_packet_kernel.cpp"
#include <hwy/foreach_target.h>  // must precede highway.h
#include <hwy/highway.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "shading/background_fill.h"
#include "shading/bvh.h"
#include "shading/bvh_packet_kernel.h"
#include "shading/kernel_context.h"
#include "shading/scene_kernel_setup.h"
#include "shading/sphere_kernel_setup.h"
#include "system/stop_token.h"

// Per target, after foreach_target.h like the kernel itself.
#include "shading/scene_shading-inl.h"

HWY_BEFORE_NAMESPACE();
namespace rtcli {
namespace HWY_NAMESPACE {

using Tree = SphereBvh::Tree;
using Node = SphereBvh::Node;

// Calls visit(leaf node index) for every leaf whose box `enters` accepts, walking the tree
// with an explicit stack, until visit returns false.
template <class Enters, class Visit>
HWY_INLINE void WalkLeaves(const Tree& tree, const Enters& enters, const Visit& visit) {
  if (tree.nodes.empty()) return;
  std::uint32_t stack[SphereBvh::kMaxDepth + 2];
  int size = 0;
  if (enters(tree.nodes[0])) stack[size++] = 0;
  while (size > 0) {
    const std::uint32_t n = stack[--size];
    const Node& node = tree.nodes[n];
    if (node.count > 0) {
      if (!visit(n)) return;
      continue;
    }
    if (enters(tree.nodes[node.index])) stack[size++] = node.index;
    if (enters(tree.nodes[n + 1])) stack[size++] = n + 1;
  }
}

// Screen rays along +z from (x, y, z) for x in [x_lo, x_hi]: AlongZ::enters with no best t yet,
// for some x of the interval.
struct ScreenPacket {
  double x_lo, x_hi, y, z;
  bool operator()(const Node& n) const {
    if (x_hi < n.lo[0] || x_lo > n.hi[0] || y < n.lo[1] || y > n.hi[1]) return false;
    const double entry = std::max(0.0, n.lo[2] - z);
    return entry <= n.hi[2] - z;
  }
};

// Shadow queries in a light face's projection: AlongZ{x, y, 0}::enters(node, depth + pad) for
// some (x, y) of the box and the largest depth + pad.
struct FacePacket {
  double x_lo, x_hi, y_lo, y_hi, t_max;
  bool operator()(const Node& n) const {
    if (x_hi < n.lo[0] || x_lo > n.hi[0] || y_hi < n.lo[1] || y_lo > n.hi[1]) return false;
    const double entry = std::max(0.0, n.lo[2] - 0.0);
    return entry <= std::min(t_max, n.hi[2] - 0.0);
  }
};

// LightFace::project for every lane: which lanes project into the face, and their (x, y, depth).
struct Projection {
  M ok;
  V x, y, depth;
};

HWY_INLINE Projection Project(D d, const SphereBvh::LightFace& face, const Point& offset) {
  const V ox = offset.x, oy = offset.y, oz = offset.z;
  const auto dot_with = [&](Vec3 v) {
    return Dot(ox, oy, oz, hn::Set(d, v.x), hn::Set(d, v.y), hn::Set(d, v.z));
  };
  const V depth = dot_with(face.axis);
  const V length = hn::Sqrt(Dot(ox, oy, oz, ox, oy, oz));
  const M ok =
      hn::And(hn::Gt(depth, hn::Zero(d)),
              hn::Ge(depth, hn::Mul(hn::Set(d, SphereBvh::LightFace::kMinCosine), length)));
  return {ok, hn::Div(dot_with(face.e1), depth), hn::Div(dot_with(face.e2), depth), depth};
}

// LightView::face_of for every lane, as a lane mask per face.
HWY_INLINE void FacesOf(D d, const Point& o, M faces[6]) {
  const V zero = hn::Zero(d);
  const V ax = hn::Abs(o.x), ay = hn::Abs(o.y), az = hn::Abs(o.z);
  const M x_axis = hn::And(hn::Ge(ax, ay), hn::Ge(ax, az));
  const M y_axis = hn::AndNot(x_axis, hn::Ge(ay, az));
  const M z_axis = hn::Not(hn::Or(x_axis, y_axis));
  faces[0] = hn::And(x_axis, hn::Ge(o.x, zero));
  faces[1] = hn::AndNot(hn::Ge(o.x, zero), x_axis);
  faces[2] = hn::And(y_axis, hn::Ge(o.y, zero));
  faces[3] = hn::AndNot(hn::Ge(o.y, zero), y_axis);
  faces[4] = hn::And(z_axis, hn::Ge(o.z, zero));
  faces[5] = hn::AndNot(hn::Ge(o.z, zero), z_axis);
}

class PacketShadows {
 public:
  explicit PacketShadows(const SphereBvh& bvh) : bvh_(bvh) {}

  // The lanes of `lit` whose segment to light `i` a sphere other than their own blocks.
  M operator()(D d, std::size_t i, M lit, VI self, const Point& p, const Point& to_light,
               V a) const {
    const DI di;
    const SphereBvh::LightView& view = bvh_.light_view(static_cast<int>(i));
    const Point offset{hn::Sub(p.x, hn::Set(d, view.light.x)),
                       hn::Sub(p.y, hn::Set(d, view.light.y)),
                       hn::Sub(p.z, hn::Set(d, view.light.z))};
    M faces[6];
    FacesOf(d, offset, faces);
    M blocked = hn::FirstN(d, 0);
    M walked = hn::FirstN(d, 0);  // lanes answered through a face
    for (int f = 0; f < 6; ++f) {
      const M in_face = hn::And(lit, faces[f]);
      if (hn::AllFalse(d, in_face)) continue;
      const SphereBvh::LightFace& face = view.faces[f];
      const Projection q = Project(d, face, offset);
      const M lanes = hn::And(in_face, q.ok);
      if (hn::AllFalse(d, lanes)) continue;
      walked = hn::Or(walked, lanes);
      // One walk of the face's tree for the box round the lanes' projections.
      const V inf = hn::Set(d, std::numeric_limits<double>::infinity());
      const V t_max = hn::Add(q.depth, hn::Set(d, view.pad));  // p->z + view.pad, per lane
      const FacePacket packet{
          hn::GetLane(hn::MinOfLanes(d, hn::IfThenElse(lanes, q.x, inf))),
          hn::GetLane(hn::MaxOfLanes(d, hn::IfThenElse(lanes, q.x, hn::Neg(inf)))),
          hn::GetLane(hn::MinOfLanes(d, hn::IfThenElse(lanes, q.y, inf))),
          hn::GetLane(hn::MaxOfLanes(d, hn::IfThenElse(lanes, q.y, hn::Neg(inf)))),
          hn::GetLane(hn::MaxOfLanes(d, hn::IfThenElse(lanes, t_max, hn::Neg(inf))))};

      // The ball's test for the lanes of `these` still open; false once none is.
      const auto test = [&](const Tree& tree, std::uint32_t k, M these) {
        const M open = hn::AndNot(blocked, these);
        if (hn::AllFalse(d, open)) return false;
        const std::int64_t id = tree.sphere_index[k];
        const M pending = hn::And(open, hn::RebindMask(d, hn::Ne(self, hn::Set(di, id))));
        if (hn::AllFalse(d, pending)) return true;
        const SphereBvh::Ball& ball = tree.balls[k];
        blocked = hn::Or(blocked, BlockedBy(d, ball.centre.x, ball.centre.y, ball.centre.z,
                                            ball.radius * ball.radius, pending, p, to_light, a));
        return true;
      };
      for (std::uint32_t k = 0; k < face.close.balls.size(); ++k)
        if (!test(face.close, k, lanes)) break;
      // Each leaf for the lanes whose own walk could reach it: AlongZ{x, y, 0}::enters(leaf,
      // depth + pad), lane by lane. The walk stops once every lane is blocked.
      WalkLeaves(face.tree, packet, [&](std::uint32_t leaf) {
        const Node& node = face.tree.nodes[leaf];
        const M inside = hn::And(
            hn::And(hn::Ge(q.x, hn::Set(d, node.lo[0])), hn::Le(q.x, hn::Set(d, node.hi[0]))),
            hn::And(hn::Ge(q.y, hn::Set(d, node.lo[1])), hn::Le(q.y, hn::Set(d, node.hi[1]))));
        const double entry = std::max(0.0, node.lo[2] - 0.0);
        const V hi = hn::Set(d, node.hi[2] - 0.0);
        const M reach = hn::Le(hn::Set(d, entry), hn::IfThenElse(hn::Lt(hi, t_max), hi, t_max));
        const M these = hn::And(lanes, hn::And(inside, reach));
        if (!hn::AllFalse(d, hn::AndNot(blocked, these)))
          for (std::uint32_t k = node.index; k < node.index + node.count; ++k)
            if (!test(face.tree, k, these)) break;
        return !hn::AllFalse(d, hn::AndNot(blocked, lanes));
      });
    }
    // Lanes that project into no face: the scalar query, which walks the 3D tree.
    const M rest = hn::AndNot(walked, lit);
    if (hn::AllFalse(d, rest)) return blocked;
    HWY_ALIGN double px[kMaxLanes], py[kMaxLanes], pz[kMaxLanes];
    HWY_ALIGN double lx[kMaxLanes], ly[kMaxLanes], lz[kMaxLanes];
    HWY_ALIGN std::int64_t own[kMaxLanes];
    HWY_ALIGN double answer[kMaxLanes];
    hn::Store(p.x, d, px);
    hn::Store(p.y, d, py);
    hn::Store(p.z, d, pz);
    hn::Store(to_light.x, d, lx);
    hn::Store(to_light.y, d, ly);
    hn::Store(to_light.z, d, lz);
    hn::Store(self, di, own);
    hn::Store(hn::VecFromMask(d, rest), d, answer);
    const std::size_t n = hn::Lanes(d);
    for (std::size_t l = 0; l < n; ++l) {
      if (answer[l] == 0.0) continue;
      answer[l] = bvh_.segment_blocked(static_cast<int>(own[l]), {px[l], py[l], pz[l]},
                                       {lx[l], ly[l], lz[l]}, static_cast<int>(i))
                      ? 1.0
                      : 0.0;
    }
    return hn::Or(blocked, hn::And(rest, hn::Eq(hn::Load(d, answer), hn::Set(d, 1.0))));
  }

 private:
  const SphereBvh& bvh_;
};

void RenderTile(const RenderScene& prepared, TileScratch& scratch, const StopToken& stop,
                const TileBounds& tile, Frame& frame) {
  const D d;
  const Scene& scene = prepared.scene;
  const SceneSpheres& spheres = *prepared.sphere_fields;
  const Tree& screen = prepared.bvh->screen_tree();
  const int n = static_cast<int>(hn::Lanes(d));
  const double* columns = scratch.columns.coordinate.data();
  const BackgroundFill fill_background(scene.background);
  RunHits run;
  std::vector<std::uint32_t>& leaves = scratch.leaves;
  const PacketShadows shadows(*prepared.bvh);

  for (int y = tile.y0; y < tile.y1; ++y) {
    const double py = scratch.rows.coordinate[static_cast<std::size_t>(y)];
    RowWriter out(fill_background, frame.pixel(0, y), tile.x0, tile.x1);
    for (run.x = tile.x0; run.x < tile.x1; run.x += kRunVectors * n) {
      stop.throw_if_stopped();
      run.vectors = std::min(kRunVectors, (tile.x1 - run.x + n - 1) / n);
      const int last = std::min(tile.x1, run.x + run.vectors * n) - 1;
      const double a = columns[run.x];
      const double b = columns[last];
      leaves.clear();
      WalkLeaves(screen, ScreenPacket{std::min(a, b), std::max(a, b), py, scene.window.z},
                 [&](std::uint32_t leaf) {
                   leaves.push_back(leaf);
                   return true;
                 });
      if (leaves.empty()) continue;
      const auto nearest = [&](int, int, V px, M valid) {
        Nearest near = NoHit(d);
        for (const std::uint32_t leaf : leaves) {
          // The lanes whose own walk could reach the leaf (AlongZ::enters across the screen).
          const Node& node = screen.nodes[leaf];
          const M inside = hn::And(valid, hn::And(hn::Ge(px, hn::Set(d, node.lo[0])),
                                                  hn::Le(px, hn::Set(d, node.hi[0]))));
          if (hn::AllFalse(d, inside)) continue;
          for (std::uint32_t k = node.index; k < node.index + node.count; ++k) {
            const SphereBvh::Ball& ball = screen.balls[k];
            // The per-row terms, as ray_sphere_t computes them.
            const double dy = py - ball.centre.y;
            const double dz = scene.window.z - ball.centre.z;
            FoldSphere<true>(d, px, ball.centre.x, dy * dy, dz * dz, ball.radius * ball.radius,
                             -1 * dz, screen.sphere_index[k], inside, near);
          }
        }
        return near;
      };
      if (!FindRunHits(d, run, columns, tile.x1, nearest, [](V, const Nearest&) {})) continue;
      ShadeRun(d, scene, spheres, run, columns, py, stop, out,
               [&](std::size_t i, M lit, VI self, const Point& p, const Point& to_light, V a2) {
                 return shadows(d, i, lit, self, p, to_light, a2);
               });
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

bool bvh_packet_kernel_accepts(const RenderScene& prepared) {
  return prepared.bvh && prepared.sphere_fields;
}

void render_tile_bvh_packets(const RenderScene& scene, const TileBounds& tile, Frame& frame,
                             KernelContext& context) {
  TileScratch& scratch = context.scratch;
  scratch.update_tables(frame.width(), frame.height(), scene.scene.window);
  HWY_DYNAMIC_DISPATCH(RenderTile)(scene, scratch, context.stop, tile, frame);
}

}  // namespace rtcli
#endif  // HWY_ONCE

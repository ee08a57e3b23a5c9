// The hierarchy's queries. Pruning is conservative (padded boxes, a subtree is skipped only when
// it starts strictly beyond the best t), so every sphere the brute-force loop would pick is
// still tested, with the same arithmetic and the same tie rule.
#include "shading/bvh.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "shading/sphere_intersection.h"

namespace rtcli {

namespace {
using Node = SphereBvh::Node;
using Tree = SphereBvh::Tree;
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Box tests for three kinds of ray. Each says whether the ray meets the box for some t in
// [0, t_max], and gives the first such t as `entry`.

// Screen rays, direction exactly (0, 0, 1): the box must hold the origin across the screen.
struct AlongZ {
  double x, y, z;
  bool enters(const Node& n, double t_max, double& entry) const {
    if (x < n.lo[0] || x > n.hi[0] || y < n.lo[1] || y > n.hi[1]) return false;
    entry = std::max(0.0, n.lo[2] - z);
    return entry <= std::min(t_max, n.hi[2] - z);
  }
};

// Any direction without a zero component: the slab test, without branches.
struct Slab {
  double origin[3];
  double inverse[3];
  bool enters(const Node& n, double t_max, double& entry) const {
    double t0 = 0.0;
    double t1 = t_max;
    for (int a = 0; a < 3; ++a) {
      const double near = (n.lo[a] - origin[a]) * inverse[a];
      const double far = (n.hi[a] - origin[a]) * inverse[a];
      t0 = std::max(t0, std::min(near, far));
      t1 = std::min(t1, std::max(near, far));
    }
    entry = t0;
    return t0 <= t1;
  }
};

// Some component exactly zero: on that axis the ray is inside the slab throughout, or never.
struct FlatSlab {
  Slab slab;
  bool flat[3];
  bool enters(const Node& n, double t_max, double& entry) const {
    double t0 = 0.0;
    double t1 = t_max;
    for (int a = 0; a < 3; ++a) {
      if (flat[a]) {
        if (slab.origin[a] < n.lo[a] || slab.origin[a] > n.hi[a]) return false;
        continue;
      }
      const double near = (n.lo[a] - slab.origin[a]) * slab.inverse[a];
      const double far = (n.hi[a] - slab.origin[a]) * slab.inverse[a];
      t0 = std::max(t0, std::min(near, far));
      t1 = std::min(t1, std::max(near, far));
    }
    entry = t0;
    return t0 <= t1;
  }
};

// Which box test a direction needs; nothing when 1 / component overflows (denormal
// components), and the caller then loops over every sphere.
enum class RayKind { kAlongZ, kSlab, kFlatSlab, kNone };

RayKind classify(Vec3 direction, FlatSlab& ray) {
  const double d[3] = {direction.x, direction.y, direction.z};
  bool any_flat = false;
  for (int a = 0; a < 3; ++a) {
    ray.flat[a] = d[a] == 0.0;
    ray.slab.inverse[a] = ray.flat[a] ? 0.0 : 1.0 / d[a];
    if (!std::isfinite(ray.slab.inverse[a])) return RayKind::kNone;
    any_flat = any_flat || ray.flat[a];
  }
  if (ray.flat[0] && ray.flat[1] && d[2] == 1.0) return RayKind::kAlongZ;
  return any_flat ? RayKind::kFlatSlab : RayKind::kSlab;
}

// A pending subtree and the ray's entry into its box, to skip it once a nearer hit is found.
struct Pending {
  std::uint32_t node;
  double entry;
};

template <class Ray>
std::optional<Hit> nearest_in(const Tree& tree, const Ray& ray, Vec3 origin, Vec3 direction) {
  double best_t = kInfinity;
  std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
  Pending stack[SphereBvh::kMaxDepth + 1];
  int size = 0;
  double entry = 0.0;
  if (ray.enters(tree.nodes[0], kInfinity, entry)) stack[size++] = {0, entry};
  while (size > 0) {
    const Pending pending = stack[--size];
    // An entry equal to the best t is still visited: a lower index there would win the tie.
    if (pending.entry > best_t) continue;
    std::uint32_t n = pending.node;
    while (true) {
      const Node& node = tree.nodes[n];
      if (node.count > 0) {
        for (std::uint32_t k = node.index; k < node.index + node.count; ++k) {
          const SphereBvh::Ball& ball = tree.balls[k];
          const auto t = ray_sphere_t(ball.centre, ball.radius, origin, direction);
          if (t && (*t < best_t || (*t == best_t && tree.sphere_index[k] < best))) {
            best_t = *t;
            best = tree.sphere_index[k];
          }
        }
        break;
      }
      // Into the nearer child now, the farther one later.
      double entry_first = 0.0;
      double entry_second = 0.0;
      const bool first = ray.enters(tree.nodes[n + 1], best_t, entry_first);
      const bool second = ray.enters(tree.nodes[node.index], best_t, entry_second);
      if (first && second) {
        if (entry_second < entry_first) {
          stack[size++] = {n + 1, entry_first};
          n = node.index;
        } else {
          stack[size++] = {node.index, entry_second};
          n = n + 1;
        }
      } else if (first) {
        n = n + 1;
      } else if (second) {
        n = node.index;
      } else {
        break;
      }
    }
  }
  if (best_t == kInfinity) return std::nullopt;
  return Hit{best_t, static_cast<int>(best)};
}

// Whether a sphere of `tree` but `self` blocks the segment, visiting the boxes `ray` enters
// before t_max.
template <class Ray>
bool blocked_in(const Tree& tree, const Ray& ray, double t_max, int self, Vec3 point,
                Vec3 to_light) {
  std::uint32_t stack[SphereBvh::kMaxDepth + 2];
  int size = 0;
  double entry = 0.0;
  if (ray.enters(tree.nodes[0], t_max, entry)) stack[size++] = 0;
  while (size > 0) {
    std::uint32_t n = stack[--size];
    while (true) {
      const Node& node = tree.nodes[n];
      if (node.count > 0) {
        for (std::uint32_t k = node.index; k < node.index + node.count; ++k) {
          if (static_cast<int>(tree.sphere_index[k]) == self) continue;
          const SphereBvh::Ball& ball = tree.balls[k];
          if (sphere_blocks_segment(ball.centre, ball.radius, point, to_light)) return true;
        }
        break;
      }
      const bool first = ray.enters(tree.nodes[n + 1], t_max, entry);
      const bool second = ray.enters(tree.nodes[node.index], t_max, entry);
      if (first && second) stack[size++] = node.index;
      if (first) {
        n = n + 1;
      } else if (second) {
        n = node.index;
      } else {
        break;
      }
    }
  }
  return false;
}

std::optional<Hit> nearest_every_sphere(const Tree& tree, Vec3 origin, Vec3 direction) {
  std::optional<Hit> best;
  for (std::size_t k = 0; k < tree.balls.size(); ++k) {
    const auto t = ray_sphere_t(tree.balls[k].centre, tree.balls[k].radius, origin, direction);
    const int index = static_cast<int>(tree.sphere_index[k]);
    if (t && (!best || *t < best->t || (*t == best->t && index < best->sphere)))
      best = Hit{*t, index};
  }
  return best;
}

bool blocked_by_every_sphere(const Tree& tree, int self, Vec3 point, Vec3 to_light) {
  for (std::size_t k = 0; k < tree.balls.size(); ++k) {
    if (static_cast<int>(tree.sphere_index[k]) == self) continue;
    if (sphere_blocks_segment(tree.balls[k].centre, tree.balls[k].radius, point, to_light))
      return true;
  }
  return false;
}
}  // namespace

std::optional<Hit> SphereBvh::nearest_hit(Vec3 origin, Vec3 direction) const {
  FlatSlab ray{{{origin.x, origin.y, origin.z}, {}}, {}};
  switch (classify(direction, ray)) {
    case RayKind::kAlongZ:
      return nearest_in(screen_, AlongZ{origin.x, origin.y, origin.z}, origin, direction);
    case RayKind::kSlab:
      return nearest_in(space_, ray.slab, origin, direction);
    case RayKind::kFlatSlab:
      return nearest_in(space_, ray, origin, direction);
    case RayKind::kNone:
      break;
  }
  return nearest_every_sphere(space_, origin, direction);
}

bool SphereBvh::segment_blocked(int self, Vec3 point, Vec3 to_light, int light) const {
  if (light >= 0 && static_cast<std::size_t>(light) < light_views_.size()) {
    // Seen from the light, a blocker's box holds the point's projection and starts nearer
    // than the point: a screen-ray query in the projection of the point's cube face.
    const LightView& view = light_views_[static_cast<std::size_t>(light)];
    const Vec3 offset = point - view.light;
    const LightFace& face = view.faces[LightView::face_of(offset)];
    if (const std::optional<Vec3> p = face.project(offset)) {
      for (std::size_t k = 0; k < face.close.balls.size(); ++k) {
        const Ball& ball = face.close.balls[k];
        if (static_cast<int>(face.close.sphere_index[k]) != self &&
            sphere_blocks_segment(ball.centre, ball.radius, point, to_light))
          return true;
      }
      return !face.tree.nodes.empty() &&
             blocked_in(face.tree, AlongZ{p->x, p->y, 0.0}, p->z + view.pad, self, point, to_light);
    }
  }
  // In 3D the segment is t in [0, 1]; blocking needs a root in (1e-9, 1), inside it.
  FlatSlab ray{{{point.x, point.y, point.z}, {}}, {}};
  switch (classify(to_light, ray)) {
    case RayKind::kAlongZ:
    case RayKind::kFlatSlab:
      return blocked_in(space_, ray, 1.0, self, point, to_light);
    case RayKind::kSlab:
      return blocked_in(space_, ray.slab, 1.0, self, point, to_light);
    case RayKind::kNone:
      break;
  }
  return blocked_by_every_sphere(space_, self, point, to_light);
}

}  // namespace rtcli

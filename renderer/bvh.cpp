// The hierarchy's queries. Pruning is conservative (padded boxes, entry compared with <=), so
// every sphere the brute-force loop would pick is still tested, with the same arithmetic.
#include "bvh.h"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string_view>
#include <utility>

#include "sphere_intersection.h"

namespace rtcli {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr std::size_t kNeverBuild = std::numeric_limits<std::size_t>::max();

// A ray prepared for slab tests against the nodes' boxes.
struct SlabRay {
  double origin[3];
  double inverse[3];   // 1 / direction; unused on a flat axis
  bool flat[3];        // direction exactly 0: inside the slab or never
  bool usable = true;  // false when 1 / direction overflows: the caller falls back to brute force

  SlabRay(Vec3 o, Vec3 direction)
      : origin{o.x, o.y, o.z}, flat{direction.x == 0, direction.y == 0, direction.z == 0} {
    const double d[3] = {direction.x, direction.y, direction.z};
    for (int a = 0; a < 3; ++a) {
      inverse[a] = flat[a] ? 0.0 : 1.0 / d[a];
      usable = usable && std::isfinite(inverse[a]);
    }
  }

  // Whether the ray meets the box for some t in [0, t_max]; `entry` is the first such t.
  bool enters(const SphereBvh::Node& node, double t_max, double& entry) const {
    double t0 = 0.0;
    double t1 = t_max;
    for (int a = 0; a < 3; ++a) {
      const double lo = node.lo[a];
      const double hi = node.hi[a];
      if (flat[a]) {
        if (origin[a] < lo || origin[a] > hi) return false;
        continue;
      }
      double near = (lo - origin[a]) * inverse[a];
      double far = (hi - origin[a]) * inverse[a];
      if (near > far) std::swap(near, far);
      t0 = near > t0 ? near : t0;
      t1 = far < t1 ? far : t1;
    }
    entry = t0;
    return t0 <= t1;
  }
};

// A pending subtree and the ray's entry into its box, to prune it when a nearer hit appears.
struct Pending {
  std::uint32_t node;
  double entry;
};
}  // namespace

std::optional<Hit> SphereBvh::nearest_hit(Vec3 origin, Vec3 direction) const {
  const SlabRay ray(origin, direction);
  if (!ray.usable) return nearest_hit_brute_force(origin, direction);
  double best_t = kInfinity;
  std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
  Pending stack[kMaxDepth + 1];
  int size = 0;
  double entry = 0.0;
  if (ray.enters(nodes_[0], kInfinity, entry)) stack[size++] = {0, entry};
  while (size > 0) {
    const Pending pending = stack[--size];
    // An entry equal to the best t is still visited: a lower index there wins the tie.
    if (pending.entry > best_t) continue;
    std::uint32_t n = pending.node;
    while (true) {
      const Node& node = nodes_[n];
      if (node.count > 0) {
        for (std::uint32_t k = node.index; k < node.index + node.count; ++k) {
          const auto t = ray_sphere_t(balls_[k].centre, balls_[k].radius, origin, direction);
          if (t && (*t < best_t || (*t == best_t && sphere_index_[k] < best))) {
            best_t = *t;
            best = sphere_index_[k];
          }
        }
        break;
      }
      // Into the nearer child now, the farther one later.
      double entry_first = 0.0;
      double entry_second = 0.0;
      const bool first = ray.enters(nodes_[n + 1], best_t, entry_first);
      const bool second = ray.enters(nodes_[node.index], best_t, entry_second);
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

bool SphereBvh::segment_blocked(int self, Vec3 point, Vec3 to_light) const {
  const SlabRay ray(point, to_light);
  if (!ray.usable) return segment_blocked_brute_force(self, point, to_light);
  std::uint32_t stack[kMaxDepth + 2];
  int size = 0;
  double entry = 0.0;
  // The segment is t in [0, 1]; blocking needs t in (1e-9, 1), inside it.
  if (ray.enters(nodes_[0], 1.0, entry)) stack[size++] = 0;
  while (size > 0) {
    const Node& node = nodes_[stack[--size]];
    if (node.count > 0) {
      for (std::uint32_t k = node.index; k < node.index + node.count; ++k) {
        if (static_cast<int>(sphere_index_[k]) == self) continue;
        if (sphere_blocks_segment(balls_[k].centre, balls_[k].radius, point, to_light)) return true;
      }
      continue;
    }
    const std::uint32_t n = static_cast<std::uint32_t>(&node - nodes_.data());
    if (ray.enters(nodes_[node.index], 1.0, entry)) stack[size++] = node.index;
    if (ray.enters(nodes_[n + 1], 1.0, entry)) stack[size++] = n + 1;
  }
  return false;
}

std::optional<Hit> SphereBvh::nearest_hit_brute_force(Vec3 origin, Vec3 direction) const {
  std::optional<Hit> best;
  for (std::size_t k = 0; k < balls_.size(); ++k) {
    const auto t = ray_sphere_t(balls_[k].centre, balls_[k].radius, origin, direction);
    const int index = static_cast<int>(sphere_index_[k]);
    if (t && (!best || *t < best->t || (*t == best->t && index < best->sphere)))
      best = Hit{*t, index};
  }
  return best;
}

bool SphereBvh::segment_blocked_brute_force(int self, Vec3 point, Vec3 to_light) const {
  for (std::size_t k = 0; k < balls_.size(); ++k) {
    if (static_cast<int>(sphere_index_[k]) == self) continue;
    if (sphere_blocks_segment(balls_[k].centre, balls_[k].radius, point, to_light)) return true;
  }
  return false;
}

Scene prepare_scene(Scene scene, std::size_t min_spheres) {
  scene.bvh = scene.spheres.size() >= min_spheres ? SphereBvh::build(scene) : nullptr;
  return scene;
}

Scene prepare_scene(Scene scene) {
  // A diagnostic switch for measuring what the hierarchy saves; any other value means auto.
  const char* mode = std::getenv("RTCLI_BVH");
  const std::string_view value = mode ? mode : "";
  if (value == "off") return prepare_scene(std::move(scene), kNeverBuild);
  if (value == "on") return prepare_scene(std::move(scene), 1);
  return prepare_scene(std::move(scene), kBvhMinSpheres);
}

}  // namespace rtcli

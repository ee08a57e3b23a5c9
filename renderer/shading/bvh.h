// SphereBvh: bounding volume hierarchies over a scene's spheres. Its two queries return exactly
// what the brute-force loops in shade.cpp return (the same per-sphere arithmetic from
// sphere_intersection.h, the same tie rule), in about logarithmic instead of linear time.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "scene/scene.h"
#include "shading/shade.h"

namespace rtcli {

// From this many spheres on, prepare_scene() (render_scene.h) builds hierarchies for a scene the
// scene kernel does not take (more spheres than it holds, or numbers past its range): measured,
// up to 16 spheres scalar brute force is about as fast, from 20 on the hierarchy wins (README,
// "Performance: many spheres").
inline constexpr std::size_t kBvhMinSpheres = 20;

class SphereBvh {
 public:
  // A node of a flattened tree, in depth-first order: an interior node's first child is the
  // next node. Bounds are padded (see bvh_build.cpp) and rounded outwards to float.
  struct Node {
    float lo[3];
    float hi[3];
    std::uint32_t index;  // leaf: first slot in the leaf order; interior: the second child
    std::uint32_t count;  // leaf: number of spheres; interior: 0
    friend bool operator==(const Node&, const Node&) = default;
  };
  struct Ball {
    Vec3 centre;
    double radius;
  };
  struct Tree {
    std::vector<Node> nodes;
    std::vector<Ball> balls;                  // the spheres in leaf order, for locality
    std::vector<std::uint32_t> sphere_index;  // balls[k] is scene sphere sphere_index[k]
    int depth = 0;                            // levels below the root
  };

  // Builds the trees over scene.spheres, in parallel with TBB; they are the same whatever the
  // thread count. Nothing for an empty scene, or when the scene's coordinates are beyond 1e30
  // or its extent under 1e-30: the padding that absorbs rounding is sized for ordinary
  // scales, and the brute-force loops serve the rest.
  static std::shared_ptr<const SphereBvh> build(const Scene& scene);

  // The same as brute-force nearest_hit over the spheres: the least t >= 0 from the seed's
  // ray/sphere test, ties to the lower sphere index. `direction` is a unit vector.
  std::optional<Hit> nearest_hit(Vec3 origin, Vec3 direction) const;

  // The same as the brute-force shadow test: whether any sphere but `self` crosses the open
  // segment from `point` to `point + to_light`. With `light`, the index of the scene light at
  // the segment's end, the query can use that light's own tree.
  bool segment_blocked(int self, Vec3 point, Vec3 to_light, int light = -1) const;

  // For screen rays (along +z): split only across the screen, costed by area on the screen.
  const Tree& screen_tree() const { return screen_; }
  // For rays in any direction: split in 3D, costed by surface area.
  const Tree& space_tree() const { return space_; }

  // For shadow rays to one light: the directions from the light split into the pyramids of
  // the six faces of a cube around it. A face holds, in a central projection along its axis
  // (x = offset.e1 / depth, y = offset.e2 / depth, z = depth = offset.axis, for offset =
  // point - light), every sphere that reaches into its pyramid, so a shadow ray is a point query
  // like a screen ray, pruned by depth. Spheres that reach into the pyramid but lie too close to
  // the light's plane to project are kept aside and tested on every query of the face.
  struct LightFace {
    Vec3 axis, e1, e2;  // axis is +-x, +-y or +-z; e1 and e2 the other two unit axes
    Tree tree;          // no nodes when no sphere projects into the face
    Tree close;         // balls and sphere_index only, tested one by one

    // (x, y, depth) of an offset from the light; nothing when it is not well in front.
    std::optional<Vec3> project(Vec3 offset) const {
      const double depth = dot(offset, axis);
      if (!(depth > 0.0 && depth >= kMinCosine * std::sqrt(dot(offset, offset))))
        return std::nullopt;
      return Vec3{dot(offset, e1) / depth, dot(offset, e2) / depth, depth};
    }
    static constexpr double kMinCosine = 1e-3;
  };
  struct LightView {
    Vec3 light;
    double pad = 0.0;    // scene units, as for the boxes of the other trees
    LightFace faces[6];  // +x, -x, +y, -y, +z, -z

    // The face whose pyramid holds the offset: its largest component, the first on a tie.
    static int face_of(Vec3 offset) {
      const double ax = std::abs(offset.x), ay = std::abs(offset.y), az = std::abs(offset.z);
      if (ax >= ay && ax >= az) return offset.x >= 0 ? 0 : 1;
      if (ay >= az) return offset.y >= 0 ? 2 : 3;
      return offset.z >= 0 ? 4 : 5;
    }
  };
  const LightView& light_view(int light) const {
    return light_views_[static_cast<std::size_t>(light)];
  }

  // The deepest tree a query's fixed-size stack holds; the builder stays well inside it.
  static constexpr int kMaxDepth = 96;

 private:
  SphereBvh() = default;

  Tree screen_;
  Tree space_;
  std::vector<LightView> light_views_;  // one per scene light
};

}  // namespace rtcli

// Building the trees: binned area heuristic, the two halves of every large node built in
// parallel, then flattened depth-first. Each decision depends only on the spheres in the node,
// so a tree is the same whatever the thread count or the order tasks ran in.
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_invoke.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "shading/bvh.h"
#include "system/fork_join_fence.h"

namespace rtcli {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr int kBins = 16;
constexpr std::size_t kMaxLeafSpheres = 8;
constexpr double kNodeCost = 3.0;  // a box test, in units of one sphere test
// Deeper than this the builder splits at the median, so depth stays under 48 + 32.
constexpr int kSahDepthLimit = 48;
// Subtrees with fewer spheres are built by the thread that reached them.
constexpr std::size_t kParallelSpheres = 512;
// Boxes grow by kRelativePadding times the scene's diagonal: the sphere tests' rounding moves a
// hit or its t by at most about 1e-7 of the largest distance they subtract (README), so no
// sphere the brute-force loop would report is ever pruned. Plus kCoordinateUlps of the largest
// coordinate for the rounding of centre - radius - padding itself.
constexpr double kRelativePadding = 1e-6;
constexpr double kCoordinateUlps = 1e-14;
// Beyond these the padding argument needs care the brute-force loops do not: no hierarchy.
constexpr double kLargestCoordinate = 1e30;
constexpr double kSmallestDiagonal = 1e-30;

struct Box {
  std::array<double, 3> lo{kInfinity, kInfinity, kInfinity};
  std::array<double, 3> hi{-kInfinity, -kInfinity, -kInfinity};

  void grow(const Box& b) {
    for (int a = 0; a < 3; ++a) {
      lo[a] = std::min(lo[a], b.lo[a]);
      hi[a] = std::max(hi[a], b.hi[a]);
    }
  }
  void grow_point(const std::array<double, 3>& p) {
    for (int a = 0; a < 3; ++a) {
      lo[a] = std::min(lo[a], p[a]);
      hi[a] = std::max(hi[a], p[a]);
    }
  }
  bool empty() const { return lo[0] > hi[0]; }
};

// What a box costs, in proportion to the chance a ray meets it: for rays in every direction
// its surface area; for screen rays (along +z) its area across the screen.
enum class Metric { kSurface, kScreen };

double cost_area(const Box& b, Metric metric) {
  if (b.empty()) return 0.0;
  const double x = b.hi[0] - b.lo[0], y = b.hi[1] - b.lo[1], z = b.hi[2] - b.lo[2];
  return metric == Metric::kScreen ? x * y : x * y + y * z + z * x;
}

// One sphere as the builder sees it.
struct Ref {
  Box box;  // padded
  std::array<double, 3> centroid;
  std::uint32_t sphere;
};

struct BuildNode {
  Box box;
  std::size_t first = 0;  // leaf: first ref
  std::size_t count = 0;  // leaf: refs; interior: 0
  std::unique_ptr<BuildNode> left;
  std::unique_ptr<BuildNode> right;
};

// Projected coordinates are ratios up to 1 / kMinCosine = 1000; their rounding is far below
// this slack, which widens each sphere's rectangle in the light's projection.
double projection_slack(double x) {
  return 1e-9 * (1.0 + std::abs(x));
}

Box sphere_bounds(const Scene& scene) {
  Box all;
  for (const Sphere& s : scene.spheres) {
    all.grow_point({s.centre.x - s.radius, s.centre.y - s.radius, s.centre.z - s.radius});
    all.grow_point({s.centre.x + s.radius, s.centre.y + s.radius, s.centre.z + s.radius});
  }
  return all;
}

// The padding for a scene, or nothing when the scene is outside the scales it is sized for.
std::optional<double> padding_for(const Scene& scene) {
  Box all = sphere_bounds(scene);
  // Shadow rays end at lights; primary rays start on the screen window.
  for (const Light& l : scene.lights) all.grow_point({l.position.x, l.position.y, l.position.z});
  const ScreenWindow& w = scene.window;
  all.grow_point({w.x, w.y, w.z});
  all.grow_point({w.x + w.width, w.y + w.height, w.z});
  double largest = 0.0;
  for (int a = 0; a < 3; ++a)
    largest = std::max({largest, std::abs(all.lo[a]), std::abs(all.hi[a])});
  const double diagonal =
      std::hypot(all.hi[0] - all.lo[0], all.hi[1] - all.lo[1], all.hi[2] - all.lo[2]);
  if (!(largest <= kLargestCoordinate) || !(diagonal >= kSmallestDiagonal)) return std::nullopt;
  return kRelativePadding * diagonal + kCoordinateUlps * largest;
}

class Builder {
 public:
  Builder(std::vector<Ref>& refs, Metric metric) : refs_(refs), metric_(metric) {}

  std::unique_ptr<BuildNode> build(std::size_t begin, std::size_t end, int depth) {
    auto node = std::make_unique<BuildNode>();
    for (std::size_t i = begin; i < end; ++i) node->box.grow(refs_[i].box);
    const std::optional<std::size_t> mid = split(begin, end, depth, node->box);
    if (!mid) {
      node->first = begin;
      node->count = end - begin;
      return node;
    }
    if (end - begin >= kParallelSpheres) {
      ForkJoinFence fence;  // for ThreadSanitizer, see system/fork_join_fence.h
      fence.fork();
      tbb::parallel_invoke(
          [&] {
            const ForkJoinFence::Task in_task(fence);
            node->left = build(begin, *mid, depth + 1);
          },
          [&] {
            const ForkJoinFence::Task in_task(fence);
            node->right = build(*mid, end, depth + 1);
          });
      fence.join();
    } else {
      node->left = build(begin, *mid, depth + 1);
      node->right = build(*mid, end, depth + 1);
    }
    return node;
  }

 private:
  // Reorders refs[begin, end) into two halves and returns where the second starts, or nothing
  // when a leaf is cheaper.
  std::optional<std::size_t> split(std::size_t begin, std::size_t end, int depth, const Box& box) {
    const std::size_t n = end - begin;
    if (n == 1) return std::nullopt;
    Box centroids;
    for (std::size_t i = begin; i < end; ++i) centroids.grow_point(refs_[i].centroid);
    int widest = 0;
    for (int a = 1; a < 3; ++a)
      if (centroids.hi[a] - centroids.lo[a] > centroids.hi[widest] - centroids.lo[widest])
        widest = a;
    if (!(centroids.hi[widest] > centroids.lo[widest])) {
      // Every centre coincides: nothing to sort by, so halve in the current order.
      if (n <= kMaxLeafSpheres) return std::nullopt;
      return begin + n / 2;
    }
    if (depth >= kSahDepthLimit) return median_split(begin, end, widest);

    struct Choice {
      double cost = kInfinity;
      int axis = -1;
      int bin = 0;  // refs in bins below this go first
    } best;
    // Splitting along z leaves the screen areas as they were: screen trees never do.
    const int axes = metric_ == Metric::kScreen ? 2 : 3;
    for (int a = 0; a < axes; ++a) {
      const double extent = centroids.hi[a] - centroids.lo[a];
      if (!(extent > 0)) continue;
      std::array<Box, kBins> boxes;
      std::array<std::size_t, kBins> counts{};
      for (std::size_t i = begin; i < end; ++i) {
        const int b = bin_of(refs_[i].centroid[a], centroids.lo[a], kBins / extent);
        boxes[b].grow(refs_[i].box);
        ++counts[b];
      }
      // Area times count of everything right of each boundary, then sweep from the left.
      std::array<double, kBins> right_cost{};
      Box right;
      std::size_t right_count = 0;
      for (int b = kBins - 1; b > 0; --b) {
        right.grow(boxes[b]);
        right_count += counts[b];
        right_cost[b] = cost_area(right, metric_) * static_cast<double>(right_count);
      }
      Box left;
      std::size_t left_count = 0;
      for (int b = 1; b < kBins; ++b) {
        left.grow(boxes[b - 1]);
        left_count += counts[b - 1];
        if (left_count == 0 || left_count == n) continue;
        const double cost =
            cost_area(left, metric_) * static_cast<double>(left_count) + right_cost[b];
        if (cost < best.cost) best = {cost, a, b};
      }
    }
    const double split_cost = kNodeCost + best.cost / cost_area(box, metric_);
    if (n <= kMaxLeafSpheres && static_cast<double>(n) <= split_cost) return std::nullopt;
    if (best.axis < 0) return median_split(begin, end, widest);
    const int axis = best.axis;
    const double lo = centroids.lo[axis];
    const double extent = centroids.hi[axis] - lo;
    const auto first_right = std::partition(
        refs_.begin() + static_cast<std::ptrdiff_t>(begin),
        refs_.begin() + static_cast<std::ptrdiff_t>(end),
        [&](const Ref& r) { return bin_of(r.centroid[axis], lo, kBins / extent) < best.bin; });
    return static_cast<std::size_t>(first_right - refs_.begin());
  }

  // `scale` is kBins / extent; the counting and the partition compute it alike.
  static int bin_of(double centroid, double lo, double scale) {
    const int b = static_cast<int>((centroid - lo) * scale);
    return std::clamp(b, 0, kBins - 1);
  }

  // Halves by centroid along `axis`, ties by sphere index so the result is fully determined.
  std::size_t median_split(std::size_t begin, std::size_t end, int axis) {
    const std::size_t mid = begin + (end - begin) / 2;
    std::nth_element(refs_.begin() + static_cast<std::ptrdiff_t>(begin),
                     refs_.begin() + static_cast<std::ptrdiff_t>(mid),
                     refs_.begin() + static_cast<std::ptrdiff_t>(end),
                     [axis](const Ref& a, const Ref& b) {
                       if (a.centroid[axis] != b.centroid[axis])
                         return a.centroid[axis] < b.centroid[axis];
                       return a.sphere < b.sphere;
                     });
    return mid;
  }

  std::vector<Ref>& refs_;
  Metric metric_;
};

// Float bounds that still contain the double ones.
float round_down(double x) {
  const float f = static_cast<float>(x);
  return static_cast<double>(f) > x ? std::nextafter(f, -std::numeric_limits<float>::infinity())
                                    : f;
}
float round_up(double x) {
  const float f = static_cast<float>(x);
  return static_cast<double>(f) < x ? std::nextafter(f, std::numeric_limits<float>::infinity()) : f;
}

// Appends `b` and its subtree in depth-first order; returns the subtree's depth.
int flatten(const BuildNode& b, std::vector<SphereBvh::Node>& nodes) {
  const std::size_t at = nodes.size();
  SphereBvh::Node node{};
  for (int a = 0; a < 3; ++a) {
    node.lo[a] = round_down(b.box.lo[a]);
    node.hi[a] = round_up(b.box.hi[a]);
  }
  node.index = static_cast<std::uint32_t>(b.first);
  node.count = static_cast<std::uint32_t>(b.count);
  nodes.push_back(node);
  if (b.count > 0) return 0;
  const int left = flatten(*b.left, nodes);
  nodes[at].index = static_cast<std::uint32_t>(nodes.size());
  const int right = flatten(*b.right, nodes);
  return 1 + std::max(left, right);
}
SphereBvh::Tree build_tree(const Scene& scene, std::vector<Ref> refs, Metric metric) {
  Builder builder(refs, metric);
  const std::unique_ptr<BuildNode> root = builder.build(0, refs.size(), 0);
  SphereBvh::Tree tree;
  tree.nodes.reserve(2 * refs.size());
  tree.depth = flatten(*root, tree.nodes);
  tree.balls.reserve(refs.size());
  tree.sphere_index.reserve(refs.size());
  for (const Ref& r : refs) {
    const Sphere& s = scene.spheres[r.sphere];
    tree.balls.push_back({s.centre, s.radius});
    tree.sphere_index.push_back(r.sphere);
  }
  return tree;
}

// The smallest |x| over [lo, hi].
double nearest_to_zero(double lo, double hi) {
  return lo <= 0.0 && hi >= 0.0 ? 0.0 : std::min(std::abs(lo), std::abs(hi));
}

// The spheres as seen from a light (bvh.h, LightView). A sphere goes to every face whose
// pyramid its padded box reaches into (widened by a relative 1e-6: the face a query picks may
// be off by rounding); there it projects when all the box's corners are well in front of the
// light, and is kept aside otherwise. The box's projection, seen from a point in front of all
// of it, is the hull of its projected corners: so the corners' rectangle, widened by the slack,
// holds the projection of every segment point the sphere could block.
SphereBvh::LightView build_light_view(const Scene& scene, Vec3 light, double pad) {
  SphereBvh::LightView view;
  view.light = light;
  view.pad = pad;
  const Vec3 units[3] = {{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}, {0.0, 0.0, 1.0}};
  // The faces are built on whichever threads take them, reading this thread's `units` and
  // writing into `view`, which this thread then returns: see system/fork_join_fence.h.
  ForkJoinFence fence;
  fence.fork();
  tbb::parallel_for(0, 6, [&](int f) {
    const ForkJoinFence::Task in_task(fence);
    SphereBvh::LightFace& face = view.faces[f];
    const int axis = f / 2;
    const double sign = f % 2 == 0 ? 1.0 : -1.0;
    const int across[2] = {(axis + 1) % 3, (axis + 2) % 3};
    face.axis = units[axis] * sign;
    face.e1 = units[across[0]];
    face.e2 = units[across[1]];

    std::vector<Ref> refs;
    for (std::size_t i = 0; i < scene.spheres.size(); ++i) {
      const Sphere& s = scene.spheres[i];
      const double reach = s.radius + pad;
      const Vec3 centre = s.centre - light;
      const double lo[3] = {centre.x - reach, centre.y - reach, centre.z - reach};
      const double hi[3] = {centre.x + reach, centre.y + reach, centre.z + reach};
      const double farthest = sign > 0 ? hi[axis] : -lo[axis];
      const double beside = std::max(nearest_to_zero(lo[across[0]], hi[across[0]]),
                                     nearest_to_zero(lo[across[1]], hi[across[1]]));
      if (farthest + 1e-6 * (std::abs(farthest) + beside) + pad < beside) continue;

      Box box;
      bool projects = true;
      for (int corner = 0; corner < 8 && projects; ++corner) {
        const Vec3 offset{(corner & 1) ? hi[0] : lo[0], (corner & 2) ? hi[1] : lo[1],
                          (corner & 4) ? hi[2] : lo[2]};
        const std::optional<Vec3> seen = face.project(offset);
        projects = seen && seen->z > 2 * pad;
        if (projects) box.grow_point({seen->x, seen->y, seen->z});
      }
      if (!projects) {
        face.close.balls.push_back({s.centre, s.radius});
        face.close.sphere_index.push_back(static_cast<std::uint32_t>(i));
        continue;
      }
      for (int a = 0; a < 2; ++a) {
        box.lo[a] -= projection_slack(box.lo[a]);
        box.hi[a] += projection_slack(box.hi[a]);
      }
      box.lo[2] -= pad;
      box.hi[2] += pad;
      Ref ref;
      ref.box = box;
      for (int a = 0; a < 3; ++a) ref.centroid[a] = (box.lo[a] + box.hi[a]) / 2;
      ref.sphere = static_cast<std::uint32_t>(i);
      refs.push_back(ref);
    }
    if (!refs.empty()) face.tree = build_tree(scene, std::move(refs), Metric::kScreen);
  });
  fence.join();
  return view;
}

}  // namespace

std::shared_ptr<const SphereBvh> SphereBvh::build(const Scene& scene) {
  if (scene.spheres.empty() || scene.spheres.size() > std::numeric_limits<std::uint32_t>::max())
    return nullptr;
  const std::optional<double> pad = padding_for(scene);
  if (!pad) return nullptr;

  std::vector<Ref> refs(scene.spheres.size());
  for (std::size_t i = 0; i < refs.size(); ++i) {
    const Sphere& s = scene.spheres[i];
    const double reach = s.radius + *pad;
    refs[i].box.lo = {s.centre.x - reach, s.centre.y - reach, s.centre.z - reach};
    refs[i].box.hi = {s.centre.x + reach, s.centre.y + reach, s.centre.z + reach};
    refs[i].centroid = {s.centre.x, s.centre.y, s.centre.z};
    refs[i].sphere = static_cast<std::uint32_t>(i);
  }
  std::shared_ptr<SphereBvh> bvh(new SphereBvh());
  bvh->light_views_.resize(scene.lights.size());
  // oneTBB orders the tasks after the set-up above and before the return below, but inside an
  // uninstrumented libtbb: the fence restates that order for ThreadSanitizer. Each nested
  // parallel call (the light views' faces, the trees' halves) has a fence of its own.
  ForkJoinFence fence;
  fence.fork();
  tbb::parallel_invoke(
      [&] {
        const ForkJoinFence::Task in_task(fence);
        bvh->screen_ = build_tree(scene, refs, Metric::kScreen);
      },
      [&] {
        const ForkJoinFence::Task in_task(fence);
        bvh->space_ = build_tree(scene, refs, Metric::kSurface);
      },
      [&] {
        tbb::parallel_for(std::size_t{0}, scene.lights.size(), [&](std::size_t i) {
          const ForkJoinFence::Task in_task(fence);
          bvh->light_views_[i] = build_light_view(scene, scene.lights[i].position, *pad);
        });
      });
  fence.join();
  return bvh;
}

}  // namespace rtcli

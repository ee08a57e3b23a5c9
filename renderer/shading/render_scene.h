// RenderScene: what the kernels render. The scene as loaded (scene/, plain data) plus the
// acceleration structures built for it here, so the scene layer knows nothing of kernels.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "scene/scene.h"

namespace rtcli {

class SphereBvh;
struct SceneSpheres;

// Which sphere queries the kernels use: `kAuto` builds hierarchies when they pay (bvh.h,
// kBvhMinSpheres), `kBvh` whenever the scene has a sphere, `kNone` never (brute force).
enum class Accel { kAuto, kBvh, kNone };

// "auto", "bvh" or "none", as the --accel flag spells them.
std::string accel_name(Accel accel);

struct RenderScene {
  Scene scene;
  std::shared_ptr<const SphereBvh> bvh;  // null: brute force over scene.spheres
  // The spheres laid out by field for the packet kernel, made once with the hierarchies when
  // that kernel takes the scene (bvh_packet_kernel.h); null otherwise.
  std::shared_ptr<const SceneSpheres> sphere_fields = nullptr;
};

// The scene with hierarchies when `accel` asks for them and SphereBvh::build accepts the scene,
// and what the kernels need of it prepared once. Call after the last change to the scene;
// builds in the calling thread's TBB arena.
RenderScene prepare_scene(Scene scene, Accel accel = Accel::kAuto);

// As above, with hierarchies from `min_spheres` spheres on: for tests and measurements.
RenderScene prepare_scene(Scene scene, std::size_t min_spheres);

}  // namespace rtcli

#include "version.h"

#include <string>

#include "bench/build_facts.h"
#include "scene/scene.h"
#include "shading/render_scene.h"
#include "shading/scene_kernel.h"
#include "shading/sphere_kernel.h"
#include "shading/tile_renderer.h"

namespace rtcli::cli {

std::string version_text() {
  const BuildFacts build = build_facts();
  std::string text = "rtcli " + build.version + "\n";
  text += "git revision: " + build.git_revision.value_or("unknown") + "\n";
  text += "compiler: " + build.compiler + " (" + build.compiler_flags + ")\n";
  text += "build type: " + build.build_type + "\n";
  // Chosen at run time: the same binary reports AVX3 on an AVX-512 machine and AVX2 on another.
  text += "SIMD target: " + sphere_kernel_target() + "\n";
  text += "seed scene kernel: " + render_path(prepare_scene(seed_scene())) + "\n";
  // The other SIMD paths render_tile may take (README, "Kernel"); a bench report names the one
  // a scene took.
  text += "SIMD kernels: sphere-simd (one sphere), scene-simd (up to " +
          std::to_string(kSceneKernelMaxSpheres) +
          " spheres), packet-simd+bvh (hierarchies), background-simd\n";
  return text;
}

}  // namespace rtcli::cli

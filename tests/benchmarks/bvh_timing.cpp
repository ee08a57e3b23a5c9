// bvh_timing: what the sphere hierarchy costs to build and what it saves per pixel, for one
// scene. Renders in memory (no files) on one thread and reads that thread's CPU clock, so the
// figures hold up on a machine shared with other work; the build is timed on the wall clock
// with the requested threads, as rtcli render builds it.
//
//   build/bvh_timing profiles/field-10000.json --size 1920x1080 --reps 5 --threads 2
//   build/bvh_timing profiles/field-10000.json --size 480x270 --modes off   # brute force only

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/tiles.h"
#include "scene/scene_loader.h"
#include "shading/bvh.h"
#include "shading/frame.h"
#include "shading/tile_renderer.h"
#include "system/cpu_clock.h"
#include "system/dimensions.h"
#include "system/errors.h"

#include <oneapi/tbb/task_arena.h>

namespace {
using namespace rtcli;

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Per-pixel CPU time of one render of the whole frame, tile by tile as the workers go.
double render_ns_per_pixel(const RenderScene& scene, int width, int height) {
  Frame frame(width, height);
  const TileGrid grid(width, height, 64, 64);
  const double start = thread_cpu_seconds();
  KernelContext context;
  for (int i = 0; i < grid.count(); ++i) render_tile(scene, grid.bounds(i), frame, context);
  return (thread_cpu_seconds() - start) * 1e9 / (static_cast<double>(width) * height);
}

int run(const std::string& file, const std::string& size_text, int reps, int threads,
        const std::vector<std::string>& modes) {
  const Dimensions size = parse_dimensions(size_text, "--size");
  const auto load_start = std::chrono::steady_clock::now();
  const Scene scene = load_scene_file(file);
  const double load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start)
          .count();
  std::printf("%s: %zu spheres, %zu lights, loaded in %.1f ms\n", file.c_str(),
              scene.spheres.size(), scene.lights.size(), load_ms);

  tbb::task_arena arena(threads);
  std::vector<double> build_ms;
  std::vector<double> build_cpu_ms;
  RenderScene prepared;
  for (int r = 0; r < reps; ++r) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = process_cpu_seconds();
    prepared = arena.execute([&] { return prepare_scene(scene, 1); });
    build_cpu_ms.push_back((process_cpu_seconds() - cpu_start) * 1e3);
    build_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
  }
  if (prepared.bvh) {
    std::size_t projected = 0;
    std::size_t close = 0;
    for (std::size_t i = 0; i < scene.lights.size(); ++i)
      for (const SphereBvh::LightFace& face : prepared.bvh->light_view(static_cast<int>(i)).faces) {
        projected += face.tree.sphere_index.size();
        close += face.close.sphere_index.size();
      }
    std::printf(
        "build (%d threads): median %.2f ms wall, %.2f ms CPU over %d; light faces hold %zu "
        "projected spheres and %zu tested one by one\n",
        threads, median(build_ms), median(build_cpu_ms), reps, projected, close);
  } else {
    std::printf("build: the scene is outside the hierarchy's range; brute force only\n");
  }

  for (const std::string& mode : modes) {
    const RenderScene s = mode == "on"    ? prepared
                          : mode == "off" ? prepare_scene(scene, Accel::kNone)
                                          : prepare_scene(scene);
    std::vector<double> ns;
    for (int r = 0; r < reps; ++r) ns.push_back(render_ns_per_pixel(s, size.width, size.height));
    std::printf("render %dx%d, hierarchy %-4s (%s): median %.1f ns/pixel, min %.1f, over %d\n",
                size.width, size.height, mode.c_str(), s.bvh ? "used" : "not used", median(ns),
                *std::min_element(ns.begin(), ns.end()), reps);
  }
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Times the sphere hierarchy's build and the per-pixel render cost with and without it"};
  std::string file;
  std::string size = "1920x1080";
  int reps = 5;
  int threads = 2;
  std::vector<std::string> modes = {"off", "on", "auto"};
  app.add_option("scene", file, "Scene JSON file")->required();
  app.add_option("--size", size, "Frame size WIDTHxHEIGHT")->capture_default_str();
  app.add_option("--reps", reps, "Repetitions; medians are reported")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--threads", threads, "Threads for the build")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  app.add_option("--modes", modes, "Renders to time: off (brute force), on, auto (threshold)")
      ->check(CLI::IsMember({"off", "on", "auto"}))
      ->capture_default_str();
  try {
    app.parse(argc, argv);
    return run(file, size, reps, threads, modes);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const rtcli::UsageError& e) {
    std::fprintf(stderr, "bvh_timing: error: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bvh_timing: error: %s\n", e.what());
    return 1;
  }
}

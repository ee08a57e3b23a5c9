// Render-phase throughput at 4000x3000: the plain scalar seed loop (the baseline of the
// talk's program, parallel over rows) against render_tile with the SIMD sphere kernel, both in one
// run so their ratio is measured under the same load. Not part of ctest.
//   build/rtcli_kernel_benchmark --benchmark_repetitions=9 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <hwy/highway.h>
#include <hwy/targets.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "pipeline/tile_scheduler.h"
#include "pipeline/tiles.h"
#include "scene/scene.h"
#include "shading/frame.h"
#include "shading/sphere_kernel.h"
#include "shading/tile_renderer.h"
#include "system/cpu_clock.h"

namespace {
using rtcli::Frame;
using rtcli::process_cpu_ms;
using rtcli::Rgb8;

constexpr int kWidth = 4000;
constexpr int kHeight = 3000;

// The seed's colour function transcribed step by step (see the seed README): the baseline.
Rgb8 seed_colour(int x, int y, int width, int height) {
  const double px = (8.0 * x) / width, py = (6.0 * y) / height, pz = 0.0;
  const double dx = px - 4.0, dy = py - 3.0, dz = pz - 10.0;
  const double sp = (0.0 * dx + 0.0 * dy) + 1.0 * dz;
  const double rat = 4 * (sp * sp - (((dx * dx + dy * dy) + dz * dz) - 2.0 * 2.0));
  if (rat < 0) return {100, 100, 100};
  const double s = std::sqrt(rat);
  const double t = std::min(-1 * sp + s / 2, -1 * sp - s / 2);
  const double hx = px + 0.0 * t, hy = py + 0.0 * t, hz = pz + 1.0 * t;
  const double ax = hx - 4.0, ay = hy - 3.0, az = hz - 10.0;
  const double ka = 1.0 / std::sqrt((ax * ax + ay * ay) + az * az);
  const double bx = 8.0 - hx, by = 0.0 - hy, bz = 7.0 - hz;
  const double kb = 1.0 / std::sqrt((bx * bx + by * by) + bz * bz);
  const double nl = ((ax * ka) * (bx * kb) + (ay * ka) * (by * kb)) + (az * ka) * (bz * kb);
  const double c = std::trunc(nl * 255);
  return {static_cast<std::uint8_t>(std::max(c, 30.0)), 0, 0};
}

// The plain loop: rows split evenly over the threads, like an OpenMP static `parallel for`.
void render_seed_loop(tbb::task_arena& arena, Frame& frame) {
  arena.execute([&] {
    tbb::parallel_for(
        0, frame.height(),
        [&](int y) {
          std::uint8_t* out = frame.pixel(0, y);
          for (int x = 0; x < frame.width(); ++x, out += 3) {
            const Rgb8 c = seed_colour(x, y, frame.width(), frame.height());
            out[0] = c.r;
            out[1] = c.g;
            out[2] = c.b;
          }
        },
        tbb::static_partitioner());
  });
}

using TileFn = void (*)(const rtcli::RenderScene&, const rtcli::TileBounds&, Frame&,
                        rtcli::KernelContext&);

// The brute-force reference, in the shape of render_tile.
void reference_tile(const rtcli::RenderScene& scene, const rtcli::TileBounds& tile, Frame& frame,
                    rtcli::KernelContext&) {
  rtcli::render_tile_reference(scene.scene, tile, frame);
}

// Each worker's KernelContext, kept from frame to frame as a worker keeps it.
using Kernels = std::vector<rtcli::KernelContext>;

// The render phase of render_to_directory: one task per worker, tiles pulled in scan order.
void render_tiles(tbb::task_arena& arena, Kernels& kernels, const rtcli::RenderScene& scene,
                  const rtcli::TileGrid& grid, Frame& frame, TileFn render) {
  rtcli::TileScheduler scheduler(grid.count());
  arena.execute([&] {
    tbb::parallel_for(
        0, static_cast<int>(kernels.size()),
        [&](int worker) {
          while (const auto tile = scheduler.next()) {
            render(scene, grid.bounds(*tile), frame, kernels[static_cast<std::size_t>(worker)]);
            scheduler.complete(*tile);
          }
        },
        tbb::simple_partitioner());
  });
}

void report(benchmark::State& state, const std::string& label, double cpu_ms) {
  state.counters["Mpix/s"] = benchmark::Counter(kWidth * double{kHeight} / 1e6,
                                                benchmark::Counter::kIsIterationInvariantRate);
  state.counters["cpu_ms/frame"] =
      benchmark::Counter(cpu_ms / static_cast<double>(state.iterations()));
  state.SetLabel(label);
}

void BM_SeedLoopBaseline(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(0));
  tbb::task_arena arena(threads);
  Frame frame(kWidth, kHeight);
  render_seed_loop(arena, frame);  // first touch of the frame's pages, outside the timing
  const double cpu_start = process_cpu_ms();
  for (auto _ : state) render_seed_loop(arena, frame);
  report(state, "scalar seed loop", process_cpu_ms() - cpu_start);
}

// Args: threads, tile width, tile height.
void BM_RenderTile(benchmark::State& state, TileFn render, const char* label) {
  const int threads = static_cast<int>(state.range(0));
  const rtcli::TileGrid grid(kWidth, kHeight, static_cast<int>(state.range(1)),
                             static_cast<int>(state.range(2)));
  const rtcli::RenderScene scene = rtcli::prepare_scene(rtcli::seed_scene());
  tbb::task_arena arena(threads);
  Kernels kernels(static_cast<std::size_t>(threads));
  Frame frame(kWidth, kHeight);
  render_tiles(arena, kernels, scene, grid, frame, render);
  // The kernel must be what the baseline computes, or the comparison means nothing.
  Frame expected(kWidth, kHeight);
  render_seed_loop(arena, expected);
  if (std::memcmp(frame.data(), expected.data(), Frame::bytes(kWidth, kHeight)) != 0) {
    state.SkipWithError("frame differs from the seed loop's");
    return;
  }
  const double cpu_start = process_cpu_ms();
  for (auto _ : state) render_tiles(arena, kernels, scene, grid, frame, render);
  report(state, label, process_cpu_ms() - cpu_start);
}

void BM_SphereKernel(benchmark::State& state) {
  BM_RenderTile(state, rtcli::render_tile,
                ("sphere kernel " + rtcli::sphere_kernel_target()).c_str());
}
void BM_ScalarReference(benchmark::State& state) {
  BM_RenderTile(state, reference_tile, "shade_pixel reference");
}

// As the render command does it: a fresh frame each time, so its pages fault in the loop.
void BM_SphereKernelFreshFrame(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(0));
  const rtcli::TileGrid grid(kWidth, kHeight, static_cast<int>(state.range(1)),
                             static_cast<int>(state.range(2)));
  const rtcli::RenderScene scene = rtcli::prepare_scene(rtcli::seed_scene());
  tbb::task_arena arena(threads);
  Kernels kernels(static_cast<std::size_t>(threads));
  const double cpu_start = process_cpu_ms();
  for (auto _ : state) {
    Frame frame(kWidth, kHeight);
    render_tiles(arena, kernels, scene, grid, frame, rtcli::render_tile);
    benchmark::DoNotOptimize(frame.data());
  }
  report(state, "sphere kernel, frame allocated per render", process_cpu_ms() - cpu_start);
}

// Five spheres, two lights, shadows: the background filter with shade_pixel for the hits,
// against shade_pixel everywhere.
rtcli::Scene five_spheres() {
  rtcli::Scene scene = rtcli::seed_scene();
  scene.spheres.push_back({.centre = {1.5, 1.5, 9.0}, .radius = 0.8, .colour = {0, 200, 60}});
  scene.spheres.push_back({.centre = {6.5, 1.2, 11.0}, .radius = 1.0, .colour = {30, 60, 255}});
  scene.spheres.push_back({.centre = {6.8, 4.8, 8.0}, .radius = 0.7, .colour = {250, 200, 0}});
  scene.spheres.push_back({.centre = {1.2, 4.9, 12.0}, .radius = 0.9, .colour = {200, 0, 200}});
  scene.lights.push_back({.position = {0.0, 6.0, 2.0}, .intensity = 0.5});
  return scene;
}

void BM_FiveSpheres(benchmark::State& state, TileFn render, const char* label) {
  const int threads = static_cast<int>(state.range(0));
  const rtcli::TileGrid grid(kWidth, kHeight, 256, 16);
  const rtcli::RenderScene scene = rtcli::prepare_scene(five_spheres());
  tbb::task_arena arena(threads);
  Kernels kernels(static_cast<std::size_t>(threads));
  Frame frame(kWidth, kHeight);
  render_tiles(arena, kernels, scene, grid, frame, render);
  const double cpu_start = process_cpu_ms();
  for (auto _ : state) render_tiles(arena, kernels, scene, grid, frame, render);
  report(state, label, process_cpu_ms() - cpu_start);
}
BENCHMARK_CAPTURE(BM_FiveSpheres, background_filter, rtcli::render_tile,
                  "background filter + shade_pixel")
    ->ArgName("threads")
    ->Arg(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FiveSpheres, reference, reference_tile, "shade_pixel")
    ->ArgName("threads")
    ->Arg(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// One instruction set, forced, at 1 thread: what each dispatch target is worth.
void BM_SphereKernelTarget(benchmark::State& state, std::int64_t target) {
  hwy::SetSupportedTargetsForTest(target);
  BM_RenderTile(state, rtcli::render_tile,
                ("sphere kernel " + rtcli::sphere_kernel_target()).c_str());
  hwy::SetSupportedTargetsForTest(0);
}

BENCHMARK(BM_SeedLoopBaseline)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScalarReference)
    ->ArgNames({"threads", "tile_w", "tile_h"})
    ->Args({1, 256, 16})
    ->Args({2, 256, 16})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SphereKernel)
    ->ArgNames({"threads", "tile_w", "tile_h"})
    ->Args({1, 4096, 16})
    ->Args({2, 4096, 16})
    ->Args({1, 256, 16})
    ->Args({2, 256, 16})
    ->Args({1, 64, 64})
    ->Args({2, 64, 64})
    ->Args({2, 32, 32})
    ->Args({2, 128, 32})
    ->Args({2, 512, 8})
    ->Args({2, 4000, 1})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SphereKernelFreshFrame)
    ->ArgNames({"threads", "tile_w", "tile_h"})
    ->Args({2, 256, 16})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  for (const std::int64_t target : hwy::SupportedAndGeneratedTargets())
    benchmark::RegisterBenchmark(
        (std::string("BM_SphereKernelTarget/") + hwy::TargetName(target)).c_str(),
        BM_SphereKernelTarget, target)
        ->ArgNames({"threads", "tile_w", "tile_h"})
        ->Args({1, 256, 16})
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

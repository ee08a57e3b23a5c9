// Whole-frame comparisons of a fast render path with the scalar reference, on every
// instruction set the processor supports.
#pragma once

#include <hwy/highway.h>
#include <hwy/targets.h>

#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/tiles.h"
#include "scene/scene.h"
#include "shading/frame.h"
#include "shading/kernel_context.h"
#include "shading/sphere_kernel.h"
#include "shading/tile_renderer.h"

namespace rtcli {

// Renders the whole frame tile by tile with `fn`, which takes a Scene (the kernels, the
// reference) or a RenderScene (render_tile; given the scene without hierarchies), and a
// KernelContext kept from tile to tile as a worker keeps it (the reference takes none).
template <class Fn>
std::vector<std::uint8_t> render(const Scene& scene, int width, int height, int tile_w, int tile_h,
                                 Fn fn) {
  Frame frame(width, height);
  const TileGrid grid(width, height, tile_w, tile_h);
  const RenderScene prepared{scene, nullptr};
  KernelContext context;
  for (int i = 0; i < grid.count(); ++i) {
    if constexpr (std::is_invocable_v<Fn, const RenderScene&, const TileBounds&, Frame&,
                                      KernelContext&>)
      fn(prepared, grid.bounds(i), frame, context);
    else if constexpr (std::is_invocable_v<Fn, const Scene&, const TileBounds&, Frame&,
                                           KernelContext&>)
      fn(scene, grid.bounds(i), frame, context);
    else
      fn(scene, grid.bounds(i), frame);
  }
  return {frame.data(), frame.data() + Frame::bytes(width, height)};
}

// Empty when `fast` renders what render_tile_reference does, else where the first difference is.
template <class Fn>
std::string first_difference(Fn fast, const Scene& scene, int width, int height, int tile_w,
                             int tile_h) {
  const auto mine = render(scene, width, height, tile_w, tile_h, fast);
  const auto slow = render(scene, width, height, tile_w, tile_h, render_tile_reference);
  for (std::size_t i = 0; i < mine.size(); ++i) {
    if (mine[i] != slow[i]) {
      const std::size_t pixel = i / 3;
      return "pixel (" + std::to_string(pixel % static_cast<std::size_t>(width)) + ", " +
             std::to_string(pixel / static_cast<std::size_t>(width)) + ") channel " +
             std::to_string(i % 3) + ": fast path " + std::to_string(mine[i]) + ", reference " +
             std::to_string(slow[i]);
    }
  }
  return "";
}

// Runs `body` once per instruction set this processor supports, with dispatch forced to it.
template <class Body>
void for_each_target(Body body) {
  const std::vector<std::int64_t> targets = hwy::SupportedAndGeneratedTargets();
  ASSERT_FALSE(targets.empty());
#if HWY_ARCH_X86 && !defined(HWY_COMPILE_ONLY_EMU128)
  ASSERT_GE(targets.size(), 2u) << "expected SSSE3 or better besides the baseline";
#endif
  for (const std::int64_t target : targets) {
    hwy::SetSupportedTargetsForTest(target);
    SCOPED_TRACE(hwy::TargetName(target));
    ASSERT_EQ(sphere_kernel_target(), hwy::TargetName(target));
    body();
  }
  hwy::SetSupportedTargetsForTest(0);
}

}  // namespace rtcli

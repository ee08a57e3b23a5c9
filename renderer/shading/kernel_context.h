// What a worker hands every render_tile call: its own scratch buffers, kept from tile to tile
// so that no tile allocates or recomputes what the last one left, and the token that asks it to
// stop. One per worker, owned by the caller (WorkerArena::run_with_state makes one per task):
// the kernels keep no state of their own between calls.
#pragma once

#include <cstdint>
#include <vector>

#include "scene/scene.h"
#include "shading/scene_kernel_setup.h"
#include "shading/shadow_cones.h"
#include "shading/sphere_kernel_setup.h"
#include "system/stop_token.h"

namespace rtcli {

// Each kernel uses the fields it needs; each rebuilds them for the tile in hand, the tables
// only when the frame size or window changed.
struct TileScratch {
  AxisTable columns;           // screen x of every column (padded for whole-vector loads)
  AxisTable rows;              // screen y of every row
  SceneSpheres spheres;        // the scene kernel's sphere fields
  ShadowCones cones;           // the scene kernel's shadow cones
  std::vector<RowSpan> spans;  // the scene kernel's spheres of one row
  std::vector<std::uint64_t> candidates;  // the scene kernel's shadow candidates per light
  std::vector<std::uint32_t> leaves;      // the packet kernel's screen leaves of one run

  // The tables for a frame of width x height through `window`, with squared offsets from
  // (centre_x, centre_y) (the sphere kernel's one sphere; the others use the coordinates only).
  void update_tables(int width, int height, const ScreenWindow& window, double centre_x = 0.0,
                     double centre_y = 0.0) {
    columns.update(AxisTable::Axis::kX, width, window, centre_x, kColumnTablePadding);
    rows.update(AxisTable::Axis::kY, height, window, centre_y, 0);
  }
};

// Aligned to a cache line: the workers' contexts may sit side by side in one vector, and the
// kernels write their scratch vectors' sizes.
struct alignas(64) KernelContext {
  KernelContext() = default;  // never stops: for tests and measurements
  explicit KernelContext(StopToken stop_token) : stop(stop_token) {}

  StopToken stop;  // checked between vectors (between pixels on the scalar paths)
  TileScratch scratch;
};

}  // namespace rtcli

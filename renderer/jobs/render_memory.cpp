#include "jobs/render_memory.h"

#include <string>

#include "output/checkpoint_writer.h"
#include "scene/frame.h"
#include "system/memory_budget.h"

namespace rtcli {
namespace {
// Resident memory of a 1x1 render: code, libraries, thread stacks, TBB's pools. Measured
// about 6 MB (README, "Performance: writing frames"); this leaves room for more threads.
constexpr std::size_t kProgramBytes = 16 * 1024 * 1024;
}  // namespace

std::size_t render_peak_bytes(int width, int height) {
  return Frame::bytes(width, height) + frame_writer_peak_bytes(width, height) + kProgramBytes;
}

void check_frame_fits(int width, int height) {
  check_memory_fits(render_peak_bytes(width, height),
                    "frame " + std::to_string(width) + "x" + std::to_string(height));
}

}  // namespace rtcli

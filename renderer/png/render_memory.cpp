#include "png/render_memory.h"

#include <sys/statvfs.h>

#include <filesystem>
#include <limits>
#include <string>

#include "png/band_encoder.h"
#include "png/band_layout.h"
#include "png/checkpoint_writer.h"
#include "png/png_sink.h"
#include "png/png_strips.h"
#include "shading/frame.h"
#include "system/errors.h"
#include "system/memory_budget.h"

namespace rtcli {
namespace {
// Resident memory of a 1x1 render: code, libraries, thread stacks, TBB's pools. Measured
// about 6 MB (README, "Performance: writing frames"); this leaves room for more threads.
constexpr std::size_t kProgramBytes = 16 * 1024 * 1024;
// Address space a thread maps beyond what it touches: its stack (8 MiB by default) and a
// glibc malloc arena (64 MiB reserved). Counts against RLIMIT_AS only.
constexpr std::size_t kThreadAddressSpace = (8 + 64) * std::size_t{1024 * 1024};
// Deflate's best ratio: a 258-byte match coded in two bits.
constexpr std::uint64_t kDeflateMaxRatio = 1032;
// Per strip, at least: the IDAT chunk's 12 bytes and the sync flush's 4-byte empty block.
constexpr std::uint64_t kMinStripBytes = 16;
// PNG stores chunk lengths and sizes as 31-bit numbers.
constexpr std::uint64_t kPngMaxNumber = (std::uint64_t{1} << 31) - 1;

std::string size_text(int width, int height) {
  return std::to_string(width) + "x" + std::to_string(height);
}

// The free space for the output folder: on the nearest folder that exists, as it may not yet.
std::uint64_t free_disk_bytes(std::filesystem::path folder) {
  std::error_code error;
  folder = std::filesystem::absolute(folder, error);
  while (!std::filesystem::exists(folder, error) && folder.has_relative_path())
    folder = folder.parent_path();
  struct statvfs fs {};
  if (::statvfs(folder.c_str(), &fs) != 0) return std::numeric_limits<std::uint64_t>::max();
  return static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
}
}  // namespace

std::size_t render_peak_bytes(const FrameSpec& s) {
  const BandLayout layout(s.width, s.height, s.tile_height);
  const std::size_t threads = static_cast<std::size_t>(resolve_threads(s.threads));
  // Per worker: its band's pixels, its compressor, the kernel's row and column tables.
  const std::size_t worker = Frame::bytes(s.width, layout.max_rows()) +
                             BandEncoder::peak_bytes(layout) +
                             (static_cast<std::size_t>(s.width) + s.height) * 2 * sizeof(double);
  const std::size_t queued = static_cast<std::size_t>(band_window(static_cast<int>(threads))) *
                             BandEncoder::max_band_bytes(layout);
  const std::size_t partials = s.checkpoints.size() * layout.strips().max_chunk_bytes();
  return kProgramBytes + threads * worker + queued + partials +
         CheckpointWriter::peak_bytes(layout);
}

std::size_t frame_peak_bytes(int width, int height) {
  const BandLayout layout(width, height, height);
  return Frame::bytes(width, height) + StripEncoder::peak_bytes(layout.strips()) + kProgramBytes;
}

std::uint64_t min_output_bytes(int width, int height, std::size_t checkpoints) {
  const StripLayout strips(width, height);
  const std::uint64_t filtered = static_cast<std::uint64_t>(strips.row_bytes()) * height;
  const std::uint64_t file =
      filtered / kDeflateMaxRatio + kMinStripBytes * static_cast<std::uint64_t>(strips.count());
  return file * (checkpoints + 1);
}

void check_render_fits(const FrameSpec& s, const std::filesystem::path& out) {
  const std::string frame = "frame " + size_text(s.width, s.height);
  const StripLayout strips(s.width, s.height);
  if (static_cast<std::uint64_t>(s.width) > kPngMaxNumber ||
      static_cast<std::uint64_t>(s.height) > kPngMaxNumber ||
      strips.max_chunk_bytes() > kPngMaxNumber)
    throw UsageError(frame + " is beyond PNG's limits (sides and chunks under 2^31 bytes)");
  const std::size_t threads = static_cast<std::size_t>(resolve_threads(s.threads));
  const std::size_t resident = render_peak_bytes(s);
  check_memory_fits(resident, frame, resident + threads * kThreadAddressSpace);
  const std::uint64_t disk = min_output_bytes(s.width, s.height, s.checkpoints.size());
  const std::uint64_t free = free_disk_bytes(out);
  if (disk > free)
    throw UsageError(frame + " needs at least " + std::to_string(disk) +
                     " bytes of PNG files, more than the " + std::to_string(free) +
                     " bytes free for '" + out.string() + "'");
}

void check_frame_fits(int width, int height) {
  check_memory_fits(frame_peak_bytes(width, height), "frame " + size_text(width, height));
}

}  // namespace rtcli

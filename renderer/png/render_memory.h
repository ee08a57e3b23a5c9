// What a render needs, checked before anything is written: PNG's limits, memory, disk space.
#pragma once

#include <cstddef>
#include <cstdint>

#include <filesystem>

#include "pipeline/frame_spec.h"

namespace rtcli {

// Bytes a streaming render holds at its peak. Independent of the frame's height: the
// program, each worker's band and compressor, the bands queued for the writer (at worst
// incompressible), one partial strip per checkpoint, and the writer's buffers and index.
std::size_t render_peak_bytes(const FrameSpec& spec);

// Bytes a render into one whole frame in memory holds (rtcli bench's passes).
std::size_t frame_peak_bytes(int width, int height);

// The least the PNG files of a render can take on disk: deflate compresses at most 1032:1
// (a 258-byte match in two bits), plus each strip's chunk and flush, for final.png and each
// checkpoint. A frame refused by this could not fit whatever its content.
std::uint64_t min_output_bytes(int width, int height, std::size_t checkpoints);

// Throws UsageError naming the frame and what it would need when it exceeds PNG's limits,
// the memory this process may use, or the free space where --out will be.
void check_render_fits(const FrameSpec& spec, const std::filesystem::path& out);

// For a whole frame in memory (rtcli bench). Throws UsageError naming the size and bytes.
void check_frame_fits(int width, int height);

}  // namespace rtcli

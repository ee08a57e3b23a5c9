// `rtcli render` across MPI ranks: the streaming render (png/render_job.h) with its bands
// shared. Every rank takes bands from rank 0's counter, renders and compresses them with its
// own workers; the other ranks send the compressed bands to rank 0, whose writer appends them
// in scan order and writes the files, byte for byte what one process writes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "png/render_job.h"

namespace rtcli::distributed {

struct RankRenderSummary {
  RenderSummary render;                   // this rank's (files: rank 0's)
  std::vector<std::uint64_t> bytes_sent;  // on rank 0: what each rank sent it (rank 0: 0)
  std::vector<std::uint64_t> bands_done;  // on rank 0: bands each rank rendered
};

// Collective: every rank calls it with the same spec and folder (validated on rank 0 first,
// validate_render); only rank 0 writes.
RankRenderSummary render_across_ranks(const FrameSpec& spec, const std::filesystem::path& out,
                                      RenderProgress* progress = nullptr);

}  // namespace rtcli::distributed

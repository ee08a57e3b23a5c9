// A CompressedBand as the bytes of one MPI message, from the rank that rendered it to rank 0.
// Compressed strips only, never pixels: a band costs the network what it costs the file.
#pragma once

#include <string>

#include "png/compressed_band.h"

namespace rtcli::distributed {

std::string encode_band_message(const CompressedBand& band);

// Throws RunError when the bytes are not a band message.
CompressedBand decode_band_message(const std::string& bytes);

}  // namespace rtcli::distributed

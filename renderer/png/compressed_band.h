// What a band producer hands the file writer: one band's rows as compressed PNG strips,
// and the strips the checkpoints ending inside the band need. Plain data, no pixels: the
// producer may be another thread or, later, another process.
#pragma once

#include <cstddef>
#include <vector>

#include "png/png_strips.h"

namespace rtcli {

// The strip holding a checkpoint's last pixel, compressed with its prefix shown and black after.
struct PartialStrip {
  int checkpoint = 0;  // index into the render's checkpoint list
  int strip = 0;       // strip index in the frame
  EncodedStrip encoded;
};

struct CompressedBand {
  int index = 0;      // band number, scan order (band_layout.h)
  int first_row = 0;  // rows [first_row, end_row) of the frame
  int end_row = 0;
  std::vector<EncodedStrip> strips;    // every strip of the band, in order, all pixels shown
  std::vector<PartialStrip> partials;  // in checkpoint order

  // Bytes held, for bounding what waits in the queue.
  std::size_t bytes() const {
    std::size_t total = 0;
    for (const EncodedStrip& s : strips) total += s.chunk.size();
    for (const PartialStrip& p : partials) total += p.encoded.chunk.size();
    return total;
  }
};

}  // namespace rtcli

// A PNG's pixel data as strips of whole rows, each filtered and compressed on its own.
//
// Each strip is an independent run of deflate blocks: its compressor starts fresh (no
// back-references into earlier strips) and ends with a sync flush (a non-final block,
// byte-aligned), so strips concatenate into one valid deflate stream, in any combination.
// That is what lets a checkpoint reuse the compressed strips of rows that are final, and
// compress only the strip holding its partial row; black strips are compressed once.
// Every row uses the Sub filter, so a row's bytes depend on that row alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "shading/frame.h"

struct z_stream_s;

namespace rtcli {

// How a frame's filtered bytes split into strips of at most about 64 KB: groups of whole
// rows (`rows_per_strip`, the last group possibly shorter), or, for rows wider than that, each
// row cut into `pieces_per_row` strips of nearly equal bytes.
class StripLayout {
 public:
  StripLayout(int width, int height);

  int width() const { return width_; }
  int height() const { return height_; }
  int rows_per_strip() const { return rows_per_strip_; }
  int pieces_per_row() const { return pieces_; }  // 1 unless rows are wider than a strip
  int count() const { return count_; }
  int first_row(int strip) const { return strip / pieces_ * rows_per_strip_; }
  int end_row(int strip) const;
  // The strip's bytes within each of its rows' filtered bytes: [first, end).
  std::size_t first_byte(int strip) const;
  std::size_t end_byte(int strip) const;
  // Filtered bytes of one row: the filter-type byte and three bytes per pixel.
  std::size_t row_bytes() const { return 1 + 3 * static_cast<std::size_t>(width_); }
  std::size_t max_filtered_bytes() const;
  // Deflate output of the largest strip can take at worst (incompressible rows).
  std::size_t max_compressed_bytes() const;
  // An IDAT chunk around that.
  std::size_t max_chunk_bytes() const { return max_compressed_bytes() + 12; }
  // How many strips, taken in order, show nothing but pixels among the first `pixels`.
  int strips_within_prefix(std::size_t pixels) const;
  // All-black strips of the same class compress to the same bytes: classes are numbered
  // from 0 to black_classes() - 1 (a piece's place in its row, or the shorter last group).
  int black_class(int strip) const;
  int black_classes() const { return pieces_ > 1 ? pieces_ : 2; }

 private:
  int width_;
  int height_;
  int rows_per_strip_;
  int pieces_;
  int count_;
};

// One compressed strip.
struct EncodedStrip {
  std::string chunk;          // a complete IDAT chunk: length, type, deflate blocks, CRC
  std::uint32_t adler32 = 1;  // of the strip's filtered bytes
  std::size_t filtered_bytes = 0;
};

// Filters and compresses strips. Holds its buffers and compressor between calls, so one
// encoder per thread does every strip without allocating.
class StripEncoder {
 public:
  explicit StripEncoder(const StripLayout& layout);
  ~StripEncoder();
  StripEncoder(const StripEncoder&) = delete;
  StripEncoder& operator=(const StripEncoder&) = delete;

  // Encodes strip `strip` of the view into `out`, black past the view's visible prefix.
  // Pixels past the prefix are never read, so they may still be being rendered; rows of the
  // strip that hold visible pixels must be stored in the view (a band view holds its own).
  void encode(const FrameView& view, int strip, EncodedStrip& out);

  // Bytes an encoder holds at most, with the one EncodedStrip it fills and its copy of the last.
  static std::size_t peak_bytes(const StripLayout& layout);

 private:
  StripLayout layout_;
  std::unique_ptr<std::uint8_t[]> filtered_;    // one strip, filtered
  std::unique_ptr<std::uint8_t[]> compressed_;  // deflate output, before framing as a chunk
  std::unique_ptr<z_stream_s> zlib_;
  // The previous strip, filtered and encoded: a strip with the same filtered bytes (rows of
  // plain background) compresses to the same chunk, so it is copied instead of compressed.
  std::unique_ptr<std::uint8_t[]> previous_filtered_;
  EncodedStrip previous_;
};

}  // namespace rtcli

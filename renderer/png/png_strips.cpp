#include "png/png_strips.h"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <utility>

#include "png/png_container.h"
#include "system/errors.h"

namespace rtcli {

namespace {
// zlib slides its 32 KiB window, rewriting its hash tables, once more than about 64 KiB of
// input has gone in; strips below that never slide. On the 4000x3000 frame, 5-row strips
// (60 KB) took about half the CPU time of 64-row strips (README, "Performance: writing frames").
constexpr std::size_t kStripTargetBytes = 64000;

// zlib, not libdeflate: libdeflate compresses whole buffers and always ends with a final
// block, so its strips could not be joined into one stream. Level 1 with the default strategy:
// level 2 measured as fast and 2% smaller, Z_RLE slower and 8% larger; level 6 4x slower.
constexpr int kZlibLevel = 1;
constexpr int kZlibMemLevel = 8;
constexpr int kRawDeflateWindowBits = -15;  // negative: no zlib header, the file has one
// deflateInit2's tables at these settings: window 64 KiB, hash chains 64 KiB, hash heads
// 64 KiB, pending output 64 KiB; plus its state struct.
constexpr std::size_t kZlibStateBytes = 4 * 64 * 1024 + 8 * 1024;

// Bytes [begin, end) of a row filtered with PNG filter type 1 (Sub): byte 0 is the filter
// type, byte 1 + i is rgb byte i minus the same channel of the pixel to its left. The first
// `visible` rgb bytes come from `row`; the rest of the row is black and is not read.
void filter_row_sub(const std::uint8_t* row, std::size_t visible, std::size_t begin,
                    std::size_t end, std::uint8_t* out) {
  if (begin == 0 && end > 0) {
    *out++ = 1;
    begin = 1;
  }
  // From here on, rgb byte indices [i, last).
  std::size_t i = begin - 1;
  const std::size_t last = end - 1;
  const std::size_t head = std::min(last, std::max<std::size_t>(i, 3));  // no left neighbour
  for (; i < head; ++i) *out++ = i < visible ? row[i] : 0;
  const std::size_t body = std::min(last, std::max(i, visible));
  for (; i < body; ++i) *out++ = static_cast<std::uint8_t>(row[i] - row[i - 3]);
  // The first black pixel still differs from the last visible one.
  const std::size_t edge = std::min(last, std::max(i, visible + 3));
  for (; i < edge; ++i) *out++ = static_cast<std::uint8_t>(0 - row[i - 3]);
  std::memset(out, 0, last - i);
}

}  // namespace

StripLayout::StripLayout(int width, int height) : width_(width), height_(height) {
  const std::size_t rows = std::max<std::size_t>(1, kStripTargetBytes / row_bytes());
  rows_per_strip_ = static_cast<int>(std::min<std::size_t>(rows, static_cast<std::size_t>(height)));
  pieces_ = static_cast<int>((row_bytes() + kStripTargetBytes - 1) / kStripTargetBytes);
  count_ = (height + rows_per_strip_ - 1) / rows_per_strip_ * pieces_;
}

std::size_t StripLayout::first_byte(int strip) const {
  return static_cast<std::size_t>(strip % pieces_) * row_bytes() /
         static_cast<std::size_t>(pieces_);
}

std::size_t StripLayout::end_byte(int strip) const {
  return (static_cast<std::size_t>(strip % pieces_) + 1) * row_bytes() /
         static_cast<std::size_t>(pieces_);
}

std::size_t StripLayout::max_filtered_bytes() const {
  if (pieces_ == 1) return static_cast<std::size_t>(rows_per_strip_) * row_bytes();
  return (row_bytes() + static_cast<std::size_t>(pieces_) - 1) / static_cast<std::size_t>(pieces_);
}

std::size_t StripLayout::max_compressed_bytes() const {
  // deflateBound's formula for a raw stream at these settings, plus the sync flush's empty
  // stored block and some slack.
  const std::size_t n = max_filtered_bytes();
  return n + (n >> 12) + (n >> 14) + (n >> 25) + 64;
}

int StripLayout::end_row(int strip) const {
  return std::min(height_, (strip / pieces_ + 1) * rows_per_strip_);
}

int StripLayout::strips_within_prefix(std::size_t pixels) const {
  const std::size_t width = static_cast<std::size_t>(width_);
  const std::size_t full_rows = pixels / width;
  if (full_rows >= static_cast<std::size_t>(height_)) return count_;
  if (pieces_ == 1) return static_cast<int>(full_rows / static_cast<std::size_t>(rows_per_strip_));
  // Pieces of the partial row whose bytes all lie before its first black pixel's.
  const std::size_t shown_bytes = 1 + 3 * (pixels % width);
  int strip = static_cast<int>(full_rows) * pieces_;
  while (end_byte(strip) <= shown_bytes) ++strip;
  return strip;
}

int StripLayout::black_class(int strip) const {
  if (pieces_ > 1) return strip % pieces_;
  return strip == count_ - 1 ? 1 : 0;
}

StripEncoder::StripEncoder(const StripLayout& layout)
    : layout_(layout),
      filtered_(std::make_unique_for_overwrite<std::uint8_t[]>(layout.max_filtered_bytes())),
      compressed_(std::make_unique_for_overwrite<std::uint8_t[]>(layout.max_compressed_bytes())),
      zlib_(std::make_unique<z_stream>()),
      previous_filtered_(
          std::make_unique_for_overwrite<std::uint8_t[]>(layout.max_filtered_bytes())) {
  if (deflateInit2(zlib_.get(), kZlibLevel, Z_DEFLATED, kRawDeflateWindowBits, kZlibMemLevel,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    throw RunError("cannot start the PNG compressor: out of memory");
}

StripEncoder::~StripEncoder() {
  deflateEnd(zlib_.get());
}

void StripEncoder::encode(const FrameView& view, int strip, EncodedStrip& out) {
  const int y0 = layout_.first_row(strip);
  const int y1 = layout_.end_row(strip);
  const std::size_t begin = layout_.first_byte(strip);
  const std::size_t end = layout_.end_byte(strip);
  const std::size_t width = static_cast<std::size_t>(view.width);
  std::uint8_t* out_row = filtered_.get();
  for (int y = y0; y < y1; ++y, out_row += end - begin) {
    const std::size_t row_start = static_cast<std::size_t>(y) * width;
    const std::size_t visible_pixels =
        view.visible_pixels > row_start ? std::min(width, view.visible_pixels - row_start) : 0;
    const std::size_t stored_start = row_start - static_cast<std::size_t>(view.first_row) * width;
    const std::uint8_t* row = visible_pixels > 0 ? view.rgb + stored_start * 3 : nullptr;
    filter_row_sub(row, visible_pixels * 3, begin, end, out_row);
  }
  const std::size_t filtered_bytes = static_cast<std::size_t>(y1 - y0) * (end - begin);
  if (filtered_bytes == previous_.filtered_bytes &&
      std::memcmp(filtered_.get(), previous_filtered_.get(), filtered_bytes) == 0) {
    out = previous_;
    return;
  }
  out.filtered_bytes = filtered_bytes;
  out.adler32 = libdeflate_adler32(1, filtered_.get(), filtered_bytes);

  // A fresh stream per strip, ended by a sync flush: byte-aligned, no final block.
  z_stream& z = *zlib_;
  deflateReset(&z);
  z.next_in = filtered_.get();
  z.avail_in = static_cast<uInt>(filtered_bytes);
  z.next_out = compressed_.get();
  const std::size_t capacity = layout_.max_compressed_bytes();
  z.avail_out = static_cast<uInt>(capacity);
  if (deflate(&z, Z_SYNC_FLUSH) != Z_OK || z.avail_in != 0 || z.avail_out == 0)
    throw RunError("PNG compression failed for rows " + std::to_string(y0) + " to " +
                   std::to_string(y1 - 1));
  const std::size_t compressed_bytes = capacity - z.avail_out;
  out.chunk.clear();
  append_png_chunk(
      out.chunk, "IDAT",
      std::string_view(reinterpret_cast<const char*>(compressed_.get()), compressed_bytes));
  std::swap(filtered_, previous_filtered_);
  previous_ = out;
}

std::size_t StripEncoder::peak_bytes(const StripLayout& layout) {
  // Two filtered strips, the compressor's output, two chunks holding it, zlib's own state.
  return 2 * layout.max_filtered_bytes() + layout.max_compressed_bytes() +
         2 * layout.max_chunk_bytes() + kZlibStateBytes;
}

}  // namespace rtcli

#include "png/png_container.h"

#include <libdeflate.h>
#include <zlib.h>

namespace rtcli {

namespace {
void append_be32(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>(v >> 24));
  out.push_back(static_cast<char>(v >> 16));
  out.push_back(static_cast<char>(v >> 8));
  out.push_back(static_cast<char>(v));
}
}  // namespace

void append_png_chunk(std::string& out, std::string_view type, std::string_view data) {
  const std::size_t start = out.size();
  append_be32(out, static_cast<std::uint32_t>(data.size()));
  out.append(type);
  out.append(data);
  append_be32(out, libdeflate_crc32(0, out.data() + start + 4, out.size() - start - 4));
}

std::string png_chunk(std::string_view type, std::string_view data) {
  std::string chunk;
  chunk.reserve(12 + data.size());
  append_png_chunk(chunk, type, data);
  return chunk;
}

std::string png_head(int width, int height) {
  std::string head("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  append_be32(ihdr, static_cast<std::uint32_t>(width));
  append_be32(ihdr, static_cast<std::uint32_t>(height));
  // Bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace.
  ihdr.append({8, 2, 0, 0, 0});
  head += png_chunk("IHDR", ihdr);
  // zlib header: deflate with a 32 KiB window, "fastest" level hint; 0x7801 % 31 == 0.
  head += png_chunk("IDAT", std::string_view("\x78\x01", 2));
  return head;
}

std::string png_tail(std::uint32_t adler32) {
  // Every strip ends on a byte boundary in a non-final block; 03 00 is a final fixed-Huffman
  // block holding only its end code, which closes the deflate stream.
  std::string end("\x03\x00", 2);
  append_be32(end, adler32);
  return png_chunk("IDAT", end) + png_chunk("IEND", {});
}

std::uint32_t adler32_concat(std::uint32_t a, std::uint32_t b, std::size_t b_length) {
  return static_cast<std::uint32_t>(adler32_combine(a, b, static_cast<z_off_t>(b_length)));
}

}  // namespace rtcli

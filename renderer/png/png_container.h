// The PNG file around the pixel data: signature, IHDR, the zlib stream's framing, IEND.
//
// rtcli writes PNG itself rather than through stb_image_write: stb builds a filtered copy of
// the whole frame (36 MB at 4000x3000, 805 MB at 16384x16384) and compresses it in one call,
// so it can neither bound its memory nor reuse the compressed rows a checkpoint shares with
// the frames after it. Here the image is a sequence of strips (png_strips.h), each
// compressed on its own and stored as one IDAT chunk, between the pieces below.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rtcli {

// One chunk: big-endian length, the four-letter type, the data, CRC-32 of type and data.
std::string png_chunk(std::string_view type, std::string_view data);
void append_png_chunk(std::string& out, std::string_view type, std::string_view data);

// Signature, IHDR (8-bit RGB, no interlace) and the first IDAT, holding the zlib header.
std::string png_head(int width, int height);

// The last IDAT (an empty final deflate block and the Adler-32 of every filtered byte),
// then IEND.
std::string png_tail(std::uint32_t adler32);

// Adler-32 of the concatenation a + b, from the checksums of a and b and b's length.
std::uint32_t adler32_concat(std::uint32_t a, std::uint32_t b, std::size_t b_length);

}  // namespace rtcli

// encode_png: exact pixels back through stb_image and through an independent zlib-based
// reader that checks every CRC, the Adler-32 and that the deflate stream is one whole stream.
#include "png/png_writer.h"

#include <gtest/gtest.h>
#include <stb_image.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "png/png_strips.h"
#include "system/atomic_file.h"
#include "test_support.h"

namespace rtcli {
namespace {

std::vector<std::uint8_t> random_rgb(int width, int height, unsigned seed) {
  std::mt19937 random(seed);
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(width) * height * 3);
  for (auto& byte : rgb) byte = static_cast<std::uint8_t>(random());
  return rgb;
}

// What a view should decode to: its visible prefix, black after.
std::vector<std::uint8_t> expected_pixels(const FrameView& view) {
  const std::size_t total = static_cast<std::size_t>(view.width) * view.height;
  std::vector<std::uint8_t> rgb(total * 3, 0);
  const std::size_t visible = std::min(view.visible_pixels, total);
  if (visible > 0) std::copy(view.rgb, view.rgb + visible * 3, rgb.begin());
  return rgb;
}

std::vector<std::uint8_t> decode_with_stb(const std::string& png, int width, int height) {
  int w = 0;
  int h = 0;
  int channels = 0;
  std::uint8_t* data = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(png.data()),
                                             static_cast<int>(png.size()), &w, &h, &channels, 3);
  if (!data) return {};
  EXPECT_EQ(w, width);
  EXPECT_EQ(h, height);
  std::vector<std::uint8_t> rgb(data, data + static_cast<std::size_t>(w) * h * 3);
  stbi_image_free(data);
  return rgb;
}

std::uint32_t be32(const std::string& s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3]));
}

// A strict reader: signature, CRC of every chunk, IHDR first, IDATs consecutive, IEND last,
// the zlib stream inflates completely (Adler-32 checked by zlib) to exactly the filtered
// size, and nothing follows it. Undoes the filters (all five types) and returns RGB.
std::vector<std::uint8_t> decode_strictly(const std::string& png, int width, int height) {
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  std::size_t at = 8;
  std::string idat;
  std::vector<std::string> types;
  while (at + 12 <= png.size()) {
    const std::uint32_t length = be32(png, at);
    const std::string type = png.substr(at + 4, 4);
    EXPECT_LE(at + 12 + length, png.size());
    const std::uint32_t crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(png.data() + at + 4), length + 4));
    EXPECT_EQ(be32(png, at + 8 + length), crc) << "chunk " << types.size() << " " << type;
    if (type == "IDAT") {
      EXPECT_TRUE(types.empty() || types.back() == "IDAT" || types.back() == "IHDR");
      idat.append(png, at + 8, length);
    }
    types.push_back(type);
    at += 12 + length;
  }
  EXPECT_EQ(at, png.size());
  EXPECT_EQ(types.front(), "IHDR");
  EXPECT_EQ(types.back(), "IEND");
  EXPECT_EQ(be32(png, 16), static_cast<std::uint32_t>(width));
  EXPECT_EQ(be32(png, 20), static_cast<std::uint32_t>(height));

  const std::size_t stride = static_cast<std::size_t>(width) * 3;
  std::vector<std::uint8_t> filtered((stride + 1) * height + 1);  // one spare byte: no excess
  z_stream z{};
  inflateInit(&z);
  z.next_in = reinterpret_cast<Bytef*>(idat.data());
  z.avail_in = static_cast<uInt>(idat.size());
  z.next_out = filtered.data();
  z.avail_out = static_cast<uInt>(filtered.size());
  const int status = inflate(&z, Z_FINISH);
  EXPECT_EQ(status, Z_STREAM_END) << (z.msg ? z.msg : "");
  EXPECT_EQ(z.avail_in, 0u) << "bytes after the zlib stream";
  EXPECT_EQ(z.total_out, (stride + 1) * height);
  inflateEnd(&z);

  std::vector<std::uint8_t> rgb(stride * height);
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* in = filtered.data() + (stride + 1) * y;
    std::uint8_t* out = rgb.data() + stride * y;
    const std::uint8_t* up = y > 0 ? out - stride : nullptr;
    for (std::size_t i = 0; i < stride; ++i) {
      const int a = i >= 3 ? out[i - 3] : 0;
      const int b = up ? up[i] : 0;
      const int c = up && i >= 3 ? up[i - 3] : 0;
      int predictor = 0;
      switch (in[0]) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = a;
          break;
        case 2:
          predictor = b;
          break;
        case 3:
          predictor = (a + b) / 2;
          break;
        case 4: {
          const int p = a + b - c;
          const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          ADD_FAILURE() << "filter type " << int(in[0]);
          return {};
      }
      out[i] = static_cast<std::uint8_t>(in[1 + i] + predictor);
    }
  }
  return rgb;
}

void expect_round_trip(const FrameView& view) {
  SCOPED_TRACE(std::to_string(view.width) + "x" + std::to_string(view.height) + " visible " +
               std::to_string(view.visible_pixels));
  const std::string png = encode_png(view);
  const std::vector<std::uint8_t> expected = expected_pixels(view);
  EXPECT_EQ(decode_with_stb(png, view.width, view.height), expected);
  EXPECT_EQ(decode_strictly(png, view.width, view.height), expected);
}

TEST(EncodePng, RandomImagesOfAwkwardSizesRoundTripExactly) {
  // 1x1, odd widths, one column, and widths where a strip is one row, two, or five rows
  // with a shorter last strip.
  const std::vector<std::pair<int, int>> sizes = {
      {1, 1}, {2, 1}, {1, 7}, {3, 5}, {7, 3}, {101, 37}, {4000, 23}, {21334, 3}, {10666, 5}};
  unsigned seed = 1;
  for (const auto& [w, h] : sizes) {
    const std::vector<std::uint8_t> rgb = random_rgb(w, h, seed++);
    expect_round_trip({rgb.data(), w, h, static_cast<std::size_t>(w) * h});
  }
}

TEST(EncodePng, PartialPrefixesShowBlackAfterTheLastVisiblePixel) {
  const int w = 4000;
  const int h = 23;  // strips of 5 rows: four of them and a last one of 3
  const std::vector<std::uint8_t> rgb = random_rgb(w, h, 42);
  const std::size_t total = static_cast<std::size_t>(w) * h;
  for (const std::size_t visible :
       {std::size_t{0}, std::size_t{1}, std::size_t{w - 1}, std::size_t{w}, std::size_t{w + 1},
        std::size_t{5 * w - 1}, std::size_t{5 * w}, std::size_t{5 * w + 1},
        std::size_t{12 * w + 1234}, total - 1, total, total + 10})
    expect_round_trip({rgb.data(), w, h, visible});
}

TEST(EncodePng, FullyBlackFrameReadsBackBlack) {
  const std::vector<std::uint8_t> black(9 * 4 * 3, 0);
  expect_round_trip({black.data(), 9, 4, black.size() / 3});
  // A view with nothing visible never reads its pixels.
  expect_round_trip({nullptr, 4000, 13, 0});
}

TEST(EncodePng, SmoothImagesCompress) {
  // A horizontal ramp, like the rendered shading: Sub-filtered rows are nearly all zeros.
  const int w = 1000;
  const int h = 200;
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(w) * h * 3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) rgb[(static_cast<std::size_t>(y) * w + x) * 3] = x / 4;
  const std::string png = encode_png({rgb.data(), w, h, static_cast<std::size_t>(w) * h});
  EXPECT_LT(png.size(), rgb.size() / 50);
  EXPECT_EQ(decode_with_stb(png, w, h), rgb);
}

TEST(EncodePng, PngcheckAcceptsPartialAndWholeFrames) {
  if (std::system("command -v pngcheck >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "pngcheck is not installed";
  const test::TempDir dir;
  const std::vector<std::uint8_t> rgb = random_rgb(333, 41, 7);
  for (const std::size_t visible : {std::size_t{0}, std::size_t{333 * 20 + 5}, rgb.size() / 3}) {
    const auto path = dir / (std::to_string(visible) + ".png");
    std::ofstream(path, std::ios::binary) << encode_png({rgb.data(), 333, 41, visible});
    const std::string command = "pngcheck -q '" + path.string() + "' >/dev/null";
    EXPECT_EQ(std::system(command.c_str()), 0) << path;
  }
}

TEST(StripLayout, StripsCoverEveryByteOnceAndStayUnder64KB) {
  for (const auto& [w, h] : std::vector<std::pair<int, int>>{
           {1, 1}, {800, 600}, {4000, 3000}, {16384, 16384}, {21333, 2}, {21334, 2}, {100000, 3}}) {
    SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h));
    const StripLayout layout(w, h);
    int next_row = 0;
    std::size_t next_byte = 0;
    for (int s = 0; s < layout.count(); ++s) {
      EXPECT_EQ(layout.first_row(s), next_row);
      EXPECT_EQ(layout.first_byte(s), next_byte);
      EXPECT_GT(layout.end_byte(s), layout.first_byte(s));
      EXPECT_LE(
          (layout.end_row(s) - layout.first_row(s)) * (layout.end_byte(s) - layout.first_byte(s)),
          layout.max_filtered_bytes());
      next_byte = layout.end_byte(s) == layout.row_bytes() ? 0 : layout.end_byte(s);
      if (next_byte == 0) next_row = layout.end_row(s);
    }
    EXPECT_EQ(next_row, h);
    EXPECT_LE(layout.max_filtered_bytes(), 64000u);
  }
  EXPECT_EQ(StripLayout(4000, 3000).rows_per_strip(), 5);
  EXPECT_EQ(StripLayout(16384, 16384).rows_per_strip(), 1);
  EXPECT_EQ(StripLayout(16384, 16384).pieces_per_row(), 1);
  EXPECT_EQ(StripLayout(65536, 10).pieces_per_row(), 4);  // 196609-byte rows
}

// Rows wider than a strip are cut into pieces; a piece is shown whole when every byte of it
// lies before the first black pixel's.
TEST(StripLayout, WideRowPiecesWithinPrefix) {
  const StripLayout wide(65536, 3);  // 4 pieces a row: [0, 49152), [49152, 98304), ...
  EXPECT_EQ(wide.count(), 12);
  EXPECT_EQ(wide.end_byte(0), 49152u);
  EXPECT_EQ(wide.strips_within_prefix(0), 0);
  EXPECT_EQ(wide.strips_within_prefix(16383), 0);  // bytes 1..49149 shown: piece 0 not yet
  EXPECT_EQ(wide.strips_within_prefix(16384), 1);  // bytes up to 49152: piece 0 whole
  EXPECT_EQ(wide.strips_within_prefix(65535), 3);
  EXPECT_EQ(wide.strips_within_prefix(65536), 4);
  EXPECT_EQ(wide.strips_within_prefix(65536 * 3), 12);
  EXPECT_EQ(wide.black_class(5), 1);
  EXPECT_EQ(wide.black_classes(), 4);
}

// A wide frame's strips and checkpoint prefixes decode to the exact pixels.
TEST(PngWriter, WideRowsInPiecesDecodeExactly) {
  const int width = 30001;  // 90004-byte rows: 2 pieces
  const int height = 3;
  Frame frame(width, height);
  for (std::size_t i = 0; i < Frame::bytes(width, height); ++i)
    frame.data()[i] = static_cast<std::uint8_t>(i * 131 + (i >> 9));
  for (const std::size_t visible :
       {std::size_t{0}, std::size_t{1}, std::size_t{15000}, std::size_t{45001}, frame.pixels()}) {
    SCOPED_TRACE(visible);
    const test::TempDir dir;
    write_file_atomically(dir / "wide.png", encode_png(frame.prefix(visible)));
    const auto image = test::read_png(dir / "wide.png");
    ASSERT_TRUE(image);
    for (std::size_t p = 0; p < frame.pixels(); ++p)
      for (int c = 0; c < 3; ++c)
        ASSERT_EQ(image->rgb[p * 3 + c], p < visible ? frame.data()[p * 3 + c] : 0) << p;
  }
}

TEST(StripLayout, StripsWithinPrefixCountsOnlyFullyShownStrips) {
  const StripLayout layout(10, 23);  // one strip of 23 rows: rows are 31 bytes
  EXPECT_EQ(layout.strips_within_prefix(0), 0);
  EXPECT_EQ(layout.strips_within_prefix(229), 0);
  EXPECT_EQ(layout.strips_within_prefix(230), 1);
  const StripLayout wide(4000, 23);  // strips of 5 rows, the last of 3
  EXPECT_EQ(wide.strips_within_prefix(5 * 4000 - 1), 0);
  EXPECT_EQ(wide.strips_within_prefix(5 * 4000), 1);
  EXPECT_EQ(wide.strips_within_prefix(22 * 4000), 4);
  EXPECT_EQ(wide.strips_within_prefix(23 * 4000 - 1), 4);
  EXPECT_EQ(wide.strips_within_prefix(23 * 4000), 5);
  EXPECT_EQ(wide.strips_within_prefix(24 * 4000), 5);
  EXPECT_EQ(wide.count(), 5);
}

}  // namespace
}  // namespace rtcli

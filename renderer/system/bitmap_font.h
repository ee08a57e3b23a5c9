// A 5x7 bitmap font for a few words over an RGB image: digits, capitals and a little
// punctuation, enough for the live view's status line ("42.5% 310.2 MPIX/S ETA 1.2 S") and the
// latency map's colour bar. SDL2 draws no text by itself, and a font library for a few labels
// is not worth a dependency.
#pragma once

#include <cstdint>
#include <string_view>

namespace rtcli {

inline constexpr int kGlyphWidth = 5;
inline constexpr int kGlyphHeight = 7;

// Row r of character c, bit 4 the leftmost pixel; an unknown character is blank.
std::uint8_t glyph_row(char c, int r);

// Draws `text` into an RGB buffer of `width` x `height` pixels at (x, y), `scale` pixels per
// font pixel, clipped to the buffer. Lower-case letters are drawn as capitals.
void draw_text(std::uint8_t* rgb, int width, int height, int x, int y, std::string_view text,
               int scale, const std::uint8_t colour[3]);

}  // namespace rtcli

#include "png/png_writer.h"

#include "png/png_container.h"
#include "png/png_strips.h"

namespace rtcli {

std::string encode_png(const FrameView& view) {
  const StripLayout layout(view.width, view.height);
  StripEncoder encoder(layout);
  EncodedStrip strip;
  std::string png = png_head(view.width, view.height);
  std::uint32_t adler = 1;
  for (int i = 0; i < layout.count(); ++i) {
    encoder.encode(view, i, strip);
    png += strip.chunk;
    adler = adler32_concat(adler, strip.adler32, strip.filtered_bytes);
  }
  png += png_tail(adler);
  return png;
}

}  // namespace rtcli

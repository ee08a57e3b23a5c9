#include "png_writer.h"

#include <stb_image_write.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "errors.h"

namespace rtcli {

namespace {
void append(void* context, void* data, int size) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                             static_cast<std::size_t>(size));
}
}  // namespace

std::string encode_png(const FrameView& view) {
  const std::size_t total = static_cast<std::size_t>(view.width) * view.height;
  const std::size_t visible = std::min(view.visible_pixels, total);
  const std::uint8_t* pixels = view.rgb;
  // A partial frame is encoded from a copy whose hidden part is black.
  std::vector<std::uint8_t> masked;
  if (visible < total) {
    masked.assign(total * 3, 0);
    std::memcpy(masked.data(), view.rgb, visible * 3);
    pixels = masked.data();
  }
  std::string png;
  if (!stbi_write_png_to_func(append, &png, view.width, view.height, 3, pixels, view.width * 3))
    throw RunError("PNG encoding failed for a " + std::to_string(view.width) + "x" +
                   std::to_string(view.height) + " frame");
  return png;
}

}  // namespace rtcli

#include "view/sdl_display.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>

#include "system/bitmap_font.h"
#include "system/errors.h"
#include "system/loadable_module.h"

namespace rtcli::view {

namespace {
constexpr int kTextScale = 2;
constexpr int kMargin = 6;
constexpr int kStatusHeight = kGlyphHeight * kTextScale + 2 * kMargin;
constexpr int kMinWidth = 480;            // room for the status line
constexpr std::uint8_t kBackground = 24;  // grey, around the preview and under the status
constexpr PreviewSize kLargestPreview{1280, 960};

bool has_display() {
  const char* x11 = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  return (x11 && *x11) || (wayland && *wayland);
}
}  // namespace

PreviewSize SdlDisplay::open(int frame_width, int frame_height) {
  if (!has_display())
    throw UsageError(
        "--view needs a display, and DISPLAY and WAYLAND_DISPLAY are not set (try --view "
        "terminal)");
  std::string why;
  void* entry = load_module_entry(RTCLI_SDL_MODULE, RTCLI_SDL_MODULE_INSTALLED, kWindowEntryName,
                                  RTLD_NOW | RTLD_LOCAL, why);
  if (!entry) throw RunError("--view cannot load its window support: " + why);
  window_.reset(reinterpret_cast<WindowEntry>(entry)());
  // Fit the screen's usable area, leaving room for the status strip and window borders.
  PreviewSize usable;
  why = window_->start(usable.width, usable.height);
  if (!why.empty()) throw UsageError("--view cannot open a window: " + why);
  PreviewSize limit = kLargestPreview;
  if (usable.width > 0 && usable.height > 0)
    limit = {std::min(limit.width, usable.width - 2 * kMargin),
             std::min(limit.height, usable.height - kStatusHeight - 4 * kMargin)};
  preview_ =
      fit_preview(frame_width, frame_height, {std::max(1, limit.width), std::max(1, limit.height)});
  width_ = std::max(preview_.width, kMinWidth);
  height_ = preview_.height + kStatusHeight;
  why = window_->open(width_, height_, kBackground);
  if (!why.empty()) throw UsageError("--view cannot open a window: " + why);
  status_.assign(static_cast<std::size_t>(width_) * kStatusHeight * 3, 0);
  return preview_;
}

void SdlDisplay::show(const std::vector<std::uint8_t>& rgb, RowSpan changed,
                      const std::string& status) {
  // The preview centred in the top part, the status on a dark strip below.
  const int left = (width_ - preview_.width) / 2;
  if (!painted_ || window_->lost_contents()) changed = {0, preview_.height};
  std::vector<Window::Rows> pieces;
  if (!changed.empty())
    pieces.push_back({left, changed.first, preview_.width, changed.end - changed.first,
                      rgb.data() + static_cast<std::size_t>(preview_.width) * 3 * changed.first});
  std::fill(status_.begin(), status_.end(), kBackground);
  const std::uint8_t text_colour[3] = {230, 230, 230};
  draw_text(status_.data(), width_, kStatusHeight, kMargin, kMargin, status, kTextScale,
            text_colour);
  pieces.push_back({0, preview_.height, width_, kStatusHeight, status_.data()});
  painted_ = window_->show("rtcli render  " + status, pieces) || painted_;
}

bool SdlDisplay::damaged() {
  return window_->damaged();
}

bool SdlDisplay::wait_for_close(int milliseconds) {
  return window_->wait_for_close(milliseconds);
}

}  // namespace rtcli::view

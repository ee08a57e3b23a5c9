#include "view/sdl_display.h"

#include <SDL.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "frame/bitmap_font.h"
#include "system/errors.h"

namespace rtcli::view {

namespace {
constexpr int kTextScale = 2;
constexpr int kMargin = 6;
constexpr int kStatusHeight = kGlyphHeight * kTextScale + 2 * kMargin;
constexpr int kMinWidth = 480;  // room for the status line
constexpr PreviewSize kLargestPreview{1280, 960};

bool has_display() {
  const char* x11 = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  return (x11 && *x11) || (wayland && *wayland);
}
}  // namespace

SdlDisplay::~SdlDisplay() {
  if (window_) SDL_DestroyWindow(window_);
  SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

PreviewSize SdlDisplay::open(int frame_width, int frame_height) {
  if (!has_display())
    throw UsageError(
        "--view needs a display, and DISPLAY and WAYLAND_DISPLAY are not set (try --view "
        "terminal)");
  // rtcli's own signal thread handles SIGINT and SIGTERM (system/interrupt.h).
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  // The window's surface in plain memory: no OpenGL, whose software driver (llvmpipe) would map
  // a hundred megabytes and start threads that compete with the render's workers.
  SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0)
    throw UsageError(std::string("--view cannot open a window: ") + SDL_GetError());
  // Fit the screen's usable area, leaving room for the status strip and window borders.
  PreviewSize limit = kLargestPreview;
  SDL_Rect usable{};
  if (SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w > 0 && usable.h > 0)
    limit = {std::min(limit.width, usable.w - 2 * kMargin),
             std::min(limit.height, usable.h - kStatusHeight - 4 * kMargin)};
  preview_ =
      fit_preview(frame_width, frame_height, {std::max(1, limit.width), std::max(1, limit.height)});
  width_ = std::max(preview_.width, kMinWidth);
  height_ = preview_.height + kStatusHeight;
  window_ = SDL_CreateWindow("rtcli render", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width_,
                             height_, 0);
  if (!window_) throw UsageError(std::string("--view cannot open a window: ") + SDL_GetError());
  canvas_.assign(static_cast<std::size_t>(width_) * height_ * 3, 0);
  return preview_;
}

void SdlDisplay::show(const std::vector<std::uint8_t>& rgb, const std::string& status) {
  // The preview centred in the top part, the status on a dark strip below.
  std::fill(canvas_.begin(), canvas_.end(), 24);
  const int left = (width_ - preview_.width) / 2;
  const std::size_t row_bytes = static_cast<std::size_t>(preview_.width) * 3;
  for (int y = 0; y < preview_.height; ++y)
    std::memcpy(canvas_.data() + (static_cast<std::size_t>(y) * width_ + left) * 3,
                rgb.data() + row_bytes * y, row_bytes);
  const std::uint8_t text_colour[3] = {230, 230, 230};
  draw_text(canvas_.data(), width_, height_, kMargin, preview_.height + kMargin, status, kTextScale,
            text_colour);
  SDL_SetWindowTitle(window_, ("rtcli render  " + status).c_str());

  SDL_Surface* target = SDL_GetWindowSurface(window_);
  SDL_Surface* source = SDL_CreateRGBSurfaceWithFormatFrom(canvas_.data(), width_, height_, 24,
                                                           width_ * 3, SDL_PIXELFORMAT_RGB24);
  if (!target || !source) {  // a view that cannot draw leaves the render alone
    if (source) SDL_FreeSurface(source);
    return;
  }
  SDL_BlitSurface(source, nullptr, target, nullptr);
  SDL_FreeSurface(source);
  SDL_UpdateWindowSurface(window_);
}

bool SdlDisplay::wait_for_close(int milliseconds) {
  SDL_Event event;
  if (!SDL_WaitEventTimeout(&event, milliseconds)) return false;
  do {
    if (event.type == SDL_QUIT) return true;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE) return true;
    if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_ESCAPE) return true;
    // Exposed again after being covered: the next show() redraws it.
  } while (SDL_PollEvent(&event));
  return false;
}

}  // namespace rtcli::view

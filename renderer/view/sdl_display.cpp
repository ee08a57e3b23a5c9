#include "view/sdl_display.h"

#include <SDL.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>

#include "system/errors.h"
#include "view/status_font.h"

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
  status_.assign(static_cast<std::size_t>(width_) * kStatusHeight * 3, 0);
  return preview_;
}

namespace {
// Copies RGB rows into the window surface's own pixel format at (x, y).
void put_rgb(SDL_Surface* target, int x, int y, int width, int rows, const std::uint8_t* rgb) {
  auto* pixels = static_cast<std::uint8_t*>(target->pixels) +
                 static_cast<std::ptrdiff_t>(y) * target->pitch +
                 static_cast<std::ptrdiff_t>(x) * target->format->BytesPerPixel;
  SDL_ConvertPixels(width, rows, SDL_PIXELFORMAT_RGB24, rgb, width * 3, target->format->format,
                    pixels, target->pitch);
}
}  // namespace

void SdlDisplay::show(const std::vector<std::uint8_t>& rgb, RowSpan changed,
                      const std::string& status) {
  SDL_SetWindowTitle(window_, ("rtcli render  " + status).c_str());
  SDL_Surface* target = SDL_GetWindowSurface(window_);
  if (!target || (SDL_MUSTLOCK(target) && SDL_LockSurface(target) != 0))
    return;  // a view that cannot draw leaves the render alone
  // The preview centred in the top part, the status on a dark strip below.
  const int left = (width_ - preview_.width) / 2;
  const bool whole = !painted_;
  if (whole) {
    SDL_FillRect(target, nullptr, SDL_MapRGB(target->format, 24, 24, 24));
    changed = {0, preview_.height};
  }
  if (!changed.empty())
    put_rgb(target, left, changed.first, preview_.width, changed.end - changed.first,
            rgb.data() + static_cast<std::size_t>(preview_.width) * 3 * changed.first);
  std::fill(status_.begin(), status_.end(), 24);
  const std::uint8_t text_colour[3] = {230, 230, 230};
  draw_text(status_.data(), width_, kStatusHeight, kMargin, kMargin, status, kTextScale,
            text_colour);
  put_rgb(target, 0, preview_.height, width_, kStatusHeight, status_.data());
  if (SDL_MUSTLOCK(target)) SDL_UnlockSurface(target);

  if (whole || exposed_) {
    SDL_UpdateWindowSurface(window_);
  } else {
    SDL_Rect rects[2] = {{0, preview_.height, width_, kStatusHeight},
                         {left, changed.first, preview_.width, changed.end - changed.first}};
    SDL_UpdateWindowSurfaceRects(window_, rects, changed.empty() ? 1 : 2);
  }
  painted_ = true;
  exposed_ = false;
}

bool SdlDisplay::wait_for_close(int milliseconds) {
  SDL_Event event;
  if (!SDL_WaitEventTimeout(&event, milliseconds)) return false;
  do {
    if (event.type == SDL_QUIT) return true;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE) return true;
    if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_ESCAPE) return true;
    // Shown again after being covered: the next show() sends the whole surface.
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_EXPOSED)
      exposed_ = true;
  } while (SDL_PollEvent(&event));
  return false;
}

}  // namespace rtcli::view

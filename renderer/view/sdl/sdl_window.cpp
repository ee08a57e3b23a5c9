// The live view's window through SDL2 (view/window.h), built as librtcli_sdl.so.
#include <SDL.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "view/window.h"

namespace rtcli::view {
namespace {

bool is_set(const char* variable) {
  const char* value = std::getenv(variable);
  return value && *value;
}

class SdlWindow : public Window {
 public:
  ~SdlWindow() override {
    if (window_) SDL_DestroyWindow(window_);
    if (started_) SDL_QuitSubSystem(SDL_INIT_VIDEO);
  }

  std::string start(int& width, int& height) override {
    // rtcli's own signal thread handles SIGINT and SIGTERM (system/interrupt.h).
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    // The window's surface in plain memory: no OpenGL, whose software driver (llvmpipe) would
    // map a hundred megabytes and start threads that compete with the render's workers.
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    // Only the drivers of the displays the environment names: SDL would otherwise try Wayland
    // with no compositor (a stray line on stderr), then fall back to a driver that shows
    // nothing (offscreen), where the view would wait for an Esc no one can press.
    std::string drivers;
    if (is_set("WAYLAND_DISPLAY")) drivers = "wayland";
    if (is_set("DISPLAY")) drivers += drivers.empty() ? "x11" : ",x11";
    SDL_SetHint(SDL_HINT_VIDEODRIVER, drivers.c_str());
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) return SDL_GetError();
    started_ = true;
    SDL_Rect usable{};
    const bool known = SDL_GetDisplayUsableBounds(0, &usable) == 0;
    width = known ? usable.w : 0;
    height = known ? usable.h : 0;
    return {};
  }

  std::string open(int width, int height, std::uint8_t grey) override {
    window_ = SDL_CreateWindow("rtcli render", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                               width, height, 0);
    if (!window_) return SDL_GetError();
    grey_ = grey;
    return {};
  }

  // The title goes after the pixels it describes: a title that says "done" is seen only once
  // the final rows are on the X server (SDL's update waits for it to take them).
  bool show(const std::string& title, const std::vector<Rows>& pieces) override {
    SDL_Surface* target = SDL_GetWindowSurface(window_);
    if (!target || (SDL_MUSTLOCK(target) && SDL_LockSurface(target) != 0)) {
      SDL_SetWindowTitle(window_, title.c_str());
      return false;  // a view that cannot draw leaves the render alone
    }
    const bool whole = !painted_ || !same_surface(target);
    surface_ = target;
    surface_pixels_ = target->pixels;
    if (whole) SDL_FillRect(target, nullptr, SDL_MapRGB(target->format, grey_, grey_, grey_));
    for (const Rows& piece : pieces) put_rgb(target, piece);
    if (SDL_MUSTLOCK(target)) SDL_UnlockSurface(target);

    if (whole || exposed_) {
      SDL_UpdateWindowSurface(window_);
    } else {
      std::vector<SDL_Rect> rects;
      for (const Rows& piece : pieces)
        if (piece.rows > 0) rects.push_back({piece.x, piece.y, piece.width, piece.rows});
      SDL_UpdateWindowSurfaceRects(window_, rects.data(), static_cast<int>(rects.size()));
    }
    SDL_SetWindowTitle(window_, title.c_str());
    painted_ = true;
    exposed_ = false;
    return true;
  }

  bool lost_contents() override { return !painted_ || SDL_GetWindowSurface(window_) != surface_; }

  bool damaged() override { return exposed_ || lost_contents(); }

  bool wait_for_close(int milliseconds) override {
    SDL_Event event;
    if (!SDL_WaitEventTimeout(&event, milliseconds)) return false;
    do {
      if (event.type == SDL_QUIT) return true;
      if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE) return true;
      if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_ESCAPE) return true;
      // Shown again after being covered: the next show() sends the whole surface. Resized: SDL
      // makes the surface anew, and every row must be put on it again.
      if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_EXPOSED)
        exposed_ = true;
      if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
        painted_ = false;
    } while (SDL_PollEvent(&event));
    return false;
  }

 private:
  // SDL makes the window's surface anew after a size change, black. A new surface at the old
  // addresses is still caught: its size-change event clears painted_ (wait_for_close).
  bool same_surface(const SDL_Surface* target) const {
    return target == surface_ && target && target->pixels == surface_pixels_;
  }

  // Copies RGB rows into the window surface's own pixel format.
  static void put_rgb(SDL_Surface* target, const Rows& piece) {
    if (piece.rows <= 0) return;
    auto* pixels = static_cast<std::uint8_t*>(target->pixels) +
                   static_cast<std::ptrdiff_t>(piece.y) * target->pitch +
                   static_cast<std::ptrdiff_t>(piece.x) * target->format->BytesPerPixel;
    SDL_ConvertPixels(piece.width, piece.rows, SDL_PIXELFORMAT_RGB24, piece.rgb, piece.width * 3,
                      target->format->format, pixels, target->pitch);
  }

  bool started_ = false;
  SDL_Window* window_ = nullptr;
  std::uint8_t grey_ = 0;
  SDL_Surface* surface_ = nullptr;  // the surface painted last
  void* surface_pixels_ = nullptr;  // and its pixels
  bool painted_ = false;            // the window surface holds the whole picture
  bool exposed_ = false;            // the screen lost the window's contents: send it all
};

}  // namespace
}  // namespace rtcli::view

extern "C" __attribute__((visibility("default"))) rtcli::view::Window* rtcli_sdl_window() {
  return new rtcli::view::SdlWindow();
}

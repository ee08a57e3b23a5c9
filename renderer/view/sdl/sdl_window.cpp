// The live view's window through SDL2 (view/window.h), built as librtcli_sdl.so.
#include <SDL.h>

#include <cstdint>
#include <cstdlib>
#include <string>

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

  std::string open(int width, int height) override {
    window_ = SDL_CreateWindow("rtcli render", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                               width, height, 0);
    if (!window_) return SDL_GetError();
    width_ = width;
    height_ = height;
    return {};
  }

  void show(const std::uint8_t* rgb, const std::string& title) override {
    SDL_SetWindowTitle(window_, title.c_str());
    SDL_Surface* target = SDL_GetWindowSurface(window_);
    // SDL takes a non-const pointer but only reads a surface that is blitted from.
    SDL_Surface* source = SDL_CreateRGBSurfaceWithFormatFrom(
        const_cast<std::uint8_t*>(rgb), width_, height_, 24, width_ * 3, SDL_PIXELFORMAT_RGB24);
    if (!target || !source) {  // a view that cannot draw leaves the render alone
      if (source) SDL_FreeSurface(source);
      return;
    }
    SDL_BlitSurface(source, nullptr, target, nullptr);
    SDL_FreeSurface(source);
    SDL_UpdateWindowSurface(window_);
  }

  bool wait_for_close(int milliseconds) override {
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

 private:
  bool started_ = false;
  SDL_Window* window_ = nullptr;
  int width_ = 0;
  int height_ = 0;
};

}  // namespace
}  // namespace rtcli::view

extern "C" __attribute__((visibility("default"))) rtcli::view::Window* rtcli_sdl_window() {
  return new rtcli::view::SdlWindow();
}

// What SdlDisplay needs from SDL2, as an interface. Its one implementation, sdl/sdl_window.cpp,
// is a separate shared module (librtcli_sdl.so) that rtcli loads only when a window is asked
// for: a render without one maps none of SDL2's libraries (X11, Wayland, sound, D-Bus), which
// would add some 5 MB to every run's resident memory.
#pragma once

#include <cstdint>
#include <string>

namespace rtcli::view {

// Every call from one thread (the view's). Methods report failure by their return value, not
// by exceptions across the module boundary.
class Window {
 public:
  virtual ~Window() = default;  // closes the window
  // Starts the video subsystem: an empty string on success, else why it could not. The
  // screen's usable area into `width` and `height` when known, else both 0.
  virtual std::string start(int& width, int& height) = 0;
  // Opens the window at width x height: an empty string on success, else why it could not.
  virtual std::string open(int width, int height) = 0;
  // Shows `rgb` (RGB, the window's width x height) and sets the title.
  virtual void show(const std::uint8_t* rgb, const std::string& title) = 0;
  // Waits at most `milliseconds` for the user; true when they asked to close (Esc, the
  // window's close button).
  virtual bool wait_for_close(int milliseconds) = 0;
};

// The module's one exported symbol: a new Window, deleted by the caller.
extern "C" using WindowEntry = Window * (*)();
inline constexpr const char* kWindowEntryName = "rtcli_sdl_window";

}  // namespace rtcli::view

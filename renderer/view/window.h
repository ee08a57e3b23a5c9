// What SdlDisplay needs from SDL2, as an interface. Its one implementation, sdl/sdl_window.cpp,
// is a separate shared module (librtcli_sdl.so) that rtcli loads only when a window is asked
// for: a render without one maps none of SDL2's libraries (X11, Wayland, sound, D-Bus), which
// would add some 5 MB to every run's resident memory.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rtcli::view {

// Every call from one thread (the view's). Methods report failure by their return value, not
// by exceptions across the module boundary.
class Window {
 public:
  // RGB rows to put at (x, y) in the window, `width` pixels each.
  struct Rows {
    int x = 0;
    int y = 0;
    int width = 0;
    int rows = 0;
    const std::uint8_t* rgb = nullptr;
  };

  virtual ~Window() = default;  // closes the window
  // Starts the video subsystem: an empty string on success, else why it could not. The
  // screen's usable area into `width` and `height` when known, else both 0.
  virtual std::string start(int& width, int& height) = 0;
  // Opens the window at width x height, `grey` where nothing is drawn: an empty string on
  // success, else why it could not.
  virtual std::string open(int width, int height, std::uint8_t grey) = 0;
  // Sets the title and puts `pieces` on screen: only those, or the whole window when nothing
  // was painted yet or the screen lost the window's contents (covered, then shown again).
  // False when the window could not be drawn (nothing is painted then).
  virtual bool show(const std::string& title, const std::vector<Rows>& pieces) = 0;
  // Whether the window's own copy of the picture is gone (never painted, or its surface made
  // anew, as after a size change): the next show() must carry every row.
  virtual bool lost_contents() = 0;
  // Whether the screen lacks part of the picture (lost_contents, or exposed after being
  // covered): the next show() should come now, not when a redraw is due.
  virtual bool damaged() = 0;
  // Waits at most `milliseconds` for the user; true when they asked to close (Esc, the
  // window's close button).
  virtual bool wait_for_close(int milliseconds) = 0;
};

// The module's one exported symbol: a new Window, deleted by the caller.
extern "C" using WindowEntry = Window * (*)();
inline constexpr const char* kWindowEntryName = "rtcli_sdl_window";

}  // namespace rtcli::view

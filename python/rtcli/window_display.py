"""Opening the display for rtcli.window, and the events that close its window."""

import os
import signal


class NoDisplay(Exception):
    """There is no display to open a window on; the message says why, in one line."""


class WindowClosed(Exception):
    """The user closed the window or pressed Esc."""


# SDL falls back to these when it finds no display: windows nobody can see.
INVISIBLE_DRIVERS = ("offscreen", "dummy")


def open_display():
    """pygame, with its display initialised on X11 or Wayland; NoDisplay when there is none."""
    drivers = [name for name, variable in (("x11", "DISPLAY"), ("wayland", "WAYLAND_DISPLAY"))
               if os.environ.get(variable)]
    if not drivers:
        raise NoDisplay("no display to open a window on: DISPLAY and WAYLAND_DISPLAY are unset")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    # Only the drivers whose display is named, so that a display that cannot be opened fails
    # here instead of SDL quietly choosing an invisible one.
    os.environ.setdefault("SDL_VIDEODRIVER", ",".join(drivers))
    os.environ.setdefault("SDL_VIDEO_X11_WMCLASS", "rtcli")  # how scripts find the window
    import pygame

    try:
        pygame.display.init()
    except pygame.error as e:
        raise NoDisplay(f"cannot open the display ({e})") from None
    driver = pygame.display.get_driver()
    if driver in INVISIBLE_DRIVERS:
        pygame.display.quit()
        raise NoDisplay(f"no display to open a window on (SDL's video driver is {driver})")
    return pygame


class _Interrupts:
    seen = False


def catch_interrupts():
    """Ctrl-C raises KeyboardInterrupt, and is remembered: should code between here and the
    next event check swallow the exception, that check raises it again."""
    def interrupted(_signal, _frame):
        _Interrupts.seen = True
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupted)


def handle_events(pygame):
    """Handle what has happened to the window; WindowClosed when it was closed or Esc pressed,
    KeyboardInterrupt after a Ctrl-C."""
    if _Interrupts.seen:
        raise KeyboardInterrupt
    for event in pygame.event.get():
        handle(pygame, event)


def handle(pygame, event):
    if event.type == pygame.QUIT or (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE):
        raise WindowClosed
    if event.type == pygame.WINDOWEXPOSED:  # uncovered: show the surface again
        pygame.display.flip()


def wait_for_close(pygame):
    """Keep the window until it is closed or Esc pressed (WindowClosed). Wakes every 100 ms so
    that Ctrl-C, which Python handles between bytecodes, stops it promptly."""
    while True:
        if _Interrupts.seen:
            raise KeyboardInterrupt
        event = pygame.event.wait(100)
        if event.type != pygame.NOEVENT:
            handle(pygame, event)

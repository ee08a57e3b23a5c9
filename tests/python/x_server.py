"""A private X server for the tests of windows (Xvfb), and what they do with it: find a window,
press a key, take a screenshot. Debian's xvfb, xdotool and imagemagick (scripts/setup.sh)."""

import os
import shutil
import subprocess

import numpy
import pytest
from PIL import Image

TOOLS = ("Xvfb", "xdotool", "import")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
SKIP_REASON = f"{', '.join(MISSING)} not installed (scripts/setup.sh installs them)"
TIMEOUT = 240  # seconds on a loaded machine; the tests wait for events, not for this


def pixels(path):
    """An image file's pixels, (height, width, 3) uint8."""
    with Image.open(path) as image:
        return numpy.asarray(image.convert("RGB"))


def private_display():
    """Yields ":N" of a new Xvfb. Xvfb chooses a free display number and writes it to the pipe
    once it accepts clients, so reading the number is waiting for the server to be ready."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1920x1080x24",
                               "-nolisten", "tcp"], pass_fds=(write_end,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as f:
        number = f.readline().strip()
    if not number:
        server.wait()
        pytest.fail(f"Xvfb ended (exit code {server.returncode}) without opening a display")
    yield f":{number}"
    server.terminate()
    server.wait()


def xdotool(display, *args):
    """xdotool's words on stdout. A search is asked again when it died of BadWindow: Debian 12's
    xdotool (3.20160805) ends on the first window destroyed while it looks at it, such as an
    earlier test's window the server is still removing (fixed upstream in 2021)."""
    while True:
        done = subprocess.run(["xdotool", *args], env=dict(os.environ, DISPLAY=display),
                              capture_output=True, text=True, timeout=TIMEOUT, check=False)
        if done.returncode == 0:
            return done.stdout.split()
        if args[0] != "search" or "BadWindow" not in done.stderr:
            raise AssertionError(f"xdotool {' '.join(args)}: exit {done.returncode}: {done.stderr.strip()}")


def find_window(display, process):
    """The process's window, once it is shown (focus needs it mapped): by its process id, never
    a window of an earlier run the server has not removed yet."""
    (window,) = xdotool(display, "search", "--sync", "--onlyvisible", "--pid", str(process.pid))
    return window


def press_escape(display, window):
    """Esc, sent to the window itself: no focus needed (an X server without a window manager may
    never give it), and SDL takes a sent key as a typed one. The press alone: the window acts on
    it and may be gone before a release could reach it."""
    xdotool(display, "keydown", "--window", window, "Escape")


def screenshot(display, window, path):
    subprocess.run(["import", "-display", display, "-window", window, f"png24:{path}"], check=True,
                   timeout=TIMEOUT, capture_output=True)
    return pixels(path)

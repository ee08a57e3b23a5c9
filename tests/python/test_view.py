"""rtcli render --view: the window under a private X server shows the final frame exactly as the
preview samples it, closing it mid-render means Ctrl-C, and a view with nowhere to draw is a
usage error before any file; SDL2 is loaded by a window alone. --view terminal: a truecolor preview in a tmux pane, refused when
stdout is not a terminal."""

import json
import os
import re
import shutil
import subprocess
import time

import helpers
import numpy
import pytest
import x_server

pytestmark = pytest.mark.skipif(bool(x_server.MISSING), reason=x_server.SKIP_REASON)
STATUS_HEIGHT = 26  # the window's status strip under the preview (renderer/view/sdl_display.cpp)
SAMPLES = 2  # per preview pixel along each axis (renderer/view/preview.h)


@pytest.fixture(scope="module")
def display():
    yield from x_server.private_display()


def view_env(display):
    env = helpers.binary_env()
    # In the sanitizer build: SDL2 loads the X11 and D-Bus client libraries at run time and unloads
    # them at exit, leaving their buffers unfreed and unnamed; LeakSanitizer cannot tell those from
    # rtcli's, so it does not judge these runs (every other test's runs still are).
    if "ASAN_OPTIONS" in env:
        env["ASAN_OPTIONS"] += ":detect_leaks=0"
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("DISPLAY", None)
    if display:
        env["DISPLAY"] = display
    return env


def start(display, *args):
    return subprocess.Popen([helpers.RTCLI, "render", "--view", *map(str, args)], env=view_env(display),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def positions(cells, extent):
    """Each preview cell's sample columns (or rows), as the preview takes them."""
    out = []
    for cell in range(cells):
        begin, end = cell * extent / cells, (cell + 1) * extent / cells
        out.append([min(max(int(begin + (end - begin) * (s + 0.5) / SAMPLES), 0), extent - 1)
                    for s in range(SAMPLES)])
    return numpy.array(out)


def preview_of(frame, width, height):
    """The frame scaled down as the preview does: two samples a pixel across, averaged and rounded,
    then two such rows, averaged and rounded."""
    xs, ys = positions(width, frame.shape[1]), positions(height, frame.shape[0])
    rows = frame.astype(numpy.int32)[ys.reshape(-1)]  # (height * SAMPLES, W, 3)
    across = (rows[:, xs[:, 0]] + rows[:, xs[:, 1]] + 1) // 2  # (height * SAMPLES, width, 3)
    pairs = across.reshape(height, SAMPLES, width, 3)
    return ((pairs[:, 0] + pairs[:, 1] + 1) // 2).astype(numpy.uint8)


@pytest.mark.parametrize("size", ["800x600", "1600x900"])
def test_the_window_shows_the_final_frame_as_the_preview_samples_it(display, size, tmp_path):
    out = tmp_path / "frames"
    render = start(display, "--scene", os.path.join(helpers.ROOT, "profiles", "showcase.json"),
                   "--size", size, "--out", out)
    # The title carries the status line: "done" once the final frame is drawn.
    (window,) = x_server.xdotool(display, "search", "--sync", "--onlyvisible", "--name", "done in")
    shown = x_server.screenshot(display, window, tmp_path / "window.png")
    x_server.press_escape(display, window)
    _, err = render.communicate(timeout=x_server.TIMEOUT)
    assert render.returncode == 0, err
    final = x_server.pixels(out / "final.png")
    height = shown.shape[0] - STATUS_HEIGHT
    width = round(final.shape[1] * height / final.shape[0])
    left = (shown.shape[1] - width) // 2
    expected = final if final.shape[:2] == (height, width) else preview_of(final, width, height)
    assert numpy.array_equal(shown[:height, left:left + width], expected)


def test_closing_the_window_mid_render_stops_it_as_ctrl_c_does(display, tmp_path):
    # 25 spheres under 20,000 lights: seconds a frame, so the render is still going when Esc comes.
    scene = {"spheres": [{"centre": [1 + 1.5 * (i % 5), 1 + 1.2 * (i // 5), 10], "radius": 0.5}
                         for i in range(25)],
             "lights": [{"position": [i % 200 * 0.04, i // 200 * 0.06, -5], "intensity": 0.0001}
                        for i in range(20000)]}
    (tmp_path / "slow.json").write_text(json.dumps(scene))
    out = tmp_path / "frames"
    render = start(display, "--scene", tmp_path / "slow.json", "--size", "400x300", "--out", out)
    window = x_server.find_window(display, render)
    x_server.press_escape(display, window)
    _, err = render.communicate(timeout=x_server.TIMEOUT)
    assert render.returncode == 130, err
    left = os.listdir(out) if out.exists() else []
    assert "final.png" not in left
    for name in left:  # whole checkpoint frames only: no temporaries
        assert not name.startswith(".") and x_server.pixels(out / name).shape == (300, 400, 3), name


@pytest.mark.parametrize("args", [["--view"], ["--view", "window"]])
def test_no_display_is_one_line_and_exit_2_before_any_file(args, tmp_path):
    done = subprocess.run([helpers.RTCLI, "render", *args, "--out", tmp_path / "frames"], env=view_env(None),
                          capture_output=True, text=True, timeout=x_server.TIMEOUT, check=False)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "display" in done.stderr, done.stderr
    assert not (tmp_path / "frames").exists()


def test_a_display_that_does_not_answer_is_one_line_and_exit_2_before_any_file(tmp_path):
    # Not a window nobody sees (SDL's offscreen driver), waiting for an Esc no one can press.
    env = view_env(None)
    env["DISPLAY"] = ":65000"  # no X server there: no socket /tmp/.X11-unix/X65000
    done = subprocess.run([helpers.RTCLI, "render", "--view", "--out", tmp_path / "frames"], env=env,
                          capture_output=True, text=True, timeout=x_server.TIMEOUT, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith("rtcli: error: --view cannot open a window: "), done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert not (tmp_path / "frames").exists()


def test_a_render_without_a_window_maps_no_sdl_library():
    # SDL2 and the forty-odd libraries it links live in the window's module, loaded by --view only.
    env = {**helpers.binary_env(), "LD_TRACE_LOADED_OBJECTS": "1"}
    done = subprocess.run([helpers.RTCLI], env=env, capture_output=True, text=True, timeout=x_server.TIMEOUT,
                          check=True)
    assert "libtbb" in done.stdout, done.stdout  # the loader did list the libraries
    assert "SDL" not in done.stdout, done.stdout


def test_without_its_window_module_the_view_is_one_line_and_exit_1_before_any_file(tmp_path):
    alone = tmp_path / "bin" / "rtcli"  # nothing beside it, and no ../lib/rtcli
    alone.parent.mkdir()
    shutil.copy(helpers.RTCLI, alone)
    done = subprocess.run([alone, "render", "--view", "--out", tmp_path / "frames"], env=view_env(":99"),
                          capture_output=True, text=True, timeout=x_server.TIMEOUT, check=False)
    assert done.returncode == 1
    assert done.stderr.startswith("rtcli: error: --view cannot load its window support: "), done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert not (tmp_path / "frames").exists()


def test_terminal_view_needs_a_terminal(tmp_path):
    done = subprocess.run([helpers.RTCLI, "render", "--view", "terminal", "--out", tmp_path / "frames"],
                          capture_output=True, text=True, timeout=x_server.TIMEOUT, check=False)
    assert done.returncode == 2
    assert done.stderr == "rtcli: error: --view terminal needs standard output to be a terminal\n"
    assert not (tmp_path / "frames").exists()


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux not installed (scripts/setup.sh installs it)")
def test_terminal_view_draws_the_frames_colours_in_a_tmux_pane(tmp_path):
    server = f"rtcli-view-{os.getpid()}"
    out = tmp_path / "frames"
    command = f"COLORTERM=truecolor {helpers.RTCLI} render --view terminal --out {out}; echo exited $?; sleep 600"
    tmux = ["tmux", "-L", server]
    subprocess.run([*tmux, "new-session", "-d", "-x", "100", "-y", "40", command], check=True,
                   timeout=x_server.TIMEOUT)
    try:
        screen = ""
        deadline = time.monotonic() + x_server.TIMEOUT
        while "exited" not in screen:  # the pane's text, until the render has ended
            assert time.monotonic() < deadline, screen
            screen = subprocess.run([*tmux, "capture-pane", "-p", "-e"], capture_output=True, text=True,
                                    check=True).stdout
            time.sleep(0.05)
    finally:
        subprocess.run([*tmux, "kill-server"], check=False)
    assert "exited 0" in screen and "done in" in screen, screen
    colours = {tuple(map(int, m)) for m in re.findall(r"\x1b\[(?:38|48);2;(\d+);(\d+);(\d+)m", screen)}
    assert (out / "final.png").exists()
    assert (100, 100, 100) in colours  # the seed's background
    assert any(c[0] > 30 and c[1:] == (0, 0) for c in colours), colours  # its red sphere

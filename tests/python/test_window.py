"""python -m rtcli.window under a private X server (Xvfb): every mode's saved frames and window
are the seed's pixels, --race shows both frames whole with their times, and closing, Esc, Ctrl-C,
no display and bad arguments each end it cleanly, with no partial files and no processes left.
Screenshots come from ImageMagick's import; keys from xdotool."""

import os
import select
import signal
import subprocess
import sys
import time

import helpers
import numpy
import pytest
import x_server

pytestmark = [pytest.mark.skipif(helpers.MODULE_DIR == "", reason=helpers.MODULE_SKIP),
              pytest.mark.skipif(bool(x_server.MISSING), reason=x_server.SKIP_REASON)]
helpers.import_rtcli()
from rtcli.talk_program import MODES
from rtcli.window_race import CANVAS, HEIGHT, LEFT, STRIP_COLOUR, WIDTH

STEPS = ("0", "1000", "2000", "3000")


def seed(step):
    path = os.path.join(helpers.SEED_DIR, f"{step}.png")
    if not os.path.exists(path):
        pytest.skip(f"no seed frames beside the project ({path} is missing)")
    return x_server.pixels(path)


@pytest.fixture(scope="module")
def display():
    yield from x_server.private_display()


def window_env(display):
    env = helpers.module_env()
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("SDL_VIDEODRIVER", None)
    if display is None:
        env.pop("DISPLAY", None)
    else:
        env["DISPLAY"] = display
    return env


def start(display, *args):
    """python -m rtcli.window in a session of its own, so that every process it starts can be
    found (and none must be left) after it ends. With faulthandler on, in its race's processes too,
    so that SIGABRT prints where each waits."""
    return subprocess.Popen([sys.executable, "-X", "faulthandler", "-m", "rtcli.window", *map(str, args)],
                            env=window_env(display),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def run(display, *args):
    return subprocess.run([sys.executable, "-m", "rtcli.window", *map(str, args)], check=False, env=window_env(display),
                          capture_output=True, text=True, timeout=x_server.TIMEOUT)


def hung(process, waiting_for):
    """Fails the test with every process's Python stack (faulthandler prints them on SIGABRT)."""
    for pid in session_processes(process.pid):
        os.kill(pid, signal.SIGABRT)
    out, err = process.communicate()
    pytest.fail(f"no {waiting_for} after {x_server.TIMEOUT} s; stdout: {out!r}; stacks:\n{err}")


def first_line(process):
    """The run's first line on stdout, which it prints when its frame is done."""
    if not select.select([process.stdout], [], [], x_server.TIMEOUT)[0]:
        hung(process, "line on stdout")
    return process.stdout.readline()


def finish(process):
    """Exit code, stdout and stderr of an ended run; then, that it left no process behind."""
    try:
        out, err = process.communicate(timeout=x_server.TIMEOUT)
    except subprocess.TimeoutExpired:
        hung(process, "exit")
    assert_session_empty(process.pid)
    return process.returncode, out, err


def assert_session_empty(session):
    """Every process of the run's session ends (the resource tracker multiprocessing starts
    ends once its parent has): none is left computing."""
    deadline = time.monotonic() + 60
    while left := session_processes(session):
        assert time.monotonic() < deadline, f"processes left running: {left}"
        time.sleep(0.05)


def session_processes(session):
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended while being read
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(int(pid))
    return found


def saved_frames(folder):
    return sorted(os.listdir(folder), key=lambda name: (len(name), name))


@pytest.mark.parametrize("mode", MODES)
def test_each_mode_saves_the_seeds_frames_and_ends_showing_the_whole_frame(display, mode, tmp_path):
    expected = {step: seed(step) for step in STEPS}
    window = start(display, "--mode", mode, "--out", tmp_path / "frames")
    done = first_line(window)  # the window stays
    assert f"{mode}: 800x600 in " in done and "press Esc" in done, window.stderr.read()
    shown = x_server.screenshot(display, x_server.find_window(display, window), tmp_path / "screen.png")
    assert shown.shape == (600, 800, 3)
    assert numpy.array_equal(shown, expected["3000"])
    x_server.press_escape(display, x_server.find_window(display, window))
    code, _, err = finish(window)
    assert (code, err) == (0, "")
    assert saved_frames(tmp_path / "frames") == [f"{step}.png" for step in STEPS]
    for step in STEPS:
        assert numpy.array_equal(x_server.pixels(tmp_path / "frames" / f"{step}.png"), expected[step]), step


def test_close_ends_it_when_the_frame_is_done(display, tmp_path):
    expected = seed("3000")
    done = run(display, "--mode", "native-frame", "--out", tmp_path, "--close")
    assert (done.returncode, done.stderr) == (0, "")
    assert "native-frame: 800x600 in " in done.stdout and "Esc" not in done.stdout
    assert numpy.array_equal(x_server.pixels(tmp_path / "3000.png"), expected)


def test_a_race_shows_both_frames_whole_and_the_time_each_took(display, tmp_path):
    expected = seed("3000")
    window = start(display, "--race", "python,native-objects")
    done = first_line(window)  # printed when both sides are done
    assert "python: " in done and "native-objects: " in done and " s CPU" in done, window.stderr.read()
    shown = x_server.screenshot(display, x_server.find_window(display, window), tmp_path / "race.png")
    assert shown.shape == (CANVAS[1], CANVAS[0], 3)
    for x in LEFT:
        assert numpy.array_equal(shown[:HEIGHT, x:x + WIDTH], expected), x
        strip = shown[HEIGHT:, x:x + WIDTH]
        assert (strip != STRIP_COLOUR).any(axis=2).sum() > 200, "no time written under a half"
    x_server.press_escape(display, x_server.find_window(display, window))
    assert finish(window)[:2] == (0, "")


def test_esc_during_a_race_stops_both_processes(display):
    window = start(display, "--race", "python,native-vectors")
    x_server.press_escape(display, x_server.find_window(display, window))
    code, _, err = finish(window)  # and no process of the race is left
    assert (code, err) == (0, "")


def test_esc_while_drawing_leaves_only_whole_frames(display, tmp_path):
    window = start(display, "--mode", "native-vectors", "--out", tmp_path)
    x_server.press_escape(display, x_server.find_window(display, window))
    code, _, err = finish(window)
    assert (code, err) == (0, "")
    names = saved_frames(tmp_path)
    assert names == [f"{step}.png" for step in STEPS[:len(names)]]  # no temporary files
    for name in names:
        assert numpy.array_equal(x_server.pixels(tmp_path / name), seed(name[:-4])), name


@pytest.mark.parametrize("args", [("--mode", "python"), ("--race", "python,native-frame")])
def test_ctrl_c_stops_it_with_130(display, tmp_path, args):
    window = start(display, *args, *(("--out", tmp_path) if args[0] == "--mode" else ()))
    x_server.find_window(display, window)
    os.killpg(window.pid, signal.SIGINT)  # as the terminal does: the whole process group
    code, _, err = finish(window)
    assert (code, err) == (130, "")
    assert all(not name.startswith(".") for name in os.listdir(tmp_path))


def loaded_sdl(window):
    with open(f"/proc/{window.pid}/maps", encoding="utf-8") as f:
        return "libSDL2" in f.read()


def started_a_process(window):
    return len(session_processes(window.pid)) > 1  # multiprocessing's resource tracker, then the sides


@pytest.mark.parametrize("started", [loaded_sdl, started_a_process])  # opening the display; the race's start
def test_ctrl_c_while_it_starts_is_130_without_a_traceback(display, started):
    window = start(display, "--race", "python,native-frame")
    while not started(window):
        assert window.poll() is None, window.communicate()
        time.sleep(0.001)
    os.killpg(window.pid, signal.SIGINT)
    code, out, err = finish(window)
    assert (code, out, err) == (130, "", "")


@pytest.mark.parametrize("display_name", [None, ":65000"])  # none named; one no server listens on
def test_no_display_is_one_line_and_exit_2_before_writing(display_name, tmp_path):
    done = run(display_name, "--out", tmp_path / "frames")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "display" in done.stderr, done.stderr
    assert done.stdout == ""
    assert not (tmp_path / "frames").exists()


@pytest.mark.parametrize("args", [("--mode", "fast"), ("--race", "python"), ("--race", "python,quick"),
                                  ("--race", "python,native-frame", "--mode", "python"),
                                  ("--race", "python,native-frame", "--out", "frames"), ("--size", "8x6")])
def test_bad_arguments_are_usage_errors(args, tmp_path):
    done = subprocess.run([sys.executable, "-m", "rtcli.window", *args], env=window_env(None), cwd=tmp_path,
                          capture_output=True, text=True, timeout=x_server.TIMEOUT, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith("python -m rtcli.window: error: "), done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert os.listdir(tmp_path) == []

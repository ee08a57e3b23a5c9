"""The package as a user gets it: `python -m build` makes an sdist and a wheel (the wheel built
from the sdist), the wheel installs into a fresh venv with no build tree around, and there it
renders the seed's frame pixel for pixel and puts a working rtcli command on the venv's PATH.
Minutes: a whole build (ctest labels it slow; ccache makes a second run quick)."""

import contextlib
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import zipfile

import helpers
import pytest
from helpers import read_png

SEED = os.path.join(helpers.SEED_DIR, "3000.png")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not os.path.exists(SEED), reason=f"no seed frame at {SEED} (../shared absent)")]


def pinned(name):
    """name==version as scripts/requirements.txt pins it."""
    with open(os.path.join(helpers.ROOT, "scripts", "requirements.txt"), encoding="utf-8") as f:
        return next(line.strip() for line in f if line.startswith(f"{name}=="))


def run(command, **kwargs):
    done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=3000, **kwargs)
    assert done.returncode == 0, f"{command}: {done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@contextlib.contextmanager
def temp_root_at_depth(depth):
    """A folder `depth` levels below / for temporary folders: /tmp itself at depth 1, else a new
    one in /tmp, removed afterwards."""
    if depth <= 1:
        yield "/tmp"
        return
    top = folder = tempfile.mkdtemp(dir="/tmp")
    try:
        for _ in range(depth - 2):
            folder = os.path.join(folder, "d")
            os.mkdir(folder)
        yield folder
    finally:
        shutil.rmtree(top)


def build_env(tmp_base):
    """The environment for building the package from its sdist: no PYTHONPATH, and ccache where
    there is one, with every path taken relative to the build folder. `python -m build` unpacks
    the sdist in a folder of TMPDIR; TMPDIR as deep as the project's parent makes that folder as
    deep as the project, so the paths match those of scripts/setup.sh's build (same compiler by
    name, same relative paths) and ccache serves the objects it compiled."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "LD_PRELOAD")}
    env.update(CXX=env.get("CXX", "c++"), TMPDIR=tmp_base)
    if shutil.which("ccache"):
        env.update(CMAKE_CXX_COMPILER_LAUNCHER="ccache", CCACHE_BASEDIR="/", CCACHE_NOHASHDIR="1")
    return env


def test_the_wheel_installs_into_a_fresh_venv_and_renders_the_seed(tmp_path):
    # build unpacks the sdist to TMPDIR/build-via-sdist-*/rtcli-VERSION: two levels below TMPDIR.
    project_depth = len(pathlib.Path(helpers.ROOT).resolve().parts) - 1
    with temp_root_at_depth(project_depth - 2) as tmp_base:
        check_the_wheel(tmp_path, build_env(tmp_base))


def check_the_wheel(tmp_path, env):
    # With the venv's build tools (no isolation: nothing downloaded).
    dist = tmp_path / "dist"
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), helpers.ROOT], env=env)
    sdists, wheels = sorted(dist.glob("rtcli-*.tar.gz")), sorted(dist.glob("rtcli-*.whl"))
    assert len(sdists) == 1 and len(wheels) == 1, os.listdir(dist)
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = wheel.namelist()
    for expected in ("rtcli/__init__.py", "rtcli/py.typed", "rtcli/_rtcli.pyi", "rtcli/talk.pyi"):
        assert expected in names
    assert any(n.startswith("rtcli/_rtcli.") and n.endswith(".so") for n in names)
    assert any(n.endswith(".data/scripts/rtcli") for n in names)
    assert any(n.endswith("/lib/rtcli/librtcli_sdl.so") and ".data/data/" in n for n in names), names

    # A fresh venv from the interpreter the project's venv was made from, in a folder with no
    # source or build tree; numpy from the index at the pinned version.
    venv = tmp_path / "venv"
    run([getattr(sys, "_base_executable", sys.executable), "-m", "venv", str(venv)], env=env)
    python = str(venv / "bin" / "python")
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--only-binary=:all:",
         str(wheels[0]), pinned("numpy")], env=env, cwd=tmp_path)
    frame = tmp_path / "frame.rgb"
    code = ("import os, sys, rtcli; assert not os.path.exists(os.path.join(os.path.dirname(rtcli.__file__), "
            "'..', 'CMakeLists.txt')); print(rtcli.__file__); open(sys.argv[1], 'wb').write(rtcli.render().tobytes())")
    done = run([python, "-c", code, str(frame)], env=env, cwd=tmp_path)
    assert done.stdout.startswith(str(venv)), done.stdout
    assert read_png(SEED) == (800, 600, frame.read_bytes())

    # The rtcli command, found on the venv's PATH.
    path_env = dict(env, PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}")
    assert shutil.which("rtcli", path=path_env["PATH"]) == str(venv / "bin" / "rtcli")
    version = run(["rtcli", "--version"], env=path_env, cwd=tmp_path).stdout
    assert version.startswith("rtcli ")
    run(["rtcli", "render", "--size", "800x600", "--checkpoints", "", "--quiet", "--out", str(tmp_path / "cli")],
        env=path_env, cwd=tmp_path)
    assert read_png(tmp_path / "cli" / "final.png") == read_png(SEED)
    # The window's module, found from the venv's bin: with a display that does not answer, --view
    # fails at opening the window (exit 2), not at loading the module (exit 1).
    view_env = {k: v for k, v in path_env.items() if k != "WAYLAND_DISPLAY"}
    view_env["DISPLAY"] = ":65000"
    done = subprocess.run(["rtcli", "render", "--view", "--out", str(tmp_path / "view")], env=view_env,
                          cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "--view cannot open a window" in done.stderr, done.stderr

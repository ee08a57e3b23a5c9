"""rtcli.render: checks its arguments, naming the bad one, then renders natively."""

from __future__ import annotations

import operator
import os
from collections.abc import Callable

import numpy

from . import _rtcli


def _integer(name: str, value: object) -> int:
    """value as an int, or TypeError naming the argument: bools and floats are not sizes."""
    if isinstance(value, bool):
        raise TypeError(f"{name}: expected an integer, got {value!r} (bool)")
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError(f"{name}: expected an integer, got {value!r} ({type(value).__name__})") from None


def _pair(name: str, value: object) -> tuple[int, int]:
    """A (width, height) pair of ints, or TypeError naming the argument."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or len(value) != 2:
        raise TypeError(f"{name}: expected a (width, height) pair, got {value!r}")
    return _integer(f"{name}[0]", value[0]), _integer(f"{name}[1]", value[1])


def _scene(scene: object) -> _rtcli.Scene | None:
    """A Scene, loading a path (str or os.PathLike); None stays None, the seed's scene."""
    if scene is None or isinstance(scene, _rtcli.Scene):
        return scene
    if isinstance(scene, (str, os.PathLike)):
        return _rtcli.load_scene(os.fsdecode(os.fspath(scene)))
    raise TypeError(f"scene: expected a path or an rtcli.Scene, got {scene!r} ({type(scene).__name__})")


def _check_out(out: object, width: int, height: int) -> None:
    """TypeError or ValueError unless out is a writable C-contiguous uint8 array (its shape is
    checked against size natively, after size itself)."""
    want = f"a C-contiguous uint8 numpy array of shape ({height}, {width}, 3)"
    if not isinstance(out, numpy.ndarray):
        raise TypeError(f"out: expected {want}, got {type(out).__name__}")
    if out.dtype != numpy.uint8:
        raise TypeError(f"out: expected {want}, got dtype {out.dtype}")
    if out.ndim != 3:
        raise ValueError(f"out: expected {want}, got shape {out.shape}")
    if not out.flags.c_contiguous:
        raise ValueError(f"out: expected {want}, got strides {out.strides}")
    if not out.flags.writeable:
        raise ValueError("out: the array is read-only")


def render(scene: str | os.PathLike[str] | _rtcli.Scene | None = None,
           size: tuple[int, int] = (800, 600),
           threads: int | None = None,
           out: numpy.ndarray | None = None,
           progress: Callable[[int, int], object] | None = None,
           *, tile: tuple[int, int] | None = None) -> numpy.ndarray:
    """Render one frame as `rtcli render` renders it: the same tiles, kernels and pixels.

    scene: a scene file (str or os.PathLike, read as `rtcli render --scene` reads it), a Scene,
        or None for the seed's scene.
    size: (width, height) in pixels, each 1..1048576.
    threads: worker threads, 1..1024, or None for one per logical core.
    out: a C-contiguous uint8 numpy array of shape (height, width, 3) to render into, so that no
        frame is allocated; it is returned. If the render stops early, out is left all black.
    progress: called as progress(rows_done, height) on the calling thread each time a band of
        rows is finished, in order, the last call with rows_done == height. If it raises, the
        render stops and the exception propagates.
    tile: (width, height) of a tile, default (4096, 16): full-row bands of 16 rows.

    Returns the frame, a (height, width, 3) uint8 array. The GIL is released while the workers
    render, the calling thread among them; Ctrl-C (KeyboardInterrupt) stops them within about
    10 ms plus the bands in hand.
    Bad arguments raise TypeError or ValueError naming the argument; a scene file that is
    missing or bad raises ValueError with the line `rtcli render` prints.
    """
    width, height = _pair("size", size)
    threads = None if threads is None else _integer("threads", threads)
    tile = None if tile is None else _pair("tile", tile)
    if out is not None:
        _check_out(out, width, height)
    if progress is not None and not callable(progress):
        raise TypeError(f"progress: expected a callable or None, got {progress!r}")
    rendered = _rtcli.render_into(_scene(scene), width, height, threads, tile, out, progress)
    return out if out is not None else rendered

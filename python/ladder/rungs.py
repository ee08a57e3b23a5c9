"""The ladder's rungs (binding techniques) and levels (how much of the pixel is native), and
the colour function each pair times. A rung whose module was not built is skipped, and says why.
"""

import functools
import importlib

import talk

LEVELS = ("python", "native-vectors", "native-objects", "native-pixel", "native-frame")

# rung -> modules that provide it, first found wins. nanobind's is the package's own rtcli.talk.
RUNG_MODULES = {
    "capi": ("talk_capi",),
    "pyo3": ("talk_pyo3",),
    "nanobind": ("rtcli.talk",),
    "pybind11": ("talk_pybind11",),
}


def find_rungs():
    """({rung: module}, {rung: why it is skipped}) for every rung in RUNG_MODULES."""
    found, skipped = {}, {}
    for rung, names in RUNG_MODULES.items():
        problems = []
        for name in names:
            try:
                module = importlib.import_module(name)
            except ImportError as e:
                problems.append(f"{name}: {e}")
                continue
            if all(hasattr(module, cls) for cls in ("Vec", "Sphere", "Line")):
                found[rung] = module
                break
            problems.append(f"{name}: has no Vec, Sphere and Line")
        else:
            skipped[rung] = "; ".join(problems) + " (not built: see python/ladder/CMakeLists.txt)"
    return found, skipped


def pixel_functions(rungs, rtcli):
    """[(level, rung, colour(x, y, width, height))] for every level timed pixel by pixel."""
    out = [("python", "python", talk.make_colour(talk.Vec, talk.Sphere, talk.Line))]
    for rung, m in rungs.items():
        out.append(("native-vectors", rung, talk.make_colour(m.Vec, talk.Sphere, talk.Line)))
    for rung, m in rungs.items():
        out.append(("native-objects", rung, talk.make_colour(m.Vec, m.Sphere, m.Line)))
    for rung, m in rungs.items():
        if hasattr(m, "colour"):
            out.append(("native-pixel", rung, m.colour))
        elif rung == "nanobind" and rtcli is not None:  # the package's own one-call pixel
            out.append(("native-pixel", rung, functools.partial(rtcli.shade_pixel, rtcli.Scene())))
    return out


def classes(rung, module):
    """(Vec, Sphere, Line) of a rung for the micro-benchmarks; pure Python for "python"."""
    m = talk if rung == "python" else module
    return m.Vec, m.Sphere, m.Line

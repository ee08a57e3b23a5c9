"""One colour per binding technique, the same in every ladder figure: python/ladder/ladder.py's
ladder.png (one bar per rung) and plot_report.py's -ladder figure (one bar per report, coloured
by the technique of its implementation)."""

# In the order legends list them: from pure Python down the ladder to rtcli bench.
TECHNIQUE_COLOURS = {
    "python": "tab:grey",
    "capi": "tab:green",
    "pyo3": "tab:orange",
    "nanobind": "tab:blue",
    "pybind11": "tab:red",
    "rtcli": "tab:purple",  # rtcli.render, a new array per call
    "rtcli out=": "tab:pink",  # rtcli.render into one array, out=
    "rtcli bench": "tab:brown",
}
# For a technique not above, in turn: none of them is one of the techniques' colours.
SPARE_COLOURS = ("tab:olive", "tab:cyan", "black", "gold")

# A report's implementation (python_reference.py --mode, rtcli bench's "cpp") as a technique:
# the native modes cross into the rtcli package, a nanobind module.
IMPLEMENTATION_TECHNIQUES = {"python": "python", "native-vectors": "nanobind", "native-pixel": "nanobind",
                             "native-frame": "rtcli", "cpp": "rtcli bench"}


def technique_colours(techniques):
    """{technique: colour} for the techniques in a figure, in legend order: the fixed colour of
    each known one, then a spare colour for each other one, in order of appearance."""
    known = [t for t in TECHNIQUE_COLOURS if t in techniques]
    others = list(dict.fromkeys(t for t in techniques if t not in TECHNIQUE_COLOURS))
    colours = {t: TECHNIQUE_COLOURS[t] for t in known}
    for i, t in enumerate(others):
        colours[t] = SPARE_COLOURS[i % len(SPARE_COLOURS)]
    return colours

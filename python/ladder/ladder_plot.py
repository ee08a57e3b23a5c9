"""The ladder's figure: ns per pixel per level, one bar per rung, with 95% intervals, log scale.
Left: hit pixels as the talk timed them; right: all pixels, wall time, down to whole frames."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

RUNG_COLOURS = {"python": "tab:grey", "capi": "tab:green", "pyo3": "tab:orange", "nanobind": "tab:blue",
                "pybind11": "tab:red", "rtcli": "tab:purple", "rtcli bench": "tab:brown"}


def _bars(ax, rows, key, title):
    levels = list(dict.fromkeys(r["level"] for r in rows if key in r))
    rung_names = list(dict.fromkeys(r["rung"] for r in rows if key in r))
    width = 0.8 / max(len(rung_names), 1)
    for i, rung in enumerate(rung_names):
        xs, ys, errs = [], [], [[], []]
        for j, level in enumerate(levels):
            row = next((r for r in rows if r["level"] == level and r["rung"] == rung and key in r), None)
            if row is None:
                continue
            d = row[key]
            xs.append(j + (i - (len(rung_names) - 1) / 2) * width)
            ys.append(d["value"])
            errs[0].append(d["value"] - d["ci95_low"])
            errs[1].append(d["ci95_high"] - d["value"])
        ax.bar(xs, ys, width, yerr=errs, capsize=2, label=rung, color=RUNG_COLOURS.get(rung))
    ax.set_xticks(range(len(levels)), levels, rotation=20)
    ax.set_yscale("log")
    ax.set_ylabel("ns per pixel (median over runs, 95% CI)")
    ax.set_title(title)
    ax.legend(fontsize="small")
    ax.grid(axis="y", which="both", alpha=0.3)


def save(doc, path):
    fig, (hit, every) = plt.subplots(1, 2, figsize=(14, 5.5))
    _bars(hit, doc["rows"], "hit_ns", "Hit pixels, each colour call timed (the talk's measure)")
    _bars(every, doc["rows"], "wall_ns", "All pixels, untimed passes and whole frames (wall)")
    ctx = doc["context"]
    fig.suptitle(f"The binding ladder: {doc['config']['width']}x{doc['config']['height']}, "
                 f"Python {ctx['python_version']}, SIMD {ctx['simd_target']}, "
                 f"the talk's PyO3 port {doc['talk']['speedup']:.2f}x")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)

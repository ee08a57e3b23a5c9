"""The ladder's figure: ns per pixel per level, one bar per rung, with 95% intervals, log scale.
Left: hit pixels as the talk timed them; right: all pixels, wall time, down to whole frames.
Each rung keeps its technique's colour (scripts/ladder_colours.py) in both panels, and one
legend below them covers no bar."""

import ladder_colours  # scripts/, which ladder.py puts on the path
import matplotlib
from matplotlib.patches import Patch

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def _bars(ax, rows, key, title, colours):
    """One group per level holding only the rungs measured there, so no slot stands empty."""
    levels = list(dict.fromkeys(r["level"] for r in rows if key in r))
    groups = [[r for r in rows if r["level"] == level and key in r] for level in levels]
    width = 0.8 / max((len(g) for g in groups), default=1)
    for j, group in enumerate(groups):
        for i, row in enumerate(group):
            d = row[key]
            ax.bar(j + (i - (len(group) - 1) / 2) * width, d["value"], width,
                   yerr=[[d["value"] - d["ci95_low"]], [d["ci95_high"] - d["value"]]], capsize=2,
                   color=colours[row["rung"]])
    ax.set_xticks(range(len(levels)), levels, rotation=20)
    ax.set_yscale("log")
    ax.set_ylabel("ns per pixel (median over runs, 95% CI)")
    ax.set_title(title)
    ax.grid(axis="y", which="both", alpha=0.3)


def save(doc, path):
    colours = ladder_colours.technique_colours([r["rung"] for r in doc["rows"]])
    fig, (hit, every) = plt.subplots(1, 2, figsize=(14, 6), layout="constrained")
    _bars(hit, doc["rows"], "hit_ns", "Hit pixels, each colour call timed (the talk's measure)", colours)
    _bars(every, doc["rows"], "wall_ns", "All pixels, untimed passes and whole frames (wall)", colours)
    fig.legend(handles=[Patch(color=c, label=rung) for rung, c in colours.items()], loc="outside lower center",
               ncols=len(colours), title="binding technique (rung)")
    ctx = doc["context"]
    fig.suptitle(f"The binding ladder: {doc['config']['width']}x{doc['config']['height']}, "
                 f"Python {ctx['python_version']}, SIMD {ctx['simd_target']}, "
                 f"the talk's PyO3 port {doc['talk']['speedup']:.2f}x")
    fig.savefig(path, dpi=110)
    plt.close(fig)

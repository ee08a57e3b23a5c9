#!/usr/bin/env python3
"""Plots one or more rtcli.bench/1 reports and prints a comparison table.

Figures (PNG, headless), for -o out/compare.png (a name without .png is taken as the stem):
  out/compare.png               all reports' latency distributions overlaid on a log-x axis
  out/compare-hist-NAME.png     per report, the original program's histogram: density, normal
                                fit, mean and mean +/- sigma, title with mu, sigma and N
  out/compare-cdf.png           cumulative distribution and tail (1 - CDF) of latency
  out/compare-scaling.png       speedup against ideal, when a report has several thread counts
  out/compare-ladder.png        for several reports: ns per pixel per report (log scale), each bar
                                labelled with its speedup over the first (the ladder)
  out/compare-ranks.png         speedup over MPI ranks, when reports of one thread count differ
                                in config.ranks (mpirun -n R rtcli bench --threads T --json ...)
  out/compare-phases.png        where the time goes: one stacked bar per end-to-end run (setup,
                                render, compress, wait, write, fsync, in ms of wall time), when a
                                report has end_to_end.phases_ms
NAME is the report's file name without .json (numbered when two share one). Latency plots use
one class of pixels: "hit" (the sphere's pixels, what the original program timed) by default.
The table gives each report's median and p99 latency and throughput, and the ratio to the first
report with a 95% confidence interval where both have two or more repetitions; for several
reports, the ladder table: ns per pixel on one thread and mean hit-pixel latency, each as a
speedup over the first. Reports timed per frame (python_reference.py --mode native-frame) plot
their "all" class: one sample per frame, its time per pixel. The histograms' normal curve is
fitted to the samples between p0.1 and p99.9.
"""

import argparse
import importlib.util
import io
import math
import os
import sys

PROG = "plot_report.py"
REQUIRED_MODULES = ("matplotlib", "numpy", "scipy")
# The project's venv (scripts/setup.sh), which has them.
VENV_PYTHON = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".venv", "bin", "python")
REEXEC_GUARD = "RTCLI_PLOT_REEXEC"  # set on the re-executed process, so it never loops


def ensure_modules():
    """Re-run under the project's venv when this interpreter lacks the plotting modules."""
    missing = [m for m in REQUIRED_MODULES if importlib.util.find_spec(m) is None]
    if not missing:
        return
    if not os.environ.get(REEXEC_GUARD) and os.access(VENV_PYTHON, os.X_OK):
        env = dict(os.environ, **{REEXEC_GUARD: "1"})
        os.execve(VENV_PYTHON, [VENV_PYTHON, os.path.abspath(__file__), *sys.argv[1:]], env)
    what = f"module {missing[0]} is" if len(missing) == 1 else f"modules {', '.join(missing)} are"
    print(f"{PROG}: error: Python {what} missing for {sys.executable}; "
          f"scripts/setup.sh makes the project's venv with them: .venv/bin/python {PROG} ...",
          file=sys.stderr)
    sys.exit(1)


if __name__ == "__main__":
    ensure_modules()

import matplotlib

matplotlib.use("Agg")
import histogram_fit
import html_report
import ladder_colours
import matplotlib.pyplot as plt
import numpy as np
import report_compare
import rtcli_report
import script_args
from bench_stats import bucket_midpoint
from matplotlib.colors import LogNorm
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator


def bucket_arrays(latency_class):
    """(midpoints, counts, uppers) of a latency class's buckets as numpy arrays."""
    buckets = latency_class["buckets"]
    mids = np.array([bucket_midpoint(lo, hi) for lo, hi, _ in buckets], dtype=float)
    counts = np.array([n for _, _, n in buckets], dtype=float)
    uppers = np.array([lo if hi is None else hi for lo, hi, _ in buckets], dtype=float)
    return mids, counts, uppers


def plotted_class(report, cls):
    """The latency class to plot: a report timed per frame (native-frame) has only "all", its
    samples each a frame's time per pixel."""
    return "all" if report["latency"].get("sample") == "frame" else cls


def histogram_figure(name, report, cls, xmax):
    """The original program's plot: density histogram, normal fit, mu solid and mu +/- sigma
    dashed. mu = median and sigma = IQR / 1.349 of the buckets; when the bulk is not normal
    (several modes, a comb of clock steps) the curve is the measured density instead. Prints
    one line: histogram NAME: mu=... ns, sigma=... ns, N=..., fit=..."""
    cls = plotted_class(report, cls)
    c = report["latency"]["classes"][cls]
    fig, ax = plt.subplots()
    if c["count"] == 0 or c["mean_ns"] is None:
        ax.text(0.5, 0.5, f"no '{cls}' pixels in this report", ha="center", transform=ax.transAxes)
        ax.set_title("Performance (N=0)")
        print(f"histogram {name}: no '{cls}' samples, N=0")
        return fig
    n, buckets = c["count"], c["buckets"]
    mu, sigma = histogram_fit.robust_fit(buckets)
    step = histogram_fit.clock_step_ns(report)
    low, high = histogram_fit.plot_range(buckets, mu, sigma)
    if xmax:
        low, high = min(low, 0.5 * xmax), xmax
    edges = histogram_fit.bin_edges(low, high, step, histogram_fit.fullest_bucket(buckets))
    fit = histogram_fit.fit_kind(buckets, mu, sigma, step, edges)
    density = histogram_fit.binned_density(buckets, edges)
    ax.bar(edges[:-1], density, width=np.diff(edges), align="edge", color="C0")
    xs = np.linspace(low, high, 600)
    curve = None
    if fit == "normal":
        curve = histogram_fit.normal_pdf(xs, mu, sigma)
    elif fit == "kde":
        curve = histogram_fit.kde_curve(buckets, xs, step, edges[0], edges[-1])
    if curve is not None:
        ax.plot(xs, curve, color="C1")
    else:  # the bars' outline is the measured density
        ax.stairs(density, edges, color="C1", linewidth=1.5)
    ax.axvline(mu, color="red")
    for side in (mu - sigma, mu + sigma):
        ax.axvline(side, color="red", linestyle="--")
    ax.set_xlim(low, high)
    per_frame = report["latency"].get("sample") == "frame"
    ax.set_xlabel("nanoseconds" + (" per pixel, one sample per frame" if per_frame else ""))
    ax.set_ylabel("probability density (per ns)")
    width = edges[1] - edges[0]
    clock = f"clock step {step:.3g} ns" if step else "per-frame samples"
    curve_text = {"normal": "normal curve with \u03bc = median, \u03c3 = IQR/1.349",
                  "kde": "not normal: the curve is a kernel density of the samples",
                  "histogram": "a comb of clock steps: the outline is the measured density"}[fit]
    beyond = 1 - float(density @ np.diff(edges))
    ax.set_title(f"Performance (\u03bc={mu:.2f}, \u03c3={sigma:.2f}, N={n})\n"
                 f"{curve_text}; bins {width:.3g} ns ({clock})", fontsize=9)
    cfg = report["config"]
    ax.text(0.98, 0.97, f"{name}: {report['implementation']}, {cls} pixels\n{cfg['width']}x{cfg['height']}, "
            f"{threads_text(report['latency']['threads'])}\nall samples: mean {c['mean_ns']:,.1f} ns, "
            f"\u03c3 {c['stddev_ns'] or 0:,.1f} ns\np50 {c['p50_ns']:,.1f} ns, p99 {c['p99_ns']:,.1f} ns\n"
            f"{beyond:.2%} of samples off the axis",
            transform=ax.transAxes, ha="right", va="top", fontsize=8, color="dimgray")
    print(f"histogram {name}: mu={mu:.1f} ns, sigma={sigma:.1f} ns, N={n}, fit={fit.replace(' ', '-')}")
    return fig


def threads_text(threads):
    return "1 thread" if threads == 1 else f"{threads} threads"


def log_edges(named_reports, cls, per_octave=16):
    """Shared log-spaced bin edges covering every report's buckets."""
    lows, highs = [], []
    for _, report in named_reports:
        mids, _, uppers = bucket_arrays(report["latency"]["classes"][plotted_class(report, cls)])
        if len(mids):
            lows.append(max(mids.min(), 0.25))
            highs.append(uppers.max())
    if not lows:
        return None
    lo, hi = np.log2(min(lows)) - 0.5, np.log2(max(highs)) + 0.5
    return 2.0 ** (lo + np.arange(int(np.ceil((hi - lo) * per_octave)) + 1) / per_octave)


def overlay_figure(named_reports, cls):
    """Every report's latency distribution on one log-x axis, as the fraction of pixels per bin."""
    fig, ax = plt.subplots(figsize=(8, 4.8))
    edges = log_edges(named_reports, cls)
    for name, report in named_reports:
        c = report["latency"]["classes"][plotted_class(report, cls)]
        if c["count"] == 0:
            continue
        mids, counts, _ = bucket_arrays(c)
        heights, _ = np.histogram(np.maximum(mids, edges[0]), bins=edges, weights=counts)
        line = ax.stairs(heights / counts.sum(), edges, label=f"{name} ({report['implementation']}): "
                         f"p50 {c['p50_ns']:,.1f} ns, N={c['count']:,}", linewidth=1.5)
        ax.axvline(c["p50_ns"], color=line.get_edgecolor(), linestyle=":", linewidth=1)
    ax.set_xscale("log")
    spans = [histogram_fit.bucket_quantile(c["buckets"], q) for _, r in named_reports
             for c in [r["latency"]["classes"][plotted_class(r, cls)]] if c["count"] for q in (0.001, 0.999)]
    if spans:  # p0.1 to p99.9 of every report, with a margin; the far tails are in the CDF
        ax.set_xlim(max(min(spans) / 1.5, edges[0]), max(spans) * 1.5)
    ax.set_xlabel("nanoseconds per pixel (log scale)")
    ax.set_ylabel("fraction of pixels per bin (1/16 octave)")
    ax.set_title(f"Per-pixel latency, '{cls}' pixels (dotted: medians; per-frame reports: "
                 "frame time / pixels)", fontsize=10)
    legend_below(fig, ax)
    return fig


def legend_below(fig, ax):
    """The legend under the axes, where it covers no data."""
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        ax.legend(handles, labels, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14),
                  ncol=1 if len(labels) > 3 else len(labels), frameon=False)
    fig.tight_layout()


def cdf_figure(named_reports, cls):
    """Cumulative distribution (left) and its tail, 1 - CDF, on log axes (right)."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    for name, report in named_reports:
        c = report["latency"]["classes"][plotted_class(report, cls)]
        if c["count"] == 0:
            continue
        _, counts, uppers = bucket_arrays(c)
        below = np.cumsum(counts) / counts.sum()  # fraction at or below each bucket's top
        label = f"{name} ({report['implementation']})"
        line, = left.step(uppers, below, where="post", label=label)
        right.step(uppers[:-1], 1 - below[:-1], where="post", color=line.get_color(), label=label)
        for field, q in (("p50_ns", 0.5), ("p99_ns", 0.99), ("p999_ns", 0.999)):
            if c.get(field) is not None:
                left.plot(c[field], q, "o", color=line.get_color(), markersize=4)
                right.plot(c[field], 1 - q, "o", color=line.get_color(), markersize=4)
    left.set_xscale("log")
    left.set_ylabel("fraction of pixels at or below")
    right.set_xscale("log")
    right.set_yscale("log")
    right.set_ylabel("fraction of pixels above")
    for ax in (left, right):
        ax.set_xlabel("nanoseconds per pixel (log scale)")
        ax.grid(True, which="major", alpha=0.3)
    left.legend(fontsize=8, loc="best")
    fig.suptitle(f"Latency distribution, '{cls}' pixels (dots: reported p50, p99, p99.9)")
    fig.tight_layout()
    return fig


PHASES = ("setup", "render", "compress", "wait", "write", "fsync")  # end_to_end.phases_ms, in order


def phase_runs(named_reports):
    """(report name, run number from 1, {phase: ms}, wall ms) for each end-to-end run of every
    report that splits its runs into phases (rtcli bench's end_to_end.phases_ms)."""
    runs = []
    for name, report in named_reports:
        e2e = report.get("end_to_end")
        if not isinstance(e2e, dict) or not isinstance(e2e.get("phases_ms"), dict):
            continue
        for i, wall in enumerate(e2e["wall_ms"]):
            runs.append((name, i + 1, {p: e2e["phases_ms"][p][i] for p in PHASES}, wall))
    return runs


def phases_figure(named_reports):
    """Where each end-to-end run's wall time goes: one stacked bar per run, a segment per phase,
    a black tick at the run's wall_ms (the segments add up to it)."""
    runs = phase_runs(named_reports)
    fig, ax = plt.subplots(figsize=(max(7.5, 2.5 + 0.6 * len(runs)), 4.8))
    x = np.arange(len(runs))
    bottom = np.zeros(len(runs))
    for i, phase in enumerate(PHASES):
        heights = np.array([ms[phase] for _, _, ms, _ in runs])
        ax.bar(x, heights, 0.7, bottom=bottom, color=f"C{i}", label=phase)
        bottom += heights
    ax.scatter(x, [wall for *_, wall in runs], marker="_", s=400, color="black", zorder=3,
               label="wall_ms")
    several = len({name for name, *_ in runs}) > 1
    ax.set_xticks(x, [f"{name}\nrun {n}" if several else f"run {n}" for name, n, _, _ in runs],
                  fontsize=8)
    ax.set_ylabel("milliseconds of wall time")
    first = next(r for n, r in named_reports if n == runs[0][0])["end_to_end"]
    ax.set_title(f"Where the time goes: each end-to-end run's wall time by phase\n"
                 f"{first['width']}x{first['height']}, {threads_text(first['threads'])}, "
                 f"--checkpoints {first['checkpoints']}\n(render, compress, wait: the workers' "
                 "time over their number; write, fsync: after the workers)", fontsize=9)
    # Beside the axes, where it covers no bar; the last phase on top, as the stack.
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(handles[::-1], labels[::-1], fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1),
              frameon=False)
    fig.tight_layout()
    return fig


def speedups(report):
    """(threads, speedup, low, high) per throughput entry, against the one-thread entry."""
    entries = report["throughput"]
    one = next((e for e in entries if e["threads"] == 1), None)
    if one is None:
        return []
    points = []
    for e in entries:
        s = e.get("speedup")
        if isinstance(s, dict) and s.get("value") is not None:
            points.append((e["threads"], s["value"], s.get("ci95_low"), s.get("ci95_high")))
        else:  # the report did not compute it: ratio of median wall times
            points.append((e["threads"], one["median_ms"] / e["median_ms"], None, None))
    return sorted(points)


def scaling_figure(named_reports):
    """Speedup over one thread against thread count, with the ideal line."""
    fig, ax = plt.subplots()
    most = 1
    for name, report in named_reports:
        points = speedups(report)
        if len(points) < 2:
            continue
        threads = np.array([p[0] for p in points], dtype=float)
        values = np.array([p[1] for p in points])
        low = np.array([p[2] if p[2] is not None else p[1] for p in points])
        high = np.array([p[3] if p[3] is not None else p[1] for p in points])
        ax.errorbar(threads, values, yerr=[values - low, high - values], marker="o", capsize=3,
                    label=f"{name} ({report['implementation']})")
        most = max(most, threads.max())
        cores = report.get("context", {}).get("logical_cores")
        if isinstance(cores, int):
            ax.axvline(cores, color="gray", linestyle=":", linewidth=1)
    ax.plot([1, most], [1, most], "k--", linewidth=1, label="ideal")
    ax.set_xlabel("threads")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("speedup over 1 thread")
    ax.set_title("Scaling (dotted: logical cores; bars: 95% CI)")
    ax.legend(fontsize=8, loc="best")
    return fig


def ladder_figure(named_reports):
    """ns per pixel of every report's one-thread throughput (log scale), each bar labelled with
    its speedup over the first report: the ladder from pure Python to native frames. Each bar has
    its technique's colour, as in the binding ladder's figure; the legend sits right of the axes."""
    rows = report_compare.ladder_rows(named_reports)
    fig, ax = plt.subplots(figsize=(max(6.4, 1.6 * len(rows)) + 1.6, 4.8), layout="constrained")
    labels = [(r["report"] if r["report"] == r["implementation"] else f"{r['report']}\n({r['implementation']})")
              + "\n" + ("no throughput" if r["threads"] is None else threads_text(r["threads"])) for r in rows]
    values = [r["ns_per_pixel"] for r in rows]
    techniques = [ladder_colours.IMPLEMENTATION_TECHNIQUES.get(r["implementation"], r["implementation"])
                  for r in rows]
    colours = ladder_colours.technique_colours(techniques)
    bars = ax.bar(labels, values, color=[colours[t] for t in techniques])
    fig.legend(handles=[Patch(color=c, label=t) for t, c in colours.items()], loc="outside right upper",
               title="technique", fontsize=8)
    for bar, r in zip(bars, rows):
        cpu = "" if r["cpu_speedup"] is None else f"\n({report_compare.significant(r['cpu_speedup'])}x CPU)"
        ns = r["ns_per_pixel"]
        ax.annotate(f"{report_compare.significant(r['speedup'])}x{cpu}\n{ns:,.0f} ns" if ns >= 100 else
                    f"{report_compare.significant(r['speedup'])}x{cpu}\n{ns:.3g} ns",
                    (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center", va="bottom",
                    fontsize=9, xytext=(0, 2), textcoords="offset points")
    ax.set_yscale("log")
    ax.set_ylim(min(values) / 3, max(values) * 10)
    ax.set_ylabel("nanoseconds per pixel (median frame / pixels, log scale)")
    ax.set_title(f"The ladder: ns per pixel and speedup over {rows[0]['report']}\n(wall time; CPU time in "
                 "brackets; each bar's thread count under it)", fontsize=10)
    ax.tick_params(axis="x", labelsize=8)
    return fig


def rank_points(named_reports):
    """(ranks, aggregate Mpix/s) per report with one thread count, from `config.ranks` (1 when
    absent): reports of `mpirun -n R rtcli bench`, one per rank count."""
    points = {}
    for _, report in named_reports:
        entries = report["throughput"]
        if len(entries) != 1:
            continue
        ranks = report["config"].get("ranks", 1)
        points[ranks] = max(points.get(ranks, 0.0), entries[0]["mpix_per_s"])
    return sorted(points.items())


def rank_scaling_figure(named_reports):
    """Aggregate speedup against rank count, as the thread scaling figure; the smallest rank
    count R is taken to scale ideally (speedup R), since a one-rank report may be missing."""
    points = rank_points(named_reports)
    ranks = np.array([p[0] for p in points], dtype=float)
    speedup = np.array([p[1] for p in points]) / points[0][1] * points[0][0]
    fig, ax = plt.subplots()
    ax.plot(ranks, speedup, marker="o", label="aggregate Mpix/s")
    ax.plot([ranks[0], ranks[-1]], [ranks[0], ranks[-1]], "k--", linewidth=1, label="ideal")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("MPI ranks")
    ax.set_ylabel("speedup over one rank")
    ax.set_title("Scaling over MPI ranks (one report per rank count)")
    ax.legend(fontsize=8, loc="best")
    return fig


def latency_map_file(report, report_path):
    """The report's latency map PNG: its path as given to rtcli bench, else beside the report."""
    info = report.get("latency_map")
    if not isinstance(info, dict) or not isinstance(info.get("file"), str):
        return None
    folder = os.path.dirname(os.path.abspath(report_path))
    for candidate in (info["file"], os.path.join(folder, info["file"]),
                      os.path.join(folder, os.path.basename(info["file"]))):
        if os.path.isfile(candidate):
            return candidate
    return None


def latency_map_figure(name, report, path):
    """The latency map, cropped to its pixels (the PNG's top-left width x height; its own bar
    is drawn for a plain image viewer), with matplotlib's colour bar: viridis over log10 ns from
    the report's min_ns to max_ns, values outside clamped."""
    info = report["latency_map"]
    cfg = report["config"]
    image = plt.imread(path)[:cfg["height"], :cfg["width"]]
    fig, ax = plt.subplots(figsize=(8, 8 * image.shape[0] / image.shape[1] + 0.8))
    ax.imshow(image, interpolation="nearest")
    ax.set_axis_off()
    mappable = plt.cm.ScalarMappable(norm=LogNorm(info["min_ns"], info["max_ns"]), cmap="viridis")
    bar = fig.colorbar(mappable, ax=ax, fraction=0.046, pad=0.02)
    bar.set_label("raw latency per pixel, ns (log scale; outside the bar: clamped)")
    ax.set_title(f"Latency map: {name}, {cfg['width']}x{cfg['height']}, "
                 f"{threads_text(report['latency']['threads'])}", fontsize=10)
    fig.tight_layout()
    return fig


def figure_paths(output):
    """Main figure path and the stem the others are named from."""
    stem = output[:-4] if output.lower().endswith(".png") else output
    return stem + ".png", stem


def png_bytes(fig):
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    return buffer.getvalue()


def write_html(args, named, tables_text, figures):
    """The --html page: every figure inline, `rtcli compare` of the first report against each
    other one, the machine warnings and the tables."""
    rtcli = args.rtcli or html_report.default_rtcli()
    comparisons = [(args.reports[0], path, *html_report.run_compare(rtcli, args.reports[0], path))
                   for path in args.reports[1:]]
    captions = {"": "Latency distributions overlaid", "-cdf": "Latency CDF and tail",
                "-ladder": "The ladder", "-scaling": "Scaling over threads", "-ranks": "Scaling over ranks",
                "-phases": "Where the time goes: each end-to-end run by phase"}
    rendered = []
    for suffix, draw in figures.items():
        caption = captions.get(suffix) or (suffix[1:].replace("hist-", "Histogram with fit: ", 1)
                                           .replace("map-", "Latency map: ", 1))
        rendered.append((caption, png_bytes(draw())))
    title = "rtcli bench: " + ", ".join(name for name, _ in named)
    text = html_report.page(title, named, args.reports, tables_text, rendered, comparisons)
    script_args.make_parent(args.html)
    rtcli_report.write_atomic(args.html, text.encode("utf-8"))


def main(argv=None):
    parser = script_args.OneLineArgumentParser(prog=PROG, description=__doc__,
                                               formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reports", nargs="+", metavar="REPORT.json",
                        help="rtcli.bench/1 reports; the first is the baseline")
    parser.add_argument("-o", "--output", default="compare.png",
                        help="main figure (default compare.png); without .png, the stem of every figure")
    parser.add_argument("--class", dest="cls", choices=rtcli_report.LATENCY_CLASSES, default="hit",
                        help="pixels whose latency is plotted (default hit)")
    parser.add_argument("--xmax", type=float, metavar="NS",
                        help="right end of the histograms' x axis (default: the largest of 2 x p50, "
                             "1.25 x p99 and 1.1 x mean, rounded up)")
    parser.add_argument("--html", metavar="OUT.html",
                        help="write one self-contained HTML page (figures inline, rtcli compare's "
                             "verdicts, machine warnings) instead of the PNG files")
    parser.add_argument("--rtcli", metavar="PATH",
                        help="the rtcli binary whose compare the page shows (default: build/rtcli "
                             "beside the scripts, else rtcli on PATH)")
    args = parser.parse_args(argv)
    if args.xmax is not None and not (math.isfinite(args.xmax) and args.xmax > 0):
        parser.error(f"argument --xmax: invalid value '{args.xmax:g}': expected a number > 0")

    try:
        reports = [rtcli_report.load_report(p) for p in args.reports]
    except rtcli_report.ReportError as e:
        script_args.fail(PROG, str(e))
    names = report_compare.report_names(args.reports)
    named = list(zip(names, reports))
    main_path, stem = figure_paths(args.output)
    problem = script_args.output_problem(args.html or main_path)
    if problem:
        script_args.fail(PROG, problem, 2)

    tables = report_compare.format_tables(report_compare.latency_rows(named, args.cls),
                                          report_compare.throughput_rows(named), args.cls)
    if len(named) > 1:
        tables += "\n\n" + report_compare.format_ladder(report_compare.ladder_rows(named))
    print(tables)
    # Each figure by the suffix of its file name: -o out/cmp gives out/cmp-cdf.png, ...
    figures = {"": lambda: overlay_figure(named, args.cls), "-cdf": lambda: cdf_figure(named, args.cls)}
    for name, report in named:
        figures[f"-hist-{name}"] = lambda n=name, r=report: histogram_figure(n, r, args.cls, args.xmax)
    if len(named) > 1:
        figures["-ladder"] = lambda: ladder_figure(named)
    if any(len(speedups(r)) >= 2 for r in reports):
        figures["-scaling"] = lambda: scaling_figure(named)
    if len(rank_points(named)) >= 2:
        figures["-ranks"] = lambda: rank_scaling_figure(named)
    if phase_runs(named):
        figures["-phases"] = lambda: phases_figure(named)
    for (name, report), path in zip(named, args.reports):
        map_path = latency_map_file(report, path)
        if map_path:
            figures[f"-map-{name}"] = lambda n=name, r=report, m=map_path: latency_map_figure(n, r, m)
    try:
        if args.html:
            write_html(args, named, tables, figures)
            print(f"\nwrote {args.html}")
            return 0
        script_args.make_parent(main_path)
        for suffix, draw in figures.items():
            rtcli_report.write_atomic(f"{stem}{suffix}.png", png_bytes(draw()))
    except OSError as e:
        script_args.fail(PROG, f"cannot write '{e.filename}': {e.strerror}")
    print("\nwrote " + ", ".join(f"{stem}{suffix}.png" for suffix in figures))
    return 0


if __name__ == "__main__":
    script_args.exit_with(PROG, main)

#!/usr/bin/env python3
"""The binding ladder: the talk's Vec, Sphere and Line through each binding technique (raw C API,
PyO3, nanobind, pybind11), at each level of the port (native vectors, native objects, one call per
pixel, one call per frame), all in one run on the same frame, interleaved run by run. Prints the
table (ns per hit pixel as the talk timed it, ns per pixel over all pixels in wall and CPU time,
speedups over pure Python with 95% bootstrap intervals, the talk's own figure, what one call and
one object cost per rung), and writes OUT/ladder.json, OUT/ladder.txt and OUT/ladder.png.
Every rung's pixels must equal pure Python's: a run that differs fails.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path[:0] = [HERE, os.path.join(ROOT, "scripts")]  # also when run through rtcli.ladder

import ladder_stats
import micro
import rtcli_report
import rungs
import script_args
from python_reference import context, empty_intervals, render, render_timed

PROG = "ladder.py"
SCHEMA = "rtcli.ladder/1"
# The talk's own figures (../shared/seed/README.md): mean ns per hit pixel, pure Python and with
# its PyO3 classes, on the talk's machine.
TALK_PYTHON_MU_NS = 11_872
TALK_PYO3_MU_NS = 4_051
GOALS = {"native-objects": 4.0, "native-vectors": 2.0}  # speedup of the best rung over Python
# native-frame's rows: rtcli.render with a new array per call, into one array (out=), rtcli bench.
FRAME_RUNGS = ("rtcli", "rtcli out=", "rtcli bench")
FRAME_TOLERANCE = 0.10  # native-frame within 10% of rtcli bench


class LadderError(Exception):
    """A run that cannot be trusted (pixels differ, a tool failed); one line."""


def pixel_run(colour, width, height):
    """One untimed pass (wall and CPU per pixel) and one pass timing each colour call."""
    pixels = width * height
    wall0, cpu0 = time.perf_counter_ns(), time.process_time_ns()
    frame = render(colour, width, height)
    wall, cpu = time.perf_counter_ns() - wall0, time.process_time_ns() - cpu0
    timed_frame, hit_ns, background_ns = render_timed(colour, width, height)
    if timed_frame != frame:
        raise LadderError("the timed and untimed passes rendered different frames")
    return frame, {"hit_ns": statistics.median(hit_ns) if hit_ns else None,
                   "hit_mean_ns": statistics.fmean(hit_ns) if hit_ns else None,
                   "all_ns": (sum(hit_ns) + sum(background_ns)) / pixels,
                   "wall_ns": wall / pixels, "cpu_ns": cpu / pixels}


def frame_run(rtcli, scene, width, height, frames, reuse):
    """rtcli.render on one thread, frames times: median wall and CPU ns per pixel. reuse: render
    into one array every time (out=), as rtcli bench renders into one frame; else a new array
    per call."""
    pixels = width * height
    wall, cpu = [], []
    out = rtcli.render(scene, (width, height), threads=1) if reuse else None
    image = None
    for _ in range(frames):
        wall0, cpu0 = time.perf_counter_ns(), time.process_time_ns()
        image = rtcli.render(scene, (width, height), threads=1, out=out)
        wall.append((time.perf_counter_ns() - wall0) / pixels)
        cpu.append((time.process_time_ns() - cpu0) / pixels)
    return bytearray(image.tobytes()), {"wall_ns": statistics.median(wall), "cpu_ns": statistics.median(cpu)}


def bench_run(binary, width, height, frames):
    """`rtcli bench` of the same frame on one thread: median wall and CPU ns per pixel."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "bench.json")
        done = subprocess.run([binary, "bench", "--size", f"{width}x{height}", "--threads", "1",
                               "--repetitions", str(frames), "--latency-runs", "1", "--end-to-end-runs", "0",
                               "--json", path, "--quiet"], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise LadderError(f"{binary} bench failed: {done.stderr.strip() or done.returncode}")
        report = rtcli_report.load_report(path)
    entry = report["throughput"][0]
    pixels = width * height
    return report["context"], {"wall_ns": entry["median_ms"] * 1e6 / pixels,
                               "cpu_ns": statistics.median(entry["cpu_ms"]) * 1e6 / pixels}


def summarise(samples, baseline):
    """Medians with intervals, and speedups over the baseline's runs, of one row's runs."""
    out = {}
    for key in ("hit_ns", "hit_mean_ns", "all_ns", "wall_ns", "cpu_ns"):
        values = [s[key] for s in samples if s.get(key) is not None]
        if not values:
            continue
        out[key] = dict(zip(("value", "ci95_low", "ci95_high"), ladder_stats.median_ci(values)), runs=values)
        base = [s[key] for s in baseline if s.get(key) is not None]
        if base and key in ("hit_ns", "wall_ns", "cpu_ns"):
            out[key]["speedup"] = dict(zip(("value", "ci95_low", "ci95_high"), ladder_stats.ratio_ci(base, values)))
    return out


def measure(args, rtcli, found):
    """Every row's runs, interleaved run by run so the machine's load falls on all alike."""
    width, height = args.size
    pixel_rows = rungs.pixel_functions(found, rtcli)
    samples = {(level, rung): [] for level, rung, _ in pixel_rows}
    if rtcli is not None:
        for rung in FRAME_RUNGS:
            samples[("native-frame", rung)] = []
        scene = rtcli.Scene()
        rtcli.render(scene, (width, height), threads=1)  # warm-up: starts the worker
    reference = None
    call_ns = []  # rtcli.render of one pixel: what one call costs beyond the rendering
    for run in range(args.runs):
        for level, rung, colour in pixel_rows:
            frame, sample = pixel_run(colour, width, height)
            if reference is None:
                reference = frame  # pure Python's, the first row
            elif frame != reference:
                raise LadderError(f"{level} through {rung} rendered other pixels than pure Python")
            samples[(level, rung)].append(sample)
        if rtcli is not None:
            for rung, reuse in (("rtcli", False), ("rtcli out=", True)):
                frame, sample = frame_run(rtcli, scene, width, height, args.frames, reuse)
                if frame != reference:
                    raise LadderError(f"native-frame ({rung}) rendered other pixels than pure Python")
                samples[("native-frame", rung)].append(sample)
            call_ns.append(frame_run(rtcli, scene, 1, 1, args.frames, False)[1]["wall_ns"])
            bench_context, sample = bench_run(args.rtcli, width, height, args.frames)
            samples[("native-frame", "rtcli bench")].append(sample)
        print(f"{PROG}: run {run + 1} of {args.runs} done", file=sys.stderr)
    baseline = samples[("python", "python")]
    rows = [dict(level=level, rung=rung, **summarise(s, baseline)) for (level, rung), s in samples.items()]
    if call_ns:
        row_of(rows, "native-frame", "rtcli")["call_ns"] = dict(
            zip(("value", "ci95_low", "ci95_high"), ladder_stats.median_ci(call_ns)), runs=call_ns)
    return rows, (bench_context if rtcli is not None else None)


def call_costs(found, calls):
    """Micro-benchmarks per rung, pure Python first."""
    costs = {"python": micro.call_costs(*rungs.classes("python", None), calls=calls)}
    for rung, module in found.items():
        costs[rung] = micro.call_costs(*rungs.classes(rung, module), calls=calls)
    return costs


def row_of(rows, level, rung):
    return next((r for r in rows if r["level"] == level and r["rung"] == rung), None)


def goals(rows):
    """Each goal: what was asked, what was measured, and whether it was met."""
    out = []
    pyo3 = row_of(rows, "native-objects", "pyo3")
    for level, target in GOALS.items():
        best = min((r for r in rows if r["level"] == level and "hit_ns" in r),
                   key=lambda r: r["hit_ns"]["value"], default=None)
        if best is None:
            out.append({"goal": f"{level}: at least {target}x pure Python", "met": None, "measured": "no rung built"})
            continue
        s = best["hit_ns"]["speedup"]
        met = s["value"] >= target
        measured = f"{best['rung']} {s['value']:.2f}x [{s['ci95_low']:.2f}, {s['ci95_high']:.2f}] per hit pixel"
        if level == "native-objects" and pyo3 is not None and best is not pyo3:
            faster = ladder_stats.ratio_ci(pyo3["hit_ns"]["runs"], best["hit_ns"]["runs"])
            met = met and faster[1] > 1
            measured += f"; {faster[0]:.2f}x [{faster[1]:.2f}, {faster[2]:.2f}] faster than PyO3"
        out.append({"goal": f"{level}: at least {target}x pure Python"
                            + (", faster than PyO3" if level == "native-objects" else ""),
                    "met": met, "measured": measured})
    bench = row_of(rows, "native-frame", "rtcli bench")
    for rung in FRAME_RUNGS[:2]:
        frame = row_of(rows, "native-frame", rung)
        if not (frame and bench):
            continue
        for key, clock in (("wall_ns", "wall"), ("cpu_ns", "CPU")):
            r = ladder_stats.ratio_ci(frame[key]["runs"], bench[key]["runs"])  # render's time / bench's
            out.append({"goal": f"native-frame ({rung}) within {FRAME_TOLERANCE:.0%} of rtcli bench ({clock} time)",
                        "met": abs(r[0] - 1) <= FRAME_TOLERANCE,
                        "measured": f"rtcli.render takes {r[0]:.3f}x bench's time [{r[1]:.3f}, {r[2]:.3f}]"})
    return out


def _num(x):
    return "-" if x is None else (f"{x:,.0f}" if x >= 100 else f"{x:.3g}")


def _with_ci(d, suffix=""):
    if d is None:
        return "-"
    return f"{_num(d['value'])}{suffix} [{_num(d['ci95_low'])}, {_num(d['ci95_high'])}]"


def _table(header, body):
    widths = [max(len(r[i]) for r in [header] + body) for i in range(len(header))]
    return "\n".join("  ".join(c.rjust(w) if i > 1 else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths)))
                     for r in [header] + body)


def format_report(doc):
    """The ladder as text: context, the table, the call costs, the goals."""
    ctx, cfg = doc["context"], doc["config"]
    talk_speedup = doc["talk"]["speedup"]
    header = (f"Binding ladder, seed frame {cfg['width']}x{cfg['height']}, {cfg['runs']} runs interleaved; "
              f"Python {ctx['python_version']} ({ctx['python_executable']}); SIMD target {ctx['simd_target']}; "
              f"load average {ctx['load_before'][0]:.1f} before, {ctx['load_after'][0]:.1f} after "
              f"on {ctx['logical_cores']} logical cores")
    legend = ("ns per pixel: medians over runs [95% bootstrap CI]; speedup = pure Python's / this; "
              "hit = the talk's timing (perf_counter_ns around the colour call, hit pixels only, median); "
              "all = untimed pass over every pixel; "
              f"an empty timed interval takes {ctx['clock_overhead_ns']:.0f} ns (median)")
    lines = [header, "", legend, ""]
    body = []
    for r in doc["rows"]:
        hit, wall, cpu = r.get("hit_ns"), r.get("wall_ns"), r.get("cpu_ns")
        body.append([r["level"], r["rung"], _with_ci(hit), _with_ci(hit and hit.get("speedup"), "x"),
                     _num(wall["value"]), _with_ci(wall.get("speedup"), "x"), _num(cpu["value"]),
                     _with_ci(cpu.get("speedup"), "x"),
                     f"{talk_speedup:.2f}x" if r["level"] == "native-objects" else ""])
    lines.append(_table(["level", "rung", "hit ns", "hit speedup", "all ns", "all speedup", "all CPU ns",
                         "CPU speedup", "talk"], body))
    talk_line = (f"The talk: {TALK_PYTHON_MU_NS:,} ns per hit pixel in pure Python, {TALK_PYO3_MU_NS:,} ns "
                 f"with its PyO3 Vec, Sphere and Line: {talk_speedup:.2f}x.")
    costs_line = ("What one crossing costs (CPU ns per call, less the bare loop's "
                  f"{doc['call_cost_ns']['python']['empty_loop']:.1f} ns; median of 5 loops):")
    lines += ["", talk_line, "", costs_line]
    names = list(micro.BENCHMARKS)
    lines.append(_table(["rung", "", *names],
                        [[rung, "", *(f"{c[n]:.1f}" for n in names)] for rung, c in doc["call_cost_ns"].items()]))
    lines += [f"  {n}: {micro.BENCHMARKS[n][0]}, {micro.BENCHMARKS[n][1]}" for n in names]
    frame = row_of(doc["rows"], "native-frame", "rtcli")
    if frame and "call_ns" in frame:
        per_pixel = frame["call_ns"]["value"] / (cfg["width"] * cfg["height"])
        lines += ["", (f"rtcli.render's cost per call beyond the pixels (a 1x1 frame, wall): "
                       f"{_with_ci(frame['call_ns'])} ns, {per_pixel:.3f} ns per pixel of this frame")]
    lines += ["", "Goals:"]
    verdict = {True: "met", False: "NOT met", None: "not measured"}
    lines += [f"  {verdict[g['met']]}: {g['goal']}: {g['measured']}" for g in doc["goals"]]
    for rung, why in doc["skipped"].items():
        lines.append(f"skipped rung {rung}: {why}")
    return "\n".join(lines) + "\n"


def simd_target(binary):
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=60, check=False).stdout
    except OSError:
        return None
    return next((line.split(":", 1)[1].strip() for line in out.splitlines() if line.startswith("SIMD target:")), None)


def main(argv=None):
    parser = script_args.OneLineArgumentParser(prog=PROG, description=__doc__)
    parser.add_argument("out", metavar="OUTDIR", help="folder for ladder.json, ladder.txt and ladder.png")
    parser.add_argument("--size", type=script_args.size, default=(800, 600), metavar="WxH",
                        help="frame size (default 800x600, the seed's)")
    parser.add_argument("--runs", type=script_args.count_from(2, 1000), default=5, metavar="N",
                        help="runs of every row, interleaved (default 5)")
    parser.add_argument("--frames", type=script_args.count_from(1, 100_000), default=100, metavar="N",
                        help="frames per run for native-frame and rtcli bench (default 100)")
    parser.add_argument("--calls", type=script_args.count_from(1, 10_000_000), default=200_000, metavar="N",
                        help="calls per micro-benchmark loop (default 200000)")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"), metavar="DIR",
                        help="the build folder: rtcli, python/rtcli*.so, python/ladder/ (default build/)")
    parser.add_argument("--no-plot", action="store_true", help="no ladder.png (matplotlib not needed)")
    args = parser.parse_args(argv)
    args.rtcli = os.path.join(args.build, "rtcli")
    for name in ("ladder.json", "ladder.txt", "ladder.png"):
        problem = script_args.output_problem(os.path.join(args.out, name))
        if problem:
            script_args.fail(PROG, problem, 2)
    sys.path[:0] = [os.path.join(args.build, "python", "ladder"), os.path.join(args.build, "python")]
    try:
        import rtcli
    except ImportError as e:
        rtcli = None
        print(f"{PROG}: native-frame and rtcli's native-pixel skipped: cannot import rtcli ({e})", file=sys.stderr)
    found, skipped = rungs.find_rungs()
    for rung, why in skipped.items():
        print(f"{PROG}: rung {rung} skipped: {why}", file=sys.stderr)

    load_before = os.getloadavg()
    try:
        rows, bench_context = measure(args, rtcli, found)
        costs = call_costs(found, args.calls)
    except LadderError as e:
        script_args.fail(PROG, str(e))
    ctx = context()
    ctx.update(clock_overhead_ns=statistics.median(empty_intervals(100_000)), load_before=load_before, load_after=os.getloadavg(), simd_target=simd_target(args.rtcli),
               rungs={rung: m.__file__ for rung, m in found.items()}, bench=bench_context)
    doc = {"schema": SCHEMA, "context": ctx,
           "config": {"width": args.size[0], "height": args.size[1], "runs": args.runs, "frames": args.frames,
                      "micro_calls": args.calls, "resamples": ladder_stats.RESAMPLES},
           "talk": {"python_mu_ns": TALK_PYTHON_MU_NS, "pyo3_mu_ns": TALK_PYO3_MU_NS,
                    "speedup": TALK_PYTHON_MU_NS / TALK_PYO3_MU_NS},
           "pixels_equal_python": True,  # measure() fails otherwise
           "rows": rows, "call_cost_ns": costs, "skipped": skipped}
    doc["goals"] = goals(rows)
    text = format_report(doc)
    try:
        os.makedirs(args.out, exist_ok=True)
        rtcli_report.write_report(os.path.join(args.out, "ladder.json"), doc)
        rtcli_report.write_atomic(os.path.join(args.out, "ladder.txt"), text.encode())
        if not args.no_plot:
            import ladder_plot
            ladder_plot.save(doc, os.path.join(args.out, "ladder.png"))
    except OSError as e:
        script_args.fail(PROG, f"cannot write in '{args.out}': {e.strerror}")
    print(text, end="")
    return 0


if __name__ == "__main__":
    script_args.exit_with(PROG, main)

#!/usr/bin/env python3
"""The seed program's algorithm and the ladder from pure Python to native frames: renders the
one-sphere frame in scan order, times every pixel's colour call with time.perf_counter_ns (or
every frame, for native-frame), and writes an rtcli.bench/1 report (implementation and mode: the
--mode) and optionally the final frame as PNG. Each repetition is a separate pass without timers,
for throughput. Every mode renders the same pixels. Mode python needs the standard library only;
the others import the rtcli package (the project's venv: .venv/bin/python, after scripts/setup.sh).
"""

import array
import datetime
import functools
import itertools
import math
import os
import platform
import socket
import subprocess
import sys
import time

# Its siblings import as modules also when it is run through runpy (which adds no folder).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_stats
import rtcli_report
import script_args
from png_writer import encode_png
from seed_pixel import BACKGROUND, Vec3, import_rtcli, make_pixel_colour

PROG = "python_reference.py"
OVERHEAD_SAMPLES = 100_000  # empty intervals timed to measure the clock's own cost


def render(pixel_colour, width, height):
    """The frame as RGB bytes in scan order, without timers (the throughput pass)."""
    frame = bytearray(width * height * 3)
    i = 0
    for y in range(height):
        for x in range(width):
            frame[i:i + 3] = pixel_colour(x, y, width, height)
            i += 3
    return frame


def render_timed(pixel_colour, width, height):
    """The frame plus each pixel's colour-call time in ns, split into hit and background."""
    clock = time.perf_counter_ns
    frame = bytearray(width * height * 3)
    hit_ns = array.array("q")
    background_ns = array.array("q")
    i = 0
    for y in range(height):
        for x in range(width):
            start = clock()
            colour = pixel_colour(x, y, width, height)
            end = clock()
            (background_ns if colour == BACKGROUND else hit_ns).append(end - start)
            frame[i:i + 3] = colour
            i += 3
    return frame, hit_ns, background_ns


def empty_intervals(n):
    """n timings of nothing, taken exactly as a pixel is timed but with no call between."""
    clock = time.perf_counter_ns
    samples = array.array("q")
    for _ in range(n):
        start = clock()
        end = clock()
        samples.append(end - start)
    return samples


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def git_revision():
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=os.path.dirname(os.path.abspath(__file__)),
                             capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def context():
    return {"date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "host": socket.gethostname(), "cpu_model": cpu_model(), "logical_cores": os.cpu_count(),
            "compiler": f"{platform.python_implementation()} {platform.python_version()}"
                        f" (interpreter built with {platform.python_compiler()})",
            "compiler_flags": None, "build_type": None, "tbb_version": None,
            "git_revision": git_revision(), "python_version": platform.python_version(),
            "python_executable": sys.executable}


def gbench_entries(name, wall_ms, cpu_ms):
    """Google Benchmark JSON rows (one per repetition plus aggregates) for compare.py, in ns as
    rtcli bench writes them (compare.py skips a row whose unit differs between the files)."""
    reps = len(wall_ms)
    wall_ms, cpu_ms = [w * 1e6 for w in wall_ms], [c * 1e6 for c in cpu_ms]
    rows = [{"name": name, "run_name": name, "run_type": "iteration", "repetitions": reps,
             "repetition_index": i, "threads": 1, "iterations": 1, "real_time": w, "cpu_time": c,
             "time_unit": "ns"} for i, (w, c) in enumerate(zip(wall_ms, cpu_ms))]
    aggregates = {"mean": lambda v: math.fsum(v) / len(v), "median": bench_stats.median,
                  "stddev": lambda v: bench_stats.mean_stddev(v)[1] or 0.0}
    if reps > 1:  # Google Benchmark writes aggregates only for repeated runs
        for agg, f in aggregates.items():
            rows.append({"name": f"{name}_{agg}", "run_name": name, "run_type": "aggregate",
                         "repetitions": reps, "threads": 1, "aggregate_name": agg, "iterations": reps,
                         "real_time": f(wall_ms), "cpu_time": f(cpu_ms), "time_unit": "ns"})
    return rows


def latency_entries(classes):
    """One Google Benchmark row per latency class with samples: the raw median in ns (the mean
    swings with a few descheduled pixels)."""
    return [{"name": f"pixel_latency/{name}", "run_name": f"pixel_latency/{name}",
             "run_type": "iteration", "repetitions": 1, "repetition_index": 0, "threads": 1,
             "iterations": c["count"], "real_time": c["p50_ns"], "cpu_time": c["p50_ns"],
             "time_unit": "ns"} for name, c in classes.items() if c["count"]]


MODES = ("python", "native-vectors", "native-pixel", "native-frame")
CALL_COST_CALLS = 200_000  # calls per loop when timing one crossing into rtcli


def pixel_function(mode, rtcli):
    """The colour of one pixel, (x, y, width, height) -> (r, g, b), as the mode computes it."""
    if mode == "python":
        return make_pixel_colour(Vec3)
    if mode == "native-vectors":  # the talk's second version: the same loop, native vectors
        return make_pixel_colour(rtcli.Vec3)
    return functools.partial(rtcli.shade_pixel, rtcli.Scene())  # one crossing per pixel


def ns_per_call(loop, calls=CALL_COST_CALLS, runs=5):
    """Median over runs of loop(calls)'s CPU time per call, in ns (CPU time: a loaded machine
    stretches wall time)."""
    times = []
    for _ in range(runs):
        start = time.process_time_ns()
        loop(calls)
        times.append((time.process_time_ns() - start) / calls)
    return bench_stats.median(times)


def call_costs(rtcli):
    """What one crossing costs: a dot product through rtcli.Vec3 against the Python class's,
    each less the cost of the bare loop around it."""
    def loop_over(f, arg):
        def run(n):
            for _ in range(n):
                f(arg)
        return run

    def bare(n):
        for _ in range(n):
            pass

    empty = ns_per_call(bare)
    native, python = rtcli.Vec3(1.0, 2.0, 3.0), Vec3(1.0, 2.0, 3.0)
    return {"method": f"CPU time, median of 5 loops of {CALL_COST_CALLS} calls, less an empty loop's",
            "empty_loop_ns": empty,
            "rtcli_vec3_dot_ns": ns_per_call(loop_over(native.dot, native)) - empty,
            "python_vec3_dot_ns": ns_per_call(loop_over(python.dot, python)) - empty,
            "rtcli_vec3_sub_ns": ns_per_call(loop_over(native.__sub__, native)) - empty,
            "python_vec3_sub_ns": ns_per_call(loop_over(python.__sub__, python)) - empty}


def measure_pixels(pixel_colour, width, height, repetitions):
    """Untimed passes for throughput, then the pass that times every pixel as the seed did:
    (wall_ms, cpu_ms, latency wall ms, classes, overhead, frame)."""
    wall_ms, cpu_ms = [], []
    for _ in range(repetitions):
        wall0, cpu0 = time.perf_counter_ns(), time.process_time_ns()
        frame = render(pixel_colour, width, height)
        wall_ms.append((time.perf_counter_ns() - wall0) / 1e6)
        cpu_ms.append((time.process_time_ns() - cpu0) / 1e6)
    wall0 = time.perf_counter_ns()
    timed_frame, hit_ns, background_ns = render_timed(pixel_colour, width, height)
    timed_wall_ms = (time.perf_counter_ns() - wall0) / 1e6
    if timed_frame != frame:
        raise RuntimeError("the timed and untimed passes rendered different frames")
    overhead = bench_stats.overhead_summary(empty_intervals(OVERHEAD_SAMPLES))
    classes = {"all": bench_stats.latency_class(itertools.chain(hit_ns, background_ns), overhead["median"]),
               "hit": bench_stats.latency_class(hit_ns, overhead["median"]),
               "background": bench_stats.latency_class(background_ns, overhead["median"])}
    return wall_ms, cpu_ms, timed_wall_ms, classes, overhead, frame


def measure_frames(rtcli, width, height, repetitions, threads):
    """Whole frames from rtcli.render, each timed as a whole: the same tuple as measure_pixels.
    Latency class "all" holds one sample per frame, its time per pixel (frame time / pixels)."""
    scene = rtcli.Scene()
    rtcli.render(scene, (width, height), threads=threads)  # warm-up: starts the worker threads
    wall_ms, cpu_ms = [], []
    for _ in range(repetitions):
        wall0, cpu0 = time.perf_counter_ns(), time.process_time_ns()
        image = rtcli.render(scene, (width, height), threads=threads)
        wall_ms.append((time.perf_counter_ns() - wall0) / 1e6)
        cpu_ms.append((time.process_time_ns() - cpu0) / 1e6)
    overhead = bench_stats.overhead_summary(empty_intervals(OVERHEAD_SAMPLES))
    pixels = width * height
    per_pixel = [ms * 1e6 / pixels for ms in wall_ms]
    classes = {"all": bench_stats.latency_class(per_pixel, overhead["median"] / pixels),
               "hit": bench_stats.latency_class([], 0), "background": bench_stats.latency_class([], 0)}
    return wall_ms, cpu_ms, math.fsum(wall_ms), classes, overhead, bytearray(image.tobytes())


def measure(mode, width, height, repetitions, threads=1, rtcli=None):
    """Run every pass of one mode and return (report, final frame)."""
    pixels = width * height
    if mode == "native-frame":
        wall_ms, cpu_ms, timed_wall_ms, classes, overhead, frame = measure_frames(
            rtcli, width, height, repetitions, threads)
    else:
        threads = 1
        wall_ms, cpu_ms, timed_wall_ms, classes, overhead, frame = measure_pixels(
            pixel_function(mode, rtcli), width, height, repetitions)

    throughput = bench_stats.throughput_entry(threads, wall_ms, pixels)
    throughput["speedup"] = {"value": 1.0, "ci95_low": 1.0, "ci95_high": 1.0}  # one thread count
    throughput["efficiency"] = 1.0
    clock = {"source": "perf_counter_ns", "ns_per_tick": 1.0,
             "calibration": "none needed: time.perf_counter_ns returns nanoseconds "
                            f"({time.get_clock_info('perf_counter').implementation}, resolution "
                            f"{time.get_clock_info('perf_counter').resolution:g} s)",
             "overhead_ns": overhead, "overhead_samples": OVERHEAD_SAMPLES}
    ctx = context()
    if rtcli is not None:
        ctx["rtcli_module"] = rtcli.__file__
        ctx["render_path"] = rtcli.Scene().render_path
    report = {
        "schema": rtcli_report.SCHEMA,
        "implementation": mode,
        "mode": mode,
        "context": ctx,
        "config": {"width": width, "height": height, "tile_width": width, "tile_height": height,
                   "threads": [threads], "repetitions": repetitions,
                   "warmup": 1 if mode == "native-frame" else 0, "scene": "seed"},
        "throughput": [throughput],
        "latency": {"threads": threads, "wall_ms": timed_wall_ms, "clock": clock, "classes": classes,
                    "sample": "frame" if mode == "native-frame" else "pixel"},
        # Named as rtcli bench names its entries, so compare.py pairs the implementations.
        "benchmarks": gbench_entries(f"render/{width}x{height}/threads:{threads}", wall_ms, cpu_ms)
        + latency_entries(classes),
    }
    if mode == "native-frame":  # rtcli.render's tiles: rtcli render's default, full-row strips
        report["config"]["tile_width"], report["config"]["tile_height"] = 4096, 16
    else:  # the seed renders the frame as one tile in scan order on one thread
        report["tiles"] = [{"index": 0, "x": 0, "y": 0, "width": width, "height": height, "pixels": pixels,
                            "thread": 0, "start_us": 0, "duration_us": timed_wall_ms * 1e3}]
        report["thread_balance"] = [{"thread": 0, "tiles": 1, "pixels": pixels, "busy_ms": timed_wall_ms}]
    if mode == "native-vectors":
        report["call_cost_ns"] = call_costs(rtcli)
    return report, frame


def summary_line(report):
    t = report["throughput"][0]
    cfg = report["config"]
    ns_per_pixel = t["median_ms"] * 1e6 / (cfg["width"] * cfg["height"])
    if report["mode"] == "native-frame":
        return (f"{report['mode']} {cfg['width']}x{cfg['height']} on {t['threads']} thread(s): "
                f"{ns_per_pixel:.3f} ns per pixel, {t['mpix_per_s']:.2f} Mpix/s (median of "
                f"{len(t['wall_ms'])} frames, {t['median_ms']:.3f} ms each)")
    hit = report["latency"]["classes"]["hit"]
    mu = "n/a" if hit["mean_ns"] is None else f"{hit['mean_ns']:.2f}"
    sigma = "n/a" if hit["stddev_ns"] is None else f"{hit['stddev_ns']:.2f}"
    return (f"{report['mode']} {cfg['width']}x{cfg['height']}: hit pixels mu={mu} ns sigma={sigma} ns "
            f"N={hit['count']} p50={hit['p50_ns']} ns; clock overhead median {report['latency']['clock']['overhead_ns']['median']} ns; "
            f"{ns_per_pixel:.1f} ns per pixel, {t['mpix_per_s']:.4f} Mpix/s (median of {len(t['wall_ms'])} "
            "untimed passes)")


def main(argv=None):
    parser = script_args.OneLineArgumentParser(prog=PROG, description=__doc__)
    parser.add_argument("--size", type=script_args.size, default=(800, 600), metavar="WxH",
                        help="frame size in pixels (default 800x600, the seed's)")
    parser.add_argument("--json", metavar="FILE", help="write the rtcli.bench/1 report here")
    parser.add_argument("--png", metavar="FILE", help="write the final frame here as PNG")
    parser.add_argument("--mode", choices=MODES, default="python",
                        help="python: the seed's loop (default); native-vectors: the same loop over "
                             "rtcli.Vec3; native-pixel: rtcli.shade_pixel per pixel; native-frame: "
                             "rtcli.render per frame")
    parser.add_argument("--repetitions", type=script_args.count_from(1, 100_000), metavar="N",
                        help="untimed passes for throughput (default 1; native-frame: 100 frames)")
    parser.add_argument("--threads", type=script_args.count_from(1, 1024), default=1, metavar="N",
                        help="native-frame's worker threads (default 1, as the seed ran)")
    args = parser.parse_args(argv)
    if args.threads != 1 and args.mode != "native-frame":
        parser.error(f"argument --threads: only native-frame renders in parallel, not {args.mode}")
    repetitions = args.repetitions or (100 if args.mode == "native-frame" else 1)
    rtcli = None
    if args.mode != "python":
        rtcli, problem = import_rtcli()
        if problem:
            script_args.fail(PROG, problem)
    outputs = [p for p in (args.json, args.png) if p]
    for path in outputs:  # a bad path fails before the work, and nothing is written
        problem = script_args.output_problem(path)
        if problem:
            script_args.fail(PROG, problem, 2)
    if args.json and args.png and os.path.abspath(args.json) == os.path.abspath(args.png):
        script_args.fail(PROG, f"--json and --png name the same file '{args.json}'", 2)

    width, height = args.size
    try:
        report, frame = measure(args.mode, width, height, repetitions, args.threads, rtcli)
    except MemoryError:
        script_args.fail(PROG, f"out of memory for a {width}x{height} frame")
    try:
        for path in outputs:
            script_args.make_parent(path)
        if args.png:
            rtcli_report.write_atomic(args.png, encode_png(width, height, frame))
        if args.json:
            rtcli_report.write_report(args.json, report)
    except OSError as e:
        script_args.fail(PROG, f"cannot write '{e.filename or path}': {e.strerror}")
    print(summary_line(report))
    return 0


if __name__ == "__main__":
    script_args.exit_with(PROG, main)

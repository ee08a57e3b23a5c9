#!/usr/bin/env python3
"""The seed program's algorithm in pure Python: renders the one-sphere frame in scan order with
small vector classes, times every pixel's colour call with time.perf_counter_ns, and writes an
rtcli.bench/1 report (implementation "python") and optionally the final frame as PNG. Each
repetition is a separate pass without timers, for throughput. Standard library only; no window.
"""

import array
import datetime
import itertools
import math
import os
import platform
import socket
import subprocess
import sys
import time

import bench_stats
import rtcli_report
import script_args
from png_writer import encode_png

PROG = "python_reference.py"
OVERHEAD_SAMPLES = 100_000  # empty intervals timed to measure the clock's own cost


class Vec3:
    """A 3-vector of doubles, as the seed's pure-Python version had."""

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vec3(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vec3(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vec3(self.x * k, self.y * k, self.z * k)

    def dot(self, other):
        return (self.x * other.x + self.y * other.y) + self.z * other.z


def normalise(a):
    return a * (1 / math.sqrt(a.dot(a)))


VIEW = Vec3(0.0, 0.0, 1.0)
SPHERE_CENTRE = Vec3(4.0, 3.0, 10.0)
SPHERE_RADIUS = 2.0
LIGHT = Vec3(8.0, 0.0, 7.0)
BACKGROUND = (100, 100, 100)  # returned as this very object, so callers can tell a miss cheaply


def pixel_colour(x, y, width, height):
    """The seed's colour of pixel (x, y), operation for operation (IEEE double)."""
    p = Vec3((8.0 * x) / width, (6.0 * y) / height, 0.0)
    d = p - SPHERE_CENTRE
    sp = VIEW.dot(d)
    rat = 4 * (sp * sp - (d.dot(d) - SPHERE_RADIUS * SPHERE_RADIUS))
    if rat < 0:
        return BACKGROUND
    s = math.sqrt(rat)
    t = min(-1 * sp + s / 2, -1 * sp - s / 2)
    hit = p + VIEW * t
    n = normalise(hit - SPHERE_CENTRE)
    light = normalise(LIGHT - hit)
    c = int(n.dot(light) * 255)  # int() truncates towards zero, like the seed
    return (max(c, 30), 0, 0)


def render(width, height):
    """The frame as RGB bytes in scan order, without timers (the throughput pass)."""
    frame = bytearray(width * height * 3)
    i = 0
    for y in range(height):
        for x in range(width):
            frame[i:i + 3] = pixel_colour(x, y, width, height)
            i += 3
    return frame


def render_timed(width, height):
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
            (background_ns if colour is BACKGROUND else hit_ns).append(end - start)
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
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def context():
    return {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "host": socket.gethostname(), "cpu_model": cpu_model(), "logical_cores": os.cpu_count(),
            "compiler": f"{platform.python_implementation()} {platform.python_version()}"
                        f" (interpreter built with {platform.python_compiler()})",
            "compiler_flags": None, "build_type": None, "tbb_version": None,
            "git_revision": git_revision(), "python_version": platform.python_version(),
            "python_executable": sys.executable}


def gbench_entries(name, wall_ms, cpu_ms):
    """Google Benchmark JSON rows (one per repetition plus aggregates) for compare.py."""
    reps = len(wall_ms)
    rows = [{"name": name, "run_name": name, "run_type": "iteration", "repetitions": reps,
             "repetition_index": i, "threads": 1, "iterations": 1, "real_time": w, "cpu_time": c,
             "time_unit": "ms"} for i, (w, c) in enumerate(zip(wall_ms, cpu_ms))]
    aggregates = {"mean": lambda v: math.fsum(v) / len(v), "median": bench_stats.median,
                  "stddev": lambda v: bench_stats.mean_stddev(v)[1] or 0.0}
    if reps > 1:  # Google Benchmark writes aggregates only for repeated runs
        for agg, f in aggregates.items():
            rows.append({"name": f"{name}_{agg}", "run_name": name, "run_type": "aggregate",
                         "repetitions": reps, "threads": 1, "aggregate_name": agg, "iterations": reps,
                         "real_time": f(wall_ms), "cpu_time": f(cpu_ms), "time_unit": "ms"})
    return rows


def latency_entries(classes):
    """One Google Benchmark row per latency class with samples: the raw mean in ns."""
    return [{"name": f"pixel_latency/{name}", "run_name": f"pixel_latency/{name}",
             "run_type": "iteration", "repetitions": 1, "repetition_index": 0, "threads": 1,
             "iterations": c["count"], "real_time": c["mean_ns"], "cpu_time": c["mean_ns"],
             "time_unit": "ns"} for name, c in classes.items() if c["count"]]


def measure(width, height, repetitions):
    """Run every pass and return (report, final frame)."""
    pixels = width * height
    # Throughput: one untimed pass per repetition, timed as a whole.
    wall_ms, cpu_ms = [], []
    for _ in range(repetitions):
        wall0, cpu0 = time.perf_counter_ns(), time.process_time_ns()
        frame = render(width, height)
        wall_ms.append((time.perf_counter_ns() - wall0) / 1e6)
        cpu_ms.append((time.process_time_ns() - cpu0) / 1e6)
    # Latency: the instrumented pass, then the clock's own cost.
    wall0 = time.perf_counter_ns()
    timed_frame, hit_ns, background_ns = render_timed(width, height)
    timed_wall_ms = (time.perf_counter_ns() - wall0) / 1e6
    if timed_frame != frame:
        raise RuntimeError("the timed and untimed passes rendered different frames")
    overhead = bench_stats.overhead_summary(empty_intervals(OVERHEAD_SAMPLES))

    throughput = bench_stats.throughput_entry(1, wall_ms, pixels)
    throughput["speedup"] = {"value": 1.0, "ci95_low": 1.0, "ci95_high": 1.0}  # it is the baseline
    throughput["efficiency"] = 1.0
    classes = {"all": bench_stats.latency_class(itertools.chain(hit_ns, background_ns), overhead["median"]),
               "hit": bench_stats.latency_class(hit_ns, overhead["median"]),
               "background": bench_stats.latency_class(background_ns, overhead["median"])}
    clock = {"source": "perf_counter_ns", "ns_per_tick": 1.0,
             "calibration": "none needed: time.perf_counter_ns returns nanoseconds "
                            f"({time.get_clock_info('perf_counter').implementation}, resolution "
                            f"{time.get_clock_info('perf_counter').resolution:g} s)",
             "overhead_ns": overhead, "overhead_samples": OVERHEAD_SAMPLES}
    report = {
        "schema": rtcli_report.SCHEMA,
        "implementation": "python",
        "context": context(),
        "config": {"width": width, "height": height, "tile_width": width, "tile_height": height,
                   "threads": [1], "repetitions": repetitions, "warmup": 0, "scene": "seed"},
        "throughput": [throughput],
        "latency": {"threads": 1, "wall_ms": timed_wall_ms, "clock": clock, "classes": classes},
        # The seed renders the frame as one tile in scan order on one thread.
        "tiles": [{"index": 0, "x": 0, "y": 0, "width": width, "height": height, "pixels": pixels,
                   "thread": 0, "start_us": 0, "duration_us": timed_wall_ms * 1e3}],
        "thread_balance": [{"thread": 0, "tiles": 1, "pixels": pixels, "busy_ms": timed_wall_ms}],
        # Named as rtcli bench names its entries, so compare.py pairs the two implementations.
        "benchmarks": gbench_entries(f"render/{width}x{height}/threads:1", wall_ms, cpu_ms)
        + latency_entries(classes),
    }
    return report, frame


def summary_line(report):
    hit = report["latency"]["classes"]["hit"]
    t = report["throughput"][0]
    cfg = report["config"]
    mu = "n/a" if hit["mean_ns"] is None else f"{hit['mean_ns']:.2f}"
    sigma = "n/a" if hit["stddev_ns"] is None else f"{hit['stddev_ns']:.2f}"
    return (f"python reference {cfg['width']}x{cfg['height']}: hit pixels mu={mu} ns sigma={sigma} ns "
            f"N={hit['count']} p50={hit['p50_ns']} ns; clock overhead median {report['latency']['clock']['overhead_ns']['median']} ns; "
            f"{t['mpix_per_s']:.4f} Mpix/s (median of {len(t['wall_ms'])} untimed passes)")


def main(argv=None):
    parser = script_args.OneLineArgumentParser(prog=PROG, description=__doc__)
    parser.add_argument("--size", type=script_args.size, default=(800, 600), metavar="WxH",
                        help="frame size in pixels (default 800x600, the seed's)")
    parser.add_argument("--json", metavar="FILE", help="write the rtcli.bench/1 report here")
    parser.add_argument("--png", metavar="FILE", help="write the final frame here as PNG")
    parser.add_argument("--repetitions", type=script_args.count_from(1, 1000), default=1, metavar="N",
                        help="untimed passes for throughput (default 1)")
    args = parser.parse_args(argv)
    outputs = [p for p in (args.json, args.png) if p]
    for path in outputs:  # a bad path fails before the work, and nothing is written
        problem = script_args.output_problem(path)
        if problem:
            script_args.fail(PROG, problem, 2)
    if args.json and args.png and os.path.abspath(args.json) == os.path.abspath(args.png):
        script_args.fail(PROG, f"--json and --png name the same file '{args.json}'", 2)

    width, height = args.size
    try:
        report, frame = measure(width, height, args.repetitions)
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
    sys.exit(main())

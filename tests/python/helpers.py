"""Shared by the Python tests: paths, running the scripts, a PNG reader, fixture reports."""

import os
import random
import struct
import subprocess
import sys
import zlib

TESTS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(TESTS))
SCRIPTS = os.path.join(ROOT, "scripts")
sys.path.insert(0, SCRIPTS)

import bench_stats
import rtcli_report

# ctest passes the built binary and the seed folder; by hand the defaults beside the project work.
RTCLI = os.environ.get("RTCLI_BINARY", os.path.join(ROOT, "build", "rtcli"))
SEED_DIR = os.environ.get("RTCLI_SEED_DIR", os.path.join(ROOT, "..", "shared", "seed"))
# The folder holding the built rtcli package; ctest sets it empty when CMake did not build it.
MODULE_DIR = os.environ.get("RTCLI_PYTHON_MODULE_DIR", os.path.join(ROOT, "build", "python"))
MODULE_SKIP = "the rtcli Python package was not built (no venv with nanobind, or no python3-dev)"


def import_rtcli():
    """The built rtcli package from MODULE_DIR."""
    if MODULE_DIR not in sys.path:
        sys.path.insert(0, MODULE_DIR)
    import rtcli
    return rtcli


def binary_env():
    """The environment for the rtcli binary: without the ASan runtime the module's tests preload
    (a sanitized rtcli links its own)."""
    return {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}


def module_env():
    """The environment for a script that imports the module."""
    return dict(os.environ, PYTHONPATH=MODULE_DIR)


def run_script(name, *args, python=None, env=None):
    """Run scripts/NAME with args; the completed process, output as text."""
    command = [python or sys.executable, os.path.join(SCRIPTS, name), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, check=False)


def read_png(path):
    """(width, height, RGB bytes) of an 8-bit RGB, non-interlaced PNG (any row filters)."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    assert (depth, colour_type, interlace) == (8, 2, 0), f"{path}: not 8-bit RGB non-interlaced"
    raw = zlib.decompress(idat)
    stride, bpp = width * 3, 3
    out = bytearray()
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = row[i - bpp] if i >= bpp else 0
            up = previous[i]
            up_left = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + up) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else up_left)
                row[i] = (row[i] + predictor) & 0xFF
            else:
                assert kind == 0, f"{path}: unknown filter {kind}"
        out += row
        previous = row
    return width, height, bytes(out)


def synthetic_cpp_report(threads=(1, 2, 4), seed=7):
    """A C++-style report: bucket percentiles, several thread counts with speedups."""
    rng = random.Random(seed)
    width, height = 64, 48
    hit = [max(1, round(rng.lognormvariate(3.0, 0.2))) for _ in range(1200)]
    background = [max(1, round(rng.lognormvariate(1.5, 0.2))) for _ in range(width * height - 1200)]

    def bucket_class(values):
        c = bench_stats.latency_class(values, 3)
        for summary in (c, c["corrected"]):
            for field, q in bench_stats.PERCENTILES.items():
                summary[field] = bench_stats.bucket_percentile(summary["buckets"], q) if summary["count"] else None
        return c

    throughput = []
    one = None
    for t in threads:
        wall = [2.0 / t * rng.uniform(0.95, 1.1) for _ in range(5)]
        entry = bench_stats.throughput_entry(t, wall, width * height)
        one = one or entry
        entry["speedup"] = {"value": one["median_ms"] / entry["median_ms"],
                            "ci95_low": one["median_ms"] / entry["median_ms"] * 0.9,
                            "ci95_high": one["median_ms"] / entry["median_ms"] * 1.1}
        entry["efficiency"] = entry["speedup"]["value"] / t
        throughput.append(entry)
    return {"schema": rtcli_report.SCHEMA, "implementation": "cpp",
            "context": {"logical_cores": 2, "git_revision": None, "future_field": [1, 2]},
            "config": {"width": width, "height": height, "tile_width": 16, "tile_height": 16,
                       "threads": list(threads), "repetitions": 5, "warmup": 1, "scene": "seed"},
            "throughput": throughput,
            "latency": {"threads": threads[-1], "wall_ms": 1.0,
                        "clock": {"source": "tsc", "ns_per_tick": 0.3, "calibration": "test",
                                  "overhead_ns": {"min": 2, "median": 3, "mean": 3.2}},
                        "classes": {"all": bucket_class(hit + background), "hit": bucket_class(hit),
                                    "background": bucket_class(background)}}}

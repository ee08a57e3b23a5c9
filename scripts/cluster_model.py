#!/usr/bin/env python3
"""A model of rtcli render across MPI ranks on a cluster: predicted speedup for 2 to 64 nodes.

Measures on this machine what one band costs (one worker renders and compresses it) and what it
weighs compressed (rtcli render --threads 1, per profile), then models N nodes of C cores:

  compute  = ceil(bands / (N * C)) * band_seconds     workers on every node take bands
                                                       dynamically; a band is the grain
  network  = bytes * (N - 1) / N / link               rank 0's link receives every other
                                                       node's compressed bands
  writer   = written_bytes / write_rate               rank 0 appends bands and checkpoints
  counter  = bands * grab_seconds                     rank 0 serves each fetch-and-add in turn

frame time = the largest; speedup = one node's frame time over N nodes'. It is a model, not a
measurement: no contention inside a node, a full-duplex link, no start-up (mpirun, scene load).

    /usr/bin/python3 scripts/cluster_model.py --rtcli build/rtcli --size 7680x4320 --tile 4096x1
"""

import math
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from script_args import OneLineArgumentParser, count_from, exit_with, fail, size

PROFILES = ("seed", "showcase", "field-10000")
NODES = (2, 4, 8, 16, 32, 64)
SUMMARY = re.compile(r"rendered (\d+)x(\d+) in (\d+) bands? of (\d+) rows? on (\d+) threads?: "
                     r"([0-9.]+) ms")


def measure(rtcli, profile, width, height, tile, runs):
    """(seconds per band on one worker, bands, bytes of final.png, bytes of every file)."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    scene = [] if profile == "seed" else ["--scene", os.path.join(root, "profiles", profile + ".json")]
    best = None
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            done = subprocess.run([rtcli, "render", "--size", f"{width}x{height}", "--tile",
                                   f"{tile[0]}x{tile[1]}", "--threads", "1", "--out", out, *scene],
                                  capture_output=True, text=True, check=False)
            if done.returncode != 0:
                fail("cluster_model.py", f"{rtcli} failed: {done.stderr.strip()}")
            match = SUMMARY.search(done.stdout)
            if not match:
                fail("cluster_model.py", f"unexpected rtcli output: {done.stdout.strip()}")
            bands = int(match.group(3))
            seconds = float(match.group(6)) / 1e3
            final = os.path.getsize(os.path.join(out, "final.png"))
            written = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out))
            if best is None or seconds < best[0] * best[1]:
                best = (seconds / bands, bands, final, written)
    return best


def frame_time(band_seconds, bands, final_bytes, written_bytes, nodes, cores, link_bits, write_rate,
               grab_seconds):
    """(seconds, what limits it) for one frame on `nodes` nodes."""
    times = {
        "compute" if bands > nodes * cores else "bands (fewer than workers)":
            math.ceil(bands / (nodes * cores)) * band_seconds,
        "network": final_bytes * 8 * (nodes - 1) / nodes / link_bits,
        "rank 0 writing": written_bytes / write_rate,
        "band counter": bands * grab_seconds,
    }
    limit = max(times, key=times.get)
    return times[limit], limit


def main():
    parser = OneLineArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rtcli", default="build/rtcli", help="the rtcli binary to measure with")
    parser.add_argument("--size", type=size, default=(7680, 4320), help="frame WIDTHxHEIGHT")
    parser.add_argument("--tile", type=size, default=(4096, 1),
                        help="rtcli's --tile: its height sets the band (1: one PNG strip)")
    parser.add_argument("--profiles", default=",".join(PROFILES), help="comma-separated")
    parser.add_argument("--cores-per-node", type=count_from(1, 4096), default=32)
    parser.add_argument("--links", default="10,25", help="link speeds in Gbit/s, comma-separated")
    parser.add_argument("--write-mb-per-s", type=float, default=1000.0,
                        help="rank 0's sequential write rate (a local SSD: 1000)")
    parser.add_argument("--grab-us", type=float, default=2.0,
                        help="rank 0's service time per band hand-out (fetch-and-add), in us")
    parser.add_argument("--runs", type=count_from(1, 100), default=2,
                        help="renders per profile; the fastest is used")
    args = parser.parse_args()
    width, height = args.size
    links = [float(x) for x in args.links.split(",")]
    profiles = [p for p in args.profiles.split(",") if p]
    for p in profiles:
        if p not in PROFILES:
            fail("cluster_model.py", f"--profiles: unknown profile '{p}' (known: {', '.join(PROFILES)})", 2)

    print(f"Model (not a measurement): {width}x{height}, --tile {args.tile[0]}x{args.tile[1]}, "
          f"{args.cores_per_node} cores per node, "
          f"rank 0 writes at {args.write_mb_per_s:g} MB/s, {args.grab_us:g} us per hand-out; "
          f"per-band cost and bytes measured here with {args.rtcli} render --threads 1.")
    print()
    header = "| profile | link | " + " | ".join(f"{n} nodes" for n in NODES) + " | limit at 64 |"
    print(header)
    print("|" + "---|" * (len(NODES) + 3))
    for profile in profiles:
        band_seconds, bands, final, written = measure(args.rtcli, profile, width, height, args.tile,
                                                      args.runs)
        for link in links:
            one, _ = frame_time(band_seconds, bands, final, written, 1, args.cores_per_node,
                                link * 1e9, args.write_mb_per_s * 1e6, args.grab_us * 1e-6)
            cells = []
            limit = ""
            for n in NODES:
                t, limit = frame_time(band_seconds, bands, final, written, n, args.cores_per_node,
                                      link * 1e9, args.write_mb_per_s * 1e6, args.grab_us * 1e-6)
                cells.append(f"{one / t:.1f}x")
            print(f"| {profile} ({band_seconds * 1e3:.2f} ms/band, {final / bands / 1e3:.1f} kB/band,"
                  f" {bands} bands) | {link:g} Gbit/s | " + " | ".join(cells) + f" | {limit} |")


if __name__ == "__main__":
    exit_with("cluster_model.py", main)

#!/usr/bin/env python3
"""Writes a scene of COUNT spheres scattered over a 16x9 screen window, for rtcli render --scene.

Scenes of different counts are framed alike, so their per-pixel times compare: the same window
(16:9, for 1920x1080), the same two lights, spheres with centres uniform over the window and
over depths 10..20, and radii that shrink with the count so that the expected share of the
frame the spheres cover stays the same (COVERAGE). The output depends only on the arguments:
Python's random.Random(SEED) and fixed-precision numbers, so regenerating gives the same file.

Example: scripts/make_sphere_field.py 10000 -o profiles/field-10000.json
"""

import argparse
import json
import math
import os
import random
import sys
import tempfile

WINDOW = {"x": 0, "y": 0, "width": 16, "height": 9, "z": 0}
DEPTH = (10.0, 20.0)
LIGHTS = [
    {"name": "key", "position": [-4, -8, 2], "intensity": 0.8},
    {"name": "fill", "position": [22, -2, 4], "intensity": 0.4},
]


def sphere_field(count, seed, coverage):
    """The scene as a dict: `count` spheres, their radius set by the expected coverage."""
    rng = random.Random(seed)
    area = WINDOW["width"] * WINDOW["height"]
    # Expected covered share with n discs of radius r placed uniformly: 1 - exp(-n*pi*r^2/area).
    radius = math.sqrt(-math.log(1.0 - coverage) * area / (math.pi * count))
    spheres = []
    for _ in range(count):
        x = WINDOW["x"] + rng.random() * WINDOW["width"]
        y = WINDOW["y"] + rng.random() * WINDOW["height"]
        z = DEPTH[0] + rng.random() * (DEPTH[1] - DEPTH[0])
        hue = rng.random()
        spheres.append({
            "centre": [round(x, 4), round(y, 4), round(z, 4)],
            "radius": round(radius, 6),
            "colour": colour_of(hue),
        })
    return {
        "description": f"{count} spheres over a 16x9 window, covering about "
                       f"{round(coverage * 100)}% of the frame; made by "
                       f"scripts/make_sphere_field.py {count} --seed {seed}",
        "background": [24, 28, 40],
        "ambient": 25,
        "window": WINDOW,
        "spheres": spheres,
        "lights": LIGHTS,
    }


def colour_of(hue):
    """A saturated colour around the hue circle, channels 0..255 in whole numbers."""
    channels = []
    for offset in (0.0, 1.0 / 3.0, 2.0 / 3.0):
        wave = 0.5 + 0.5 * math.cos(2.0 * math.pi * (hue - offset))
        channels.append(round(60 + 195 * wave))
    return channels


def write_scene(scene, out):
    """One sphere per line: readable diffs, and a 10,000-sphere file still loads quickly."""
    head = {k: v for k, v in scene.items() if k not in ("spheres", "lights")}
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value)},")
    lines.append('  "spheres": [')
    body = [f"    {json.dumps(s)}" for s in scene["spheres"]]
    lines.append(",\n".join(body))
    lines.append("  ],")
    lines.append('  "lights": [')
    lines.append(",\n".join(f"    {json.dumps(light)}" for light in scene["lights"]))
    lines.append("  ]")
    lines.append("}")
    out.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int, help="number of spheres (at least 1)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--coverage", type=float, default=0.55,
                        help="expected share of the frame covered, in (0, 1) (default 0.55)")
    parser.add_argument("-o", "--output", help="JSON file to write (default: standard output)")
    args = parser.parse_args()
    if args.count < 1:
        parser.error(f"count must be at least 1, got {args.count}")
    if not 0.0 < args.coverage < 1.0:
        parser.error(f"coverage must be between 0 and 1, got {args.coverage}")
    scene = sphere_field(args.count, args.seed, args.coverage)
    if not args.output:
        write_scene(scene, sys.stdout)
        return
    # Through a temporary file in the same folder, renamed: the file is whole or absent.
    folder = os.path.dirname(os.path.abspath(args.output))
    temporary = None
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False,
                                         suffix=".tmp") as out:
            temporary = out.name
            write_scene(scene, out)
        os.replace(temporary, args.output)
    except OSError as error:
        if temporary and os.path.exists(temporary):
            os.remove(temporary)
        print(f"make_sphere_field.py: cannot write {args.output}: {error.strerror}",
              file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()

"""The talk's colour function over any implementation of its classes (Vec, Sphere, Line): pure
Python (scripts/talk_classes.py) or a rung's native ones. Sphere and Line only call their
vectors' methods: over a native Vec they are the native-vectors level of the ladder.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                                "scripts"))
from talk_classes import Line, Sphere, Vec  # noqa: E402

__all__ = ["BACKGROUND", "Line", "Sphere", "Vec", "make_colour"]

BACKGROUND = (100, 100, 100)  # a pixel that misses; every hit pixel has green 0


def make_colour(vec, sphere, line):
    """The seed's colour of pixel (x, y), (x, y, width, height) -> (r, g, b), over the classes
    given: the timed call of every level below native-pixel."""
    ball = sphere(vec(4.0, 3.0, 10.0), 2.0)
    light = vec(8.0, 0.0, 7.0)
    view = vec(0.0, 0.0, 1.0)

    def colour(x, y, width, height):
        hit = ball.intersect(line(vec((8.0 * x) / width, (6.0 * y) / height, 0.0), view))
        if hit is None:
            return BACKGROUND
        c = int(ball.get_normal(hit) * (light - hit).normal() * 255)  # int() truncates towards 0
        return (max(c, 30), 0, 0)

    return colour

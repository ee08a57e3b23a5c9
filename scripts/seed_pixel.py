"""The seed program's colour of one pixel, over a vector class that can be swapped: the pure
Python Vec3 here (the talk's first version) or the native rtcli.Vec3 (its second version, every
vector operation one call into C++). Also finds the rtcli module, or says why it cannot.
"""

import math
import sys


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


# What a pixel that misses the sphere gets; every hit pixel has green 0, so never this colour.
BACKGROUND = (100, 100, 100)


def make_pixel_colour(vec3):
    """The seed's colour function, operation for operation (IEEE double), over class vec3.

    With rtcli.Vec3 a hit pixel makes 13 calls into C++ (3 constructions and 10 operations) and
    a background pixel 4; the rest (sqrt, min, int) stays Python, as in the talk.
    """
    view = vec3(0.0, 0.0, 1.0)
    centre = vec3(4.0, 3.0, 10.0)
    radius = 2.0
    light_at = vec3(8.0, 0.0, 7.0)
    sqrt = math.sqrt

    def normalise(a):
        return a * (1 / sqrt(a.dot(a)))

    def pixel_colour(x, y, width, height):
        p = vec3((8.0 * x) / width, (6.0 * y) / height, 0.0)
        d = p - centre
        sp = view.dot(d)
        rat = 4 * (sp * sp - (d.dot(d) - radius * radius))
        if rat < 0:
            return BACKGROUND
        s = sqrt(rat)
        t = min(-1 * sp + s / 2, -1 * sp - s / 2)
        hit = p + view * t
        n = normalise(hit - centre)
        light = normalise(light_at - hit)
        c = int(n.dot(light) * 255)  # int() truncates towards zero, like the seed
        return (max(c, 30), 0, 0)

    return pixel_colour


def import_rtcli():
    """The rtcli package, or (None, one line saying why it cannot be imported and what to do)."""
    here = f"{sys.executable} (Python {sys.version_info.major}.{sys.version_info.minor})"
    run = f".venv/bin/python {sys.argv[0]} ..."
    try:
        import numpy  # noqa: F401  (rtcli.render returns numpy arrays)
    except ImportError as e:
        return None, f"numpy is missing for {here}: {e}; run the project's venv (scripts/setup.sh makes it): {run}"
    try:
        import rtcli  # installed into the venv by scripts/setup.sh
    except ImportError as e:
        return None, (f"cannot import the rtcli module with {here}: {e}; scripts/setup.sh builds it "
                      f"and installs it into the project's venv: {run}")
    return rtcli, None

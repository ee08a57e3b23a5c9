"""The talk's classes in pure Python, and its colour function over any implementation of them.

Vec(x, y, z) with `+`, `-`, `*` (the dot product), `scale`, `normal` and `len`; Line(p, v);
Sphere(centre, radius) with `intersect(line)` (the nearer hit, or None) and `get_normal(p)`.
IEEE double in the seed's order of operations, so every binding rung must give the same pixels.
Sphere and Line only call their vectors' methods: over a native Vec they are the native-vectors
level of the ladder.
"""

import math

BACKGROUND = (100, 100, 100)  # a pixel that misses; every hit pixel has green 0


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, other):
        return (self.x * other.x + self.y * other.y) + self.z * other.z

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def len(self):
        return math.sqrt(self * self)

    def normal(self):
        return self.scale(1 / self.len())


class Line:
    def __init__(self, p, v):
        self.p = p
        self.v = v


class Sphere:
    def __init__(self, centre, radius):
        self.centre = centre
        self.radius = radius

    def intersect(self, line):
        d = line.p - self.centre
        sp = line.v * d
        rat = 4 * (sp * sp - (d * d - self.radius * self.radius))
        if rat < 0:
            return None
        s = math.sqrt(rat)
        t = min(-1 * sp + s / 2, -1 * sp - s / 2)
        return line.p + line.v.scale(t)

    def get_normal(self, p):
        return (p - self.centre).normal()


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

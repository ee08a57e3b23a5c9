"""The talk's vector classes in pure Python: Vec, Line and Sphere, with the talk's method names.

rtcli.talk has the same classes in C++; scripts/talk_program.py runs on either, one import line
apart. The arithmetic is the seed's, in IEEE double and its order (../shared/seed/README.md).
"""

import math


class Vec:
    """A 3-vector of doubles: + and - componentwise, * the dot product."""

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
    """A ray: the point p and the direction v."""

    def __init__(self, p, v):
        self.p = p
        self.v = v


class Sphere:
    """A sphere: where a line meets it, and its normal there."""

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

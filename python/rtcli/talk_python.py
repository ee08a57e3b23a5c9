"""The talk's classes in pure Python: Vec, Line and Sphere, with the talk's method names.

Vec(x, y, z) has `+`, `-`, `*` (the dot product), `scale(k)`, `len()` and `normal()`; Line(p, v)
is a point and a direction; Sphere(centre, radius) has `intersect(line)` (the nearer hit, or
None) and `get_normal(p)`. IEEE double in the seed's order of operations, so rtcli.talk's native
classes give the same pixels. Line and Sphere only call their vectors' methods, so they work
over a native Vec as well.
"""

import math


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
        """The dot product, (x*x' + y*y') + z*z', left to right."""
        return (self.x * other.x + self.y * other.y) + self.z * other.z

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def len(self):
        return math.sqrt(self * self)

    def normal(self):
        return self.scale(1 / self.len())


class Line:
    def __init__(self, p, v):
        self.p = p  # where it starts
        self.v = v  # its direction


class Sphere:
    def __init__(self, centre, radius):
        self.centre = centre
        self.radius = radius

    def intersect(self, line):
        """p + v.scale(t) for the smaller root t, whatever its sign; None when it misses."""
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

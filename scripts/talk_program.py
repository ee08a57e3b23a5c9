"""The talk's program: one red sphere lit by one light, each pixel's colour computed over the
talk's classes. Its import line names the pure-Python classes (talk_classes); naming rtcli.talk
instead (`from rtcli.talk import Line, Sphere, Vec`) runs every vector operation in C++ and gives
the same pixels, the seed's.
"""

from talk_classes import Line, Sphere, Vec

BACKGROUND = (100, 100, 100)
sphere = Sphere(Vec(4.0, 3.0, 10.0), 2.0)
light = Vec(8.0, 0.0, 7.0)
view = Vec(0.0, 0.0, 1.0)


def colour(x, y, width=800, height=600):
    """(r, g, b) of pixel (x, y): the seed's steps, one after another."""
    hit = sphere.intersect(Line(Vec((8.0 * x) / width, (6.0 * y) / height, 0.0), view))
    if hit is None:
        return BACKGROUND
    n = sphere.get_normal(hit)
    to_light = (light - hit).normal()
    c = int((n * to_light) * 255)  # int() truncates towards zero, like the seed
    return (max(c, 30), 0, 0)


def frame(width=800, height=600):
    """The whole frame, RGB bytes in scan order."""
    return bytes(channel for y in range(height) for x in range(width) for channel in colour(x, y, width, height))

"""The talk's program: the colour of one pixel of the one-sphere frame, over the talk's classes.

The same function runs over pure-Python classes, a native Vec under Python Line and Sphere, or
all three native: the talk's program with its import line changed. Every choice gives the seed's
pixels.
"""

WIDTH, HEIGHT = 800, 600  # the talk's frame
BACKGROUND = (100, 100, 100)  # a pixel that misses; every hit pixel has green 0

# Who computes the pixels: the first three run the colour function below pixel by pixel in
# Python over the classes named; native-frame is one rtcli.render call.
MODES = ("python", "native-vectors", "native-objects", "native-frame")
LOOP_MODES = MODES[:3]


def make_colour(Vec, Sphere, Line):
    """The talk's colour of pixel (x, y): (x, y, width, height) -> (r, g, b)."""
    ball = Sphere(Vec(4.0, 3.0, 10.0), 2.0)
    light = Vec(8.0, 0.0, 7.0)
    view = Vec(0.0, 0.0, 1.0)

    def colour(x, y, width, height):
        hit = ball.intersect(Line(Vec((8.0 * x) / width, (6.0 * y) / height, 0.0), view))
        if hit is None:
            return BACKGROUND
        c = int(ball.get_normal(hit) * (light - hit).normal() * 255)  # int() truncates towards 0
        return (max(c, 30), 0, 0)

    return colour


def talk_classes(mode):
    """(Vec, Sphere, Line) for one of LOOP_MODES. ImportError when rtcli.talk is not built."""
    from . import talk_python

    if mode == "python":
        return talk_python.Vec, talk_python.Sphere, talk_python.Line
    from . import talk

    if mode == "native-vectors":
        return talk.Vec, talk_python.Sphere, talk_python.Line
    if mode == "native-objects":
        return talk.Vec, talk.Sphere, talk.Line
    raise ValueError(f"mode: expected one of {', '.join(LOOP_MODES)}, got {mode!r}")


def check_mode(mode):
    """None when mode can run here, else one line saying what is missing."""
    try:
        if mode in LOOP_MODES:
            talk_classes(mode)
        else:
            from . import _render  # noqa: F401  (rtcli.render and the compiled _rtcli)
    except ImportError as e:
        return f"mode {mode} needs the compiled rtcli modules: {e}"
    return None

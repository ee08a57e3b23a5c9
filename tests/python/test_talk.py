"""rtcli.talk: the talk's classes in C++. The talk's program runs on them with its import line
changed and gives the seed's pixels; every operation is bit for bit the pure-Python class's."""

import math
import os
import random
import struct

import helpers
import pytest
from helpers import read_png

PROGRAM = os.path.join(helpers.SCRIPTS, "talk_program.py")
PURE_IMPORT = "from talk_classes import Line, Sphere, Vec\n"
NATIVE_IMPORT = "from rtcli.talk import Line, Sphere, Vec\n"

pytestmark = pytest.mark.skipif(helpers.MODULE_DIR == "", reason=helpers.MODULE_SKIP)


@pytest.fixture(scope="module")
def talk():
    helpers.import_rtcli()
    import rtcli.talk
    return rtcli.talk


def load_program(import_line):
    """The talk's program with its one import line as given: a namespace of its functions."""
    with open(PROGRAM, encoding="utf-8") as f:
        source = f.read()
    assert source.count(PURE_IMPORT) == 1
    namespace = {"__name__": "talk_program"}
    exec(compile(source.replace(PURE_IMPORT, import_line), PROGRAM, "exec"), namespace)  # noqa: S102
    return namespace


def test_the_program_gives_the_seeds_pixels_with_the_import_changed(talk):
    native = load_program(NATIVE_IMPORT)
    assert native["Vec"] is talk.Vec
    pixels = native["frame"]()
    seed = os.path.join(helpers.SEED_DIR, "3000.png")
    if not os.path.exists(seed):
        pytest.skip(f"no seed frame at {seed}")
    assert read_png(seed) == (800, 600, pixels)


def test_native_and_pure_python_programs_agree_on_a_small_frame(talk):
    pure, native = load_program(PURE_IMPORT), load_program(NATIVE_IMPORT)
    assert pure["Vec"] is not talk.Vec
    assert native["frame"](160, 120) == pure["frame"](160, 120)


def bits(x):
    """The double's bits, every NaN alike (which payload survives depends on operand order)."""
    return b"nan" if math.isnan(x) else struct.pack("<d", x)


def vec_bits(v):
    return [bits(c) for c in (v.x, v.y, v.z)]


EDGES = [0.0, -0.0, 1.0, -1.0, 0.1, 1e-310, -5e-324, 1.7976931348623157e308, -1e308, math.inf, -math.inf,
         math.nan, 3.0, 1e16, 1 + 2**-52]


def test_every_operation_is_bit_identical_to_the_pure_python_class(talk):
    import talk_classes as py  # scripts/, on the path through helpers

    rng = random.Random(3)
    values = EDGES + [rng.uniform(-1e3, 1e3) for _ in range(40)]
    for _ in range(2000):
        a, b = [rng.choice(values) for _ in range(3)], [rng.choice(values) for _ in range(3)]
        k = rng.choice(values)
        na, nb, pa, pb = talk.Vec(*a), talk.Vec(*b), py.Vec(*a), py.Vec(*b)
        assert vec_bits(na + nb) == vec_bits(pa + pb)
        assert vec_bits(na - nb) == vec_bits(pa - pb)
        assert bits(na * nb) == bits(pa * pb)
        assert vec_bits(na.scale(k)) == vec_bits(pa.scale(k))
        try:  # Python raises where IEEE gives inf or NaN; compare only where it does not
            expected_len, expected_normal = pa.len(), pa.normal()
        except (ValueError, ZeroDivisionError):
            continue
        assert bits(na.len()) == bits(expected_len)
        assert vec_bits(na.normal()) == vec_bits(expected_normal)


def test_sphere_intersect_and_normal_match_the_pure_python_class(talk):
    import talk_classes as py

    rng = random.Random(9)
    for _ in range(2000):
        c, p, v = ([rng.uniform(-10, 10) for _ in range(3)] for _ in range(3))
        r = rng.uniform(0.1, 8)
        native = talk.Sphere(talk.Vec(*c), r).intersect(talk.Line(talk.Vec(*p), talk.Vec(*v)))
        pure = py.Sphere(py.Vec(*c), r).intersect(py.Line(py.Vec(*p), py.Vec(*v)))
        assert (native is None) == (pure is None)
        if native is not None:
            assert vec_bits(native) == vec_bits(pure)
            normal = talk.Sphere(talk.Vec(*c), r).get_normal(native)
            assert vec_bits(normal) == vec_bits(py.Sphere(py.Vec(*c), r).get_normal(pure))


def test_values_repr_fields_and_wrong_types(talk):
    v = talk.Vec(1.5, -0.0, 3)
    assert (v.x, v.y, v.z) == (1.5, -0.0, 3.0)
    assert repr(v) == "Vec(1.5, -0.0, 3.0)"
    assert v == talk.Vec(1.5, 0.0, 3.0) and v != talk.Vec(1.5, 0.0, 4.0)
    line = talk.Line(v, talk.Vec(0, 0, 1))
    assert repr(line) == "Line(Vec(1.5, -0.0, 3.0), Vec(0.0, 0.0, 1.0))"
    assert line.p == v and line.v == talk.Vec(0, 0, 1)
    sphere = talk.Sphere(talk.Vec(4, 3, 10), 2)
    assert (sphere.centre, sphere.radius) == (talk.Vec(4, 3, 10), 2.0)
    assert repr(sphere) == "Sphere(Vec(4.0, 3.0, 10.0), 2.0)"
    assert sphere.intersect(talk.Line(talk.Vec(0, 0, 0), talk.Vec(0, 0, 1))) is None
    with pytest.raises(TypeError):  # equal by value, so not hashed by identity
        hash(v)
    for bad in (lambda: v + 1.0, lambda: v * 2.0, lambda: v.scale(v), lambda: talk.Vec(1, 2),
                lambda: talk.Line(v, 3), lambda: sphere.intersect(v)):
        with pytest.raises(TypeError):
            bad()


def test_every_public_name_has_a_docstring(talk):
    for cls in (talk.Vec, talk.Line, talk.Sphere):
        assert cls.__doc__
        for name, member in vars(cls).items():
            if not name.startswith("_") and callable(member):
                assert member.__doc__ and len(member.__doc__.strip().splitlines()) > 1, f"{cls.__name__}.{name}"

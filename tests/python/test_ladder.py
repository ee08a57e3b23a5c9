"""The binding ladder (python/ladder): every rung at every level renders pure Python's pixels, the
C API rung turns bad input into exceptions that name it, and ladder.py writes its table, JSON and
plot for a tiny frame."""

import contextlib
import gc
import io
import json
import os
import subprocess
import sys
import tempfile
import types
import unittest
from unittest import mock

import helpers

LADDER = os.path.join(helpers.ROOT, "python", "ladder")
RUNG_DIR = os.path.join(helpers.MODULE_DIR, "ladder") if helpers.MODULE_DIR else ""
sys.path[:0] = [LADDER] + ([RUNG_DIR, helpers.MODULE_DIR] if helpers.MODULE_DIR else [])

import rungs
import talk

WIDTH, HEIGHT = 64, 48


def frame(colour):
    return [colour(x, y, WIDTH, HEIGHT) for y in range(HEIGHT) for x in range(WIDTH)]


PYTHON_FRAME = frame(talk.make_colour(talk.Vec, talk.Sphere, talk.Line))


class PixelsTest(unittest.TestCase):
    def test_the_frame_has_both_kinds_of_pixel(self):
        hits = sum(c != talk.BACKGROUND for c in PYTHON_FRAME)
        self.assertTrue(0 < hits < WIDTH * HEIGHT, hits)

    def test_pure_python_equals_the_seed_transcription(self):
        from seed_pixel import Vec3, make_pixel_colour
        self.assertEqual(PYTHON_FRAME, frame(make_pixel_colour(Vec3)))

    def check_rung(self, rung):
        found, skipped = rungs.find_rungs()
        if rung not in found:
            self.skipTest(f"rung {rung} not built: {skipped[rung]}")
        rtcli = helpers.import_rtcli() if helpers.MODULE_DIR else None
        rows = [(level, f) for level, name, f in rungs.pixel_functions(found, rtcli) if name == rung]
        self.assertEqual([level for level, _ in rows], ["native-vectors", "native-objects", "native-pixel"])
        for level, colour in rows:
            with self.subTest(level=level):
                self.assertEqual(frame(colour), PYTHON_FRAME)

    def test_capi(self):
        self.check_rung("capi")

    def test_pyo3(self):
        self.check_rung("pyo3")

    def test_nanobind(self):
        self.check_rung("nanobind")

    def test_pybind11(self):
        self.check_rung("pybind11")

    @unittest.skipIf(helpers.MODULE_DIR == "", helpers.MODULE_SKIP)
    def test_rtcli_frame(self):
        rtcli = helpers.import_rtcli()
        image = rtcli.render(rtcli.Scene(), (WIDTH, HEIGHT), threads=1)
        self.assertEqual(image.tobytes(), bytes(v for c in PYTHON_FRAME for v in c))


class CapiTest(unittest.TestCase):
    def setUp(self):
        found, skipped = rungs.find_rungs()
        if "capi" not in found:
            self.skipTest(f"rung capi not built: {skipped['capi']}")
        self.m = found["capi"]

    def test_bad_arguments_raise_naming_them(self):
        m = self.m
        v = m.Vec(1.0, 2.0, 3.0)
        cases = [(lambda: m.Vec(1.0, 2.0), TypeError, "3 positional"),
                 (lambda: m.Vec("a", 2.0, 3.0), TypeError, "must be real number"),
                 (lambda: m.Line(v, 3), TypeError, "v must be a Vec, not int"),
                 (lambda: m.Sphere(v, 2.0).intersect(v), TypeError, "line must be a Line"),
                 (lambda: m.Sphere(v, 2.0).get_normal(None), TypeError, "p must be a Vec"),
                 (lambda: v.scale("k"), TypeError, "must be real number"),
                 (lambda: v + 1, TypeError, "unsupported operand"),
                 (lambda: m.colour(0, 0, 0, 5), ValueError, "invalid width 0"),
                 (lambda: m.colour(0, 0, 5, -1), ValueError, "invalid height -1"),
                 (lambda: m.colour(0, 0, 5), TypeError, "4 arguments")]
        for call, error, text in cases:
            with self.subTest(text=text), self.assertRaisesRegex(error, text):
                call()

    def test_recycled_vecs_hold_their_own_values(self):
        # The free list hands back freed objects: values made after many frees must be exact.
        m = self.m
        for i in range(1000):
            vecs = [m.Vec(float(i), float(j), -float(j)) for j in range(100)]
            del vecs
        gc.collect()
        vecs = [m.Vec(1.5, float(j), 2.0) - m.Vec(0.5, 0.0, 1.0) for j in range(200)]
        self.assertEqual([(v.x, v.y, v.z) for v in vecs], [(1.0, float(j), 1.0) for j in range(200)])
        self.assertEqual(repr(m.Vec(1, 2, 3.5)), "Vec(1.0, 2.0, 3.5)")
        self.assertEqual(sys.getrefcount(vecs[0]), 2)


@unittest.skipIf(helpers.MODULE_DIR == "", helpers.MODULE_SKIP)
class LadderCommandTest(unittest.TestCase):
    def test_a_tiny_ladder_writes_its_table_json_and_plot(self):
        with tempfile.TemporaryDirectory() as out:
            done = subprocess.run([sys.executable, os.path.join(LADDER, "ladder.py"), out, "--size", "24x18",
                                   "--runs", "2", "--frames", "2", "--calls", "1000",
                                   "--build", os.path.dirname(helpers.MODULE_DIR)],
                                  capture_output=True, text=True, timeout=600, env=helpers.binary_env(), check=False)
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertEqual(sorted(os.listdir(out)), ["ladder.json", "ladder.png", "ladder.txt"])
            with open(os.path.join(out, "ladder.json"), encoding="utf-8") as f:
                doc = json.load(f)
            with open(os.path.join(out, "ladder.txt"), encoding="utf-8") as f:
                self.assertEqual(f.read(), done.stdout)
        found, skipped = rungs.find_rungs()
        self.assertEqual(set(doc["skipped"]), set(skipped))
        levels = {}
        for row in doc["rows"]:
            levels.setdefault(row["level"], []).append(row["rung"])
        self.assertEqual(levels["python"], ["python"])
        self.assertEqual(levels["native-objects"], list(found))
        self.assertEqual(levels["native-frame"], ["rtcli", "rtcli out=", "rtcli bench"])
        python = doc["rows"][0]
        self.assertEqual(len(python["hit_ns"]["runs"]), 2)
        for row in doc["rows"][1:]:
            with self.subTest(level=row["level"], rung=row["rung"]):
                s = row["cpu_ns"]["speedup"]
                self.assertTrue(0 < s["ci95_low"] <= s["value"] <= s["ci95_high"], s)
        self.assertEqual(set(doc["call_cost_ns"]), {"python", *found})
        self.assertAlmostEqual(doc["talk"]["speedup"], 11_872 / 4_051)
        self.assertTrue(doc["pixels_equal_python"])
        self.assertIn("native-frame (rtcli out=) within 10% of rtcli bench", done.stdout)
        self.assertRegex(done.stdout, r"SIMD target [A-Za-z0-9_]+;")

    def test_a_rung_with_other_pixels_fails_the_run_and_writes_nothing(self):
        import ladder

        class Off(talk.Vec):  # every dot product 1% off
            def __mul__(self, other):
                return super().__mul__(other) * 1.01

            def scale(self, k):
                return Off(self.x * k, self.y * k, self.z * k)

        wrong = types.ModuleType("talk_wrong")
        wrong.Vec, wrong.Sphere, wrong.Line, wrong.__file__ = Off, talk.Sphere, talk.Line, "talk_wrong.py"
        err = io.StringIO()
        with tempfile.TemporaryDirectory() as out, mock.patch.dict(sys.modules, talk_wrong=wrong), \
                mock.patch.object(rungs, "RUNG_MODULES", {"wrong": ("talk_wrong",)}), \
                contextlib.redirect_stderr(err), self.assertRaises(SystemExit) as exit_:
            try:
                ladder.main([out, "--size", "24x18", "--runs", "2", "--frames", "1", "--calls", "10",
                             "--build", os.path.dirname(helpers.MODULE_DIR), "--no-plot"])
            finally:
                written = os.listdir(out)
        self.assertEqual(exit_.exception.code, 1)
        self.assertEqual(written, [])
        self.assertIn("ladder.py: error: native-vectors through wrong rendered other pixels than pure Python",
                      err.getvalue())

    def test_a_bad_size_is_one_line(self):
        done = subprocess.run([sys.executable, os.path.join(LADDER, "ladder.py"), "out", "--size", "0x5"],
                              capture_output=True, text=True, timeout=60, check=False)
        self.assertEqual(done.returncode, 2)
        self.assertEqual(len(done.stderr.strip().splitlines()), 1, done.stderr)
        self.assertIn("invalid value '0x5'", done.stderr)


class LadderColoursTest(unittest.TestCase):
    """Each technique its own colour, in ladder.png's bars and legend and in plot_report.py's."""

    def test_every_rung_and_implementation_has_its_own_colour(self):
        import ladder
        import ladder_colours
        import python_reference

        rung_names = ["python", *rungs.RUNG_MODULES, *ladder.FRAME_RUNGS]
        colours = [ladder_colours.TECHNIQUE_COLOURS[r] for r in rung_names]
        self.assertEqual(len(set(colours)), len(rung_names), dict(zip(rung_names, colours)))
        for implementation in (*python_reference.MODES, "cpp"):
            self.assertIn(ladder_colours.IMPLEMENTATION_TECHNIQUES[implementation], rung_names)

    def test_other_techniques_take_spare_colours_after_the_known_ones(self):
        import ladder_colours

        colours = ladder_colours.technique_colours(["mine", "nanobind", "python", "yours", "mine"])
        self.assertEqual(list(colours), ["python", "nanobind", "mine", "yours"])
        self.assertEqual(len(set(colours.values())), 4)
        self.assertFalse({colours["mine"], colours["yours"]} & set(ladder_colours.TECHNIQUE_COLOURS.values()))

    def test_bars_take_their_rungs_colour_and_the_legend_sits_below_the_axes(self):
        import ladder_plot
        from matplotlib.colors import to_rgba

        def value(ns):
            return {"value": ns, "ci95_low": ns * 0.9, "ci95_high": ns * 1.1}

        rows = [{"level": "python", "rung": "python", "wall_ns": value(2000), "hit_ns": value(2500)},
                {"level": "native-pixel", "rung": "nanobind", "wall_ns": value(500), "hit_ns": value(150)},
                {"level": "native-frame", "rung": "rtcli", "wall_ns": value(10)},
                {"level": "native-frame", "rung": "rtcli out=", "wall_ns": value(8)},
                {"level": "native-frame", "rung": "rtcli bench", "wall_ns": value(2)}]
        doc = {"rows": rows, "context": {"python_version": "3", "simd_target": "X"},
               "config": {"width": 8, "height": 6}, "talk": {"speedup": 2.9}}
        figures = []
        with tempfile.TemporaryDirectory() as out, mock.patch.object(ladder_plot.plt, "close", figures.append):
            ladder_plot.save(doc, os.path.join(out, "ladder.png"))
        fig = figures[0]
        bars = [p for p in fig.axes[1].patches if p.get_height() > 0]
        self.assertEqual([p.get_facecolor() for p in bars],
                         [to_rgba(ladder_plot.ladder_colours.TECHNIQUE_COLOURS[r["rung"]]) for r in rows])
        (legend,) = fig.legends
        self.assertEqual([t.get_text() for t in legend.get_texts()], [r["rung"] for r in rows])
        renderer = fig.canvas.get_renderer()
        legend_box = legend.get_window_extent(renderer)
        for ax in fig.axes:
            self.assertFalse(legend_box.overlaps(ax.get_window_extent(renderer)), ax.get_title())


if __name__ == "__main__":
    unittest.main()

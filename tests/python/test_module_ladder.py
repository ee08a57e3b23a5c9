"""python_reference.py's four modes (pure Python to native frames): the same pixels, reports
that say their mode, a clear line when the module is missing, and plot_report.py's ladder."""

import os
import subprocess
import sys
import tempfile
import unittest

import helpers
from helpers import read_png, rtcli_report, run_script

MODES = ("python", "native-vectors", "native-pixel", "native-frame")
SIZE = "96x72"


@unittest.skipIf(helpers.MODULE_DIR == "", helpers.MODULE_SKIP)
class LadderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.done = {}
        for mode in MODES:
            cls.done[mode] = run_script("python_reference.py", "--mode", mode, "--size", SIZE, "--repetitions", "3",
                                        "--json", cls.path(mode, "json"), "--png", cls.path(mode, "png"),
                                        env=helpers.module_env())

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    @classmethod
    def path(cls, mode, ext):
        return os.path.join(cls.dir.name, f"{mode}.{ext}")

    def setUp(self):
        for mode, done in self.done.items():
            self.assertEqual(done.returncode, 0, f"{mode}: {done.stderr}")

    def test_every_mode_renders_rtcli_renders_pixels(self):
        out = os.path.join(self.dir.name, "rtcli")
        subprocess.run([helpers.RTCLI, "render", "--size", SIZE, "--checkpoints", "", "--quiet", "--out", out],
                       check=True, timeout=120, env=helpers.binary_env())
        expected = read_png(os.path.join(out, "final.png"))
        for mode in MODES:
            with self.subTest(mode=mode):
                self.assertEqual(read_png(self.path(mode, "png")), expected)

    def test_reports_record_their_mode_and_what_they_timed(self):
        for mode in MODES:
            with self.subTest(mode=mode):
                report = rtcli_report.load_report(self.path(mode, "json"))
                self.assertEqual((report["mode"], report["implementation"]), (mode, mode))
                self.assertEqual(len(report["throughput"][0]["wall_ms"]), 3)
                classes = report["latency"]["classes"]
                if mode == "native-frame":
                    self.assertEqual(report["latency"]["sample"], "frame")
                    self.assertEqual((classes["all"]["count"], classes["hit"]["count"]), (3, 0))
                    per_pixel = report["throughput"][0]["median_ms"] * 1e6 / (96 * 72)
                    self.assertEqual(classes["all"]["p50_ns"], per_pixel)
                else:
                    self.assertEqual(report["latency"]["sample"], "pixel")
                    self.assertEqual(classes["all"]["count"], 96 * 72)
                    self.assertGreater(classes["hit"]["count"], 0)
                if mode != "python":
                    package_dir = os.path.dirname(os.path.realpath(report["context"]["rtcli_module"]))
                    self.assertEqual(os.path.dirname(package_dir),
                                     os.path.realpath(helpers.MODULE_DIR))
        costs = rtcli_report.load_report(self.path("native-vectors", "json"))["call_cost_ns"]
        self.assertGreater(costs["rtcli_vec3_dot_ns"], 0)
        self.assertGreater(costs["python_vec3_dot_ns"], 0)

    def test_plot_draws_the_ladder_and_prints_its_table(self):
        reports = [self.path(mode, "json") for mode in MODES]
        out = os.path.join(self.dir.name, "plots", "ladder.png")
        done = run_script("plot_report.py", *reports, "-o", out)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(sorted(os.listdir(os.path.dirname(out))),
                         ["ladder-cdf.png", "ladder-hist-native-frame.png", "ladder-hist-native-pixel.png",
                          "ladder-hist-native-vectors.png", "ladder-hist-python.png", "ladder-ladder.png", "ladder.png"])
        table = done.stdout[done.stdout.index("Ladder"):].split("\n\n")[0].splitlines()
        header = next(i for i, line in enumerate(table) if line.startswith("report "))
        # The table ends at the first line that is not one of its rows (each histogram's fit line
        # follows it).
        rows = [line.split() for line in table[header + 1:] if not line.startswith("histogram ")]
        self.assertEqual([row[0] for row in rows], list(MODES))
        self.assertEqual((rows[0][4], rows[0][6], rows[0][8]), ("1", "1", "1"))  # python: the baseline
        for row in rows[1:]:  # speedups, whatever they are (timings are for benchmarks, not tests)
            self.assertRegex(" ".join(row[4:8:2]), r"^[0-9][0-9,.e+]* [0-9][0-9,.e+]*$", row)
        self.assertEqual(rows[3][7:], ["-", "-"])  # native-frame timed no pixels


class MissingModuleTest(unittest.TestCase):
    @unittest.skipIf(helpers.MODULE_DIR == "", helpers.MODULE_SKIP)
    def test_an_interpreter_without_numpy_is_named(self):
        # python -S hides the venv's site-packages: numpy is not found.
        done = subprocess.run([sys.executable, "-S", os.path.join(helpers.SCRIPTS, "python_reference.py"),
                               "--mode", "native-frame", "--size", "8x6"], capture_output=True, text=True,
                              env=helpers.module_env(), timeout=120, check=False)
        self.assertEqual(done.returncode, 1, done.stderr)
        self.assertEqual(len(done.stderr.strip().splitlines()), 1, done.stderr)
        self.assertIn(f"numpy is missing for {sys.executable}", done.stderr)


    def test_native_modes_without_the_module_say_what_is_missing(self):
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "LD_PRELOAD")}
        script = os.path.join(helpers.SCRIPTS, "python_reference.py")
        # The venv has the package installed: hide it, as an interpreter without it would.
        without_rtcli = ("import os, runpy, sys; sys.modules['rtcli'] = None; sys.argv = sys.argv[1:]; "
                         "sys.path.insert(0, os.path.dirname(sys.argv[0])); runpy.run_path(sys.argv[0], run_name='__main__')")
        with tempfile.TemporaryDirectory() as d:
            for mode in MODES[1:]:
                with self.subTest(mode=mode):
                    done = subprocess.run([sys.executable, "-c", without_rtcli, script, "--mode", mode, "--size",
                                           "8x6", "--json", os.path.join(d, "r.json")],
                                          check=False, capture_output=True, text=True, env=env, timeout=120)
                    self.assertEqual(done.returncode, 1, done.stderr)
                    lines = done.stderr.strip().splitlines()
                    self.assertEqual(len(lines), 1, done.stderr)
                    self.assertIn("cannot import the rtcli module", lines[0])
                    self.assertIn("import of rtcli halted", lines[0])
                    self.assertIn("scripts/setup.sh", lines[0])
                    self.assertEqual(os.listdir(d), [])

    def test_threads_only_for_native_frame(self):
        done = run_script("python_reference.py", "--mode", "native-pixel", "--threads", "2")
        self.assertEqual(done.returncode, 2)
        self.assertIn("--threads", done.stderr)


if __name__ == "__main__":
    unittest.main()

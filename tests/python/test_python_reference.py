"""The pure-Python reference: its frame equals rtcli's, its report is complete and consistent."""

import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

import helpers
import python_reference
import seed_pixel
from helpers import bench_stats, read_png, rtcli_report, run_script

PIXEL_COLOUR = seed_pixel.make_pixel_colour(seed_pixel.Vec3)


class FrameTest(unittest.TestCase):
    def test_frame_equals_rtcli_pixel_for_pixel(self):
        self.assertTrue(os.access(helpers.RTCLI, os.X_OK), f"no rtcli binary at {helpers.RTCLI}")
        for width, height in ((80, 60), (160, 120), (33, 17)):
            with self.subTest(size=f"{width}x{height}"), tempfile.TemporaryDirectory() as d:
                png = os.path.join(d, "python.png")
                done = run_script("python_reference.py", "--size", f"{width}x{height}", "--png", png)
                self.assertEqual(done.returncode, 0, done.stderr)
                subprocess.run([helpers.RTCLI, "render", "--size", f"{width}x{height}", "--checkpoints", "",
                                "--quiet", "--out", os.path.join(d, "rtcli")], check=True, timeout=120)
                ours = read_png(png)
                theirs = read_png(os.path.join(d, "rtcli", "final.png"))
                self.assertEqual(ours[:2], (width, height))
                self.assertEqual(ours, theirs)
                self.assertIn((100, 100, 100), {tuple(ours[2][i:i + 3]) for i in range(0, len(ours[2]), 3)})

    @unittest.skipUnless(os.path.exists(os.path.join(helpers.SEED_DIR, "3000.png")), "seed frames not beside the project")
    def test_full_frame_equals_the_seeds_last_frame(self):
        width, height, seed = read_png(os.path.join(helpers.SEED_DIR, "3000.png"))
        self.assertEqual(bytes(python_reference.render(PIXEL_COLOUR, width, height)), seed)

    def test_colour_of_known_pixels(self):
        self.assertIs(PIXEL_COLOUR(0, 0, 800, 600), seed_pixel.BACKGROUND)
        centre = PIXEL_COLOUR(400, 300, 800, 600)
        self.assertEqual(centre[1:], (0, 0))
        self.assertGreater(centre[0], 30)
        # The lower left of the sphere faces away from the light at (8, 0, 7): the floor of 30.
        self.assertEqual(PIXEL_COLOUR(330, 370, 800, 600), (30, 0, 0))


class ReportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.dir.name, "sub", "python.json")  # the folder is created
        cls.png = os.path.join(cls.dir.name, "sub", "python.png")
        cls.done = run_script("python_reference.py", "--size", "80x60", "--repetitions", "3",
                              "--json", cls.path, "--png", cls.png)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def setUp(self):
        self.assertEqual(self.done.returncode, 0, self.done.stderr)
        self.report = rtcli_report.load_report(self.path)

    def test_summary_line(self):
        self.assertRegex(self.done.stdout, r"^python 80x60: hit pixels mu=[0-9.]+ ns sigma=[0-9.]+ ns N=[0-9]+ p50=[0-9]+ ns;")

    def test_header_and_config(self):
        r = self.report
        self.assertEqual(r["implementation"], "python")
        self.assertEqual(r["mode"], "python")
        self.assertEqual(r["config"]["width"], 80)
        self.assertEqual(r["config"]["repetitions"], 3)
        for field in ("date", "host", "cpu_model", "logical_cores", "python_version", "git_revision"):
            self.assertIn(field, r["context"])
        self.assertRegex(r["context"]["python_version"], r"^3\.")

    def test_classes_cover_every_pixel_once(self):
        _, _, frame = read_png(self.png)
        red = sum(1 for i in range(0, len(frame), 3) if frame[i + 1:i + 3] == b"\0\0" and frame[i] >= 30)
        classes = self.report["latency"]["classes"]
        self.assertEqual(classes["hit"]["count"], red)
        self.assertEqual(classes["background"]["count"], 80 * 60 - red)
        self.assertEqual(classes["all"]["count"], 80 * 60)
        for c in classes.values():
            self.assertEqual(sum(b[2] for b in c["buckets"]), c["count"])
            self.assertEqual(sum(b[2] for b in c["corrected"]["buckets"]), c["count"])

    def test_statistics_are_consistent(self):
        overhead = self.report["latency"]["clock"]["overhead_ns"]
        self.assertTrue(0 < overhead["min"] <= overhead["median"])
        for c in self.report["latency"]["classes"].values():
            ordered = [c["min_ns"], c["p50_ns"], c["p90_ns"], c["p99_ns"], c["p999_ns"], c["p9999_ns"], c["max_ns"]]
            self.assertEqual(ordered, sorted(ordered))
            self.assertTrue(c["min_ns"] <= c["mean_ns"] <= c["max_ns"])
            self.assertAlmostEqual(c["corrected"]["mean_ns"], c["mean_ns"] - overhead["median"], places=6)
            self.assertEqual(c["corrected"]["p50_ns"], c["p50_ns"] - overhead["median"])
            # Exact percentiles agree with the bucket definition rtcli uses.
            for field, q in bench_stats.PERCENTILES.items():
                self.assertEqual(bench_stats.bucket_percentile(c["buckets"], q),
                                 bench_stats.bucket_midpoint(*bench_stats.bucket_bounds(c[field])))

    def test_throughput(self):
        [entry] = self.report["throughput"]
        self.assertEqual(entry["threads"], 1)
        self.assertEqual(len(entry["wall_ms"]), 3)
        self.assertEqual(entry["median_ms"], sorted(entry["wall_ms"])[1])
        self.assertAlmostEqual(entry["mpix_per_s"], 80 * 60 / (entry["median_ms"] * 1e3))
        names = [b["name"] for b in self.report["benchmarks"]]
        render = "render/80x60/threads:1"
        self.assertEqual(names, [render] * 3 + [render + "_" + a for a in ("mean", "median", "stddev")]
                         + ["pixel_latency/" + c for c in ("all", "hit", "background")])
        # What compare.py prints: times in ns, the medians the report gives elsewhere.
        rows = {b["name"]: b for b in self.report["benchmarks"]}
        self.assertEqual({b["time_unit"] for b in self.report["benchmarks"]}, {"ns"})
        self.assertAlmostEqual(rows[render + "_median"]["real_time"], entry["median_ms"] * 1e6)
        for c, latency in self.report["latency"]["classes"].items():
            self.assertEqual(rows["pixel_latency/" + c]["real_time"], latency["p50_ns"])
            self.assertGreater(latency["p50_ns"], 0)

    def test_latency_pass_is_timed(self):
        latency = self.report["latency"]
        self.assertEqual(latency["clock"]["source"], "perf_counter_ns")
        total = latency["classes"]["all"]["mean_ns"] * 80 * 60 / 1e6
        self.assertGreater(latency["wall_ms"], total)  # the pass includes the timed calls


class BadInputTest(unittest.TestCase):
    def test_bad_values_fail_in_one_line_with_exit_2_and_write_nothing(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "r.json")
            cases = [(["--size", "0x60"], "--size"), (["--size", "80"], "80"), (["--size", "80x-6"], "80x-6"),
                     (["--repetitions", "0"], "--repetitions"), (["--repetitions", "two"], "two"),
                     (["--json", os.path.join(out, "x.json")], "r.json"), (["--png", d], "folder"),
                     (["--bogus"], "--bogus")]
            with open(out, "w", encoding="utf-8") as f:
                f.write("a file where a folder is expected")
            for args, named in cases:
                with self.subTest(args=args):
                    done = run_script("python_reference.py", "--size", "8x6", *args, "--png", os.path.join(d, "p.png")) \
                        if args[0] != "--png" else run_script("python_reference.py", *args)
                    self.assertEqual(done.returncode, 2, done.stderr)
                    self.assertEqual(len(done.stderr.strip().splitlines()), 1, done.stderr)
                    self.assertIn(named, done.stderr)
                    self.assertEqual(sorted(os.listdir(d)), ["r.json"])


RUN_WITH_SIGINT = ("import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
                   "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


class CtrlCTest(unittest.TestCase):
    def test_ctrl_c_is_one_line_exit_130_and_no_file(self):
        with tempfile.TemporaryDirectory() as d:
            # Run as python would, with SIGINT's default handler: the test may run where SIGINT is ignored
            # (a background job), and Python keeps an ignored SIGINT ignored.
            command = [sys.executable, "-c", RUN_WITH_SIGINT, os.path.join(helpers.SCRIPTS, "python_reference.py"),
                       "--repetitions", "50", "--json", os.path.join(d, "r.json"), "--png", os.path.join(d, "p.png")]
            run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            while cpu_seconds(run.pid) < 0.5:  # imports done: it is rendering
                if run.poll() is not None:
                    self.fail(f"it ended before the signal: {run.communicate()}")
                time.sleep(0.01)
            run.send_signal(signal.SIGINT)
            out, err = run.communicate(timeout=600)
            self.assertEqual(run.returncode, 130, err)
            self.assertEqual(err, "python_reference.py: interrupted by SIGINT: stopped early; "
                                  "every file already written is complete\n")
            self.assertEqual((out, os.listdir(d)), ("", []))


if __name__ == "__main__":
    unittest.main()

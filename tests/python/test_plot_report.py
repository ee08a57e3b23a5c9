"""plot_report.py end to end: figures for one and three reports, clean failures, re-exec."""

import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

import helpers
from helpers import bench_stats, run_script

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def is_png(path):
    with open(path, "rb") as f:
        return f.read(8) == PNG_SIGNATURE


class PlotTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        d = cls.dir.name
        cls.python_a, cls.python_b = os.path.join(d, "python.json"), os.path.join(d, "b", "python.json")
        for path, size in ((cls.python_a, "40x30"), (cls.python_b, "48x36")):
            done = run_script("python_reference.py", "--size", size, "--repetitions", "5", "--json", path)
            assert done.returncode == 0, done.stderr
        cls.cpp = os.path.join(d, "cpp.json")
        with open(cls.cpp, "w", encoding="utf-8") as f:
            json.dump(helpers.synthetic_cpp_report(), f)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def figures(self, out_dir):
        return sorted(os.listdir(out_dir))

    def test_one_report(self):
        with tempfile.TemporaryDirectory() as out:
            done = run_script("plot_report.py", self.python_a, "-o", os.path.join(out, "one.png"))
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertEqual(self.figures(out), ["one-cdf.png", "one-hist-python.png", "one.png"])
            for name in self.figures(out):
                self.assertTrue(is_png(os.path.join(out, name)), name)
            self.assertEqual(read_png_size(os.path.join(out, "one-hist-python.png")), (640, 480))
            self.assertIn("1 (baseline)", done.stdout)

    def test_three_reports_with_a_stem_and_scaling(self):
        with tempfile.TemporaryDirectory() as out:
            stem = os.path.join(out, "new", "cmp")  # no .png: a stem; the folder is created
            done = run_script("plot_report.py", self.python_a, self.python_b, self.cpp, "-o", stem,
                              "--class", "all")
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertEqual(self.figures(os.path.join(out, "new")),
                             ["cmp-cdf.png", "cmp-hist-cpp.png", "cmp-hist-python-1.png", "cmp-hist-python-2.png",
                              "cmp-ladder.png", "cmp-scaling.png", "cmp.png"])
            self.assertIn("class 'all'", done.stdout)
            rows = [line.split() for line in done.stdout.splitlines()]
            throughput_cpp = [r for r in rows if r[:2] == ["cpp", "cpp"] and "[" in " ".join(r)]
            self.assertEqual([r[2] for r in throughput_cpp], ["1", "2", "4"])
            for r in throughput_cpp:  # a ratio with a 95% interval: "x [low, high]"
                self.assertRegex(" ".join(r[5:]), r"^[0-9.,e+-]+ \[[0-9.,e+-]+, [0-9.,e+-]+\]$")

    def test_histogram_lines_agree_with_the_reports_percentiles(self):
        with tempfile.TemporaryDirectory() as out:
            done = run_script("plot_report.py", self.python_a, self.cpp, "-o", os.path.join(out, "h.png"))
            self.assertEqual(done.returncode, 0, done.stderr)
        lines = [line for line in done.stdout.splitlines() if line.startswith("histogram ")]
        self.assertEqual(len(lines), 2, done.stdout)
        for line, path in zip(lines, (self.python_a, self.cpp)):
            with self.subTest(line=line):
                match = re.fullmatch(r"histogram (\S+): mu=([0-9.]+) ns, sigma=([0-9.]+) ns, N=([0-9]+), "
                                     r"fit=(normal|kde|histogram)", line)
                self.assertIsNotNone(match, line)
                with open(path, encoding="utf-8") as f:
                    hit = json.load(f)["latency"]["classes"]["hit"]
                mu, sigma, n = float(match[2]), float(match[3]), int(match[4])
                self.assertEqual(n, hit["count"])
                q1, q3 = (bench_stats.bucket_percentile(hit["buckets"], q) for q in (25, 75))
                self.assertAlmostEqual(mu, hit["p50_ns"], delta=0.02 * hit["p50_ns"])
                self.assertLessEqual(sigma, 1.5 * (q3 - q1) / 1.349)
                self.assertGreaterEqual(sigma, (q3 - q1) / 1.349 / 1.5)

    def test_reports_over_rank_counts_plot_rank_scaling(self):
        with tempfile.TemporaryDirectory() as out:
            paths = []
            for ranks in (1, 2, 3):
                report = helpers.synthetic_cpp_report(threads=(1,), seed=ranks)
                report["config"]["ranks"] = ranks
                report["throughput"][0]["mpix_per_s"] = 10.0 * ranks
                paths.append(os.path.join(out, f"r{ranks}.json"))
                with open(paths[-1], "w", encoding="utf-8") as f:
                    json.dump(report, f)
            done = run_script("plot_report.py", *paths, "-o", os.path.join(out, "cmp.png"))
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertIn("cmp-ranks.png", self.figures(out))
            self.assertTrue(is_png(os.path.join(out, "cmp-ranks.png")))
        # One rank count only: no rank figure.
        with tempfile.TemporaryDirectory() as out:
            done = run_script("plot_report.py", self.cpp, "-o", os.path.join(out, "cmp.png"))
            self.assertNotIn("cmp-ranks.png", self.figures(out))

    def test_end_to_end_phases_are_one_stacked_bar_per_run(self):
        import plot_report
        with tempfile.TemporaryDirectory() as out:
            path = os.path.join(out, "e2e.json")
            done = subprocess.run([helpers.RTCLI, "bench", "--size", "96x64", "--threads", "2",
                                   "--repetitions", "2", "--latency-runs", "1", "--end-to-end-runs", "3",
                                   "--quiet", "--json", path], check=False, capture_output=True,
                                  text=True, env=helpers.binary_env(), timeout=300)
            self.assertEqual(done.returncode, 0, done.stderr)
            with open(path, encoding="utf-8") as f:
                report = json.load(f)
            runs = plot_report.phase_runs([("e2e", report)])
            self.assertEqual([n for _, n, _, _ in runs], [1, 2, 3])
            for _, _, phases, wall in runs:  # each bar is as tall as its run
                self.assertEqual(sorted(phases), sorted(plot_report.PHASES))
                self.assertAlmostEqual(sum(phases.values()), wall, delta=0.05 * wall)
            self.assertEqual(plot_report.phase_runs([("cpp", helpers.synthetic_cpp_report())]), [])
            done = run_script("plot_report.py", path, "-o", os.path.join(out, "p.png"))
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertIn("p-phases.png", self.figures(out))
            self.assertTrue(is_png(os.path.join(out, "p-phases.png")))
            page = os.path.join(out, "p.html")
            done = run_script("plot_report.py", path, "--html", page, "--rtcli", helpers.RTCLI)
            self.assertEqual(done.returncode, 0, done.stderr)
            with open(page, encoding="utf-8") as f:
                self.assertIn("Where the time goes", f.read())

    def test_histogram_class_without_pixels_still_plots(self):
        with tempfile.TemporaryDirectory() as d:
            empty = os.path.join(d, "tiny.json")  # 2x2 misses the sphere: no hit pixels
            self.assertEqual(run_script("python_reference.py", "--size", "2x2", "--json", empty).returncode, 0)
            done = run_script("plot_report.py", empty, "-o", os.path.join(d, "t.png"))
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertTrue(is_png(os.path.join(d, "t-hist-tiny.png")))

    def test_bad_reports_fail_in_one_line_naming_the_file(self):
        with tempfile.TemporaryDirectory() as d:
            bad = {"text.json": "hello", "schema.json": json.dumps({"schema": "other/1"}),
                   "fields.json": json.dumps({"schema": "rtcli.bench/1", "implementation": "cpp"})}
            for name, text in bad.items():
                with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                    f.write(text)
            for name in [*bad, "absent.json"]:
                with self.subTest(file=name):
                    path = os.path.join(d, name)
                    done = run_script("plot_report.py", self.python_a, path, "-o", os.path.join(d, "x.png"))
                    self.assertEqual(done.returncode, 1)
                    lines = done.stderr.strip().splitlines()
                    self.assertEqual(len(lines), 1, done.stderr)
                    self.assertTrue(lines[0].startswith(f"plot_report.py: error: {path}: "), lines[0])
                    self.assertNotIn("Traceback", done.stderr)
                    self.assertFalse(any(n.endswith(".png") for n in os.listdir(d)))

    def test_bad_options_exit_2(self):
        for args in (["--class", "misses"], ["--xmax", "-5"], ["--xmax", "inf"], [], ["-o", "/dev/null/x.png"]):
            with self.subTest(args=args):
                done = run_script("plot_report.py", *([self.python_a] if args else []), *args)
                self.assertEqual(done.returncode, 2, done.stderr)
                self.assertEqual(len(done.stderr.strip().splitlines()), 1, done.stderr)


class LadderFigureTest(unittest.TestCase):
    def test_bars_take_their_techniques_colour_and_the_legend_covers_no_data(self):
        import ladder_colours
        import plot_report
        from matplotlib.colors import to_rgba

        named = []
        for name, implementation in (("py", "python"), ("nv", "native-vectors"), ("np", "native-pixel"),
                                     ("a", "cpp"), ("b", "cpp"), ("odd", "elsewhere")):
            report = helpers.synthetic_cpp_report()
            report["implementation"] = implementation
            named.append((name, report))
        fig = plot_report.ladder_figure(named)
        (ax,) = fig.axes
        known = ladder_colours.TECHNIQUE_COLOURS
        self.assertEqual([p.get_facecolor() for p in ax.patches],
                         [to_rgba(c) for c in (known["python"], known["nanobind"], known["nanobind"],
                                               known["rtcli bench"], known["rtcli bench"],
                                               ladder_colours.SPARE_COLOURS[0])])
        (legend,) = fig.legends
        self.assertEqual([t.get_text() for t in legend.get_texts()],
                         ["python", "nanobind", "rtcli bench", "elsewhere"])
        renderer = fig.canvas.get_renderer()
        self.assertFalse(legend.get_window_extent(renderer).overlaps(ax.get_window_extent(renderer)))


class LatencyMapFigureTest(unittest.TestCase):
    def test_shows_the_maps_pixels_without_the_pngs_own_bar(self):
        import plot_report
        import png_writer

        # rtcli bench's layout: the 6x4 map at the top left, its white bar panel beside and below.
        width, height, map_width, map_height = 20, 10, 6, 4
        rgb = bytearray(b"\xff" * (width * height * 3))
        for y in range(map_height):
            for x in range(map_width):
                rgb[(y * width + x) * 3:(y * width + x) * 3 + 3] = bytes((68, 1, 84))
        report = helpers.synthetic_cpp_report()
        report["config"].update(width=map_width, height=map_height)
        report["latency_map"] = {"file": "map.png", "min_ns": 10.0, "max_ns": 1000.0}
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "map.png")
            with open(path, "wb") as f:
                f.write(png_writer.encode_png(width, height, bytes(rgb)))
            fig = plot_report.latency_map_figure("cpp", report, path)
        shown = fig.axes[0].images[0].get_array()
        self.assertEqual(shown.shape[:2], (map_height, map_width))
        self.assertEqual((shown[..., :3] * 255).round().astype(int).tolist(),
                         [[[68, 1, 84]] * map_width] * map_height)
        self.assertEqual(len(fig.axes), 2)  # the map and matplotlib's colour bar


def read_png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


@unittest.skipUnless(os.access(os.path.join(helpers.ROOT, ".venv", "bin", "python"), os.X_OK),
                     "no project venv (scripts/setup.sh makes it)")
class ReexecTest(unittest.TestCase):
    """python -S hides the venv's site-packages: an interpreter without matplotlib."""

    def test_reexecs_under_the_venv_python(self):
        with tempfile.TemporaryDirectory() as d:
            report = os.path.join(d, "r.json")
            self.assertEqual(run_script("python_reference.py", "--size", "20x15", "--json", report).returncode, 0)
            env = {k: v for k, v in os.environ.items() if k != "RTCLI_PLOT_REEXEC"}
            done = subprocess.run([sys.executable, "-S", os.path.join(helpers.SCRIPTS, "plot_report.py"), report,
                                   "-o", os.path.join(d, "f.png")], capture_output=True, text=True, env=env,
                                  timeout=300, check=False)
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertTrue(is_png(os.path.join(d, "f.png")))

    def test_missing_module_after_reexec_is_one_clear_line(self):
        env = dict(os.environ, RTCLI_PLOT_REEXEC="1")
        done = subprocess.run([sys.executable, "-S", os.path.join(helpers.SCRIPTS, "plot_report.py"), "x.json"],
                              capture_output=True, text=True, env=env, timeout=60, check=False)
        self.assertEqual(done.returncode, 1)
        self.assertEqual(len(done.stderr.strip().splitlines()), 1, done.stderr)
        self.assertIn("matplotlib", done.stderr)
        self.assertIn("scripts/setup.sh", done.stderr)


if __name__ == "__main__":
    unittest.main()

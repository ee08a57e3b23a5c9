"""Comparison rows, ratio confidence interval and table text (scripts/report_compare.py)."""

import math
import random
import unittest

import helpers
import report_compare as rc
from helpers import bench_stats
from scipy import stats


class RatioTest(unittest.TestCase):
    def test_ratio_is_of_geometric_means(self):
        ratio, low, high = rc.ratio_ci([1.0, 4.0], [8.0, 8.0])
        self.assertAlmostEqual(ratio, 4.0)  # geometric means 2 and 8
        self.assertLess(low, 4.0)
        self.assertGreater(high, 4.0)

    def test_no_interval_without_two_repetitions_each(self):
        self.assertEqual(rc.ratio_ci([2.0], [4.0, 4.2])[1:], (None, None))
        self.assertAlmostEqual(rc.ratio_ci([2.0], [4.0])[0], 2.0)

    def test_identical_constant_samples(self):
        for value in rc.ratio_ci([3.0, 3.0], [6.0, 6.0, 6.0]):
            self.assertAlmostEqual(value, 2.0, places=12)

    def test_swapping_sides_inverts_the_interval(self):
        a, b = [10.0, 11.0, 9.5, 10.2], [20.0, 25.0, 22.0]
        r, low, high = rc.ratio_ci(a, b)
        r2, low2, high2 = rc.ratio_ci(b, a)
        self.assertAlmostEqual(r * r2, 1.0)
        self.assertAlmostEqual(low * high2, 1.0)
        self.assertAlmostEqual(high * low2, 1.0)

    def test_interval_excludes_one_exactly_when_welchs_test_rejects(self):
        rng = random.Random(5)
        for trial in range(200):
            a = [rng.lognormvariate(0, 0.1) for _ in range(rng.randint(2, 8))]
            b = [rng.lognormvariate(rng.uniform(-0.15, 0.15), 0.1) for _ in range(rng.randint(2, 8))]
            _, low, high = rc.ratio_ci(a, b)
            p = stats.ttest_ind([math.log(v) for v in b], [math.log(v) for v in a], equal_var=False).pvalue
            if abs(p - 0.05) > 1e-9:
                self.assertEqual(not low <= 1 <= high, p < 0.05, (trial, a, b, low, high, p))

    def test_rejects_non_positive(self):
        with self.assertRaises(ValueError):
            rc.ratio_ci([0.0, 1.0], [1.0, 2.0])


class RowsTest(unittest.TestCase):
    def setUp(self):
        python = helpers.synthetic_cpp_report(threads=(1,), seed=1)
        python["implementation"] = "python"
        python["throughput"][0]["wall_ms"] = [2000.0, 2100.0, 1900.0]
        self.named = [("py", python), ("cpp", helpers.synthetic_cpp_report(threads=(1, 2)))]

    def test_throughput_rows(self):
        rows = rc.throughput_rows(self.named)
        self.assertEqual([(r["report"], r["threads"]) for r in rows], [("py", 1), ("cpp", 1), ("cpp", 2)])
        self.assertTrue(rows[0]["baseline"])
        self.assertEqual(rows[0]["ratio"], 1.0)
        self.assertIsNone(rows[0]["ci95_low"])
        # About 2000 ms against about 2 ms at the same size: about 1000 times the throughput.
        self.assertTrue(800 < rows[1]["ratio"] < 1200, rows[1]["ratio"])
        self.assertTrue(rows[1]["ci95_low"] < rows[1]["ratio"] < rows[1]["ci95_high"])
        self.assertGreater(rows[2]["ratio"], rows[1]["ratio"])

    def test_latency_rows(self):
        rows = rc.latency_rows(self.named, "hit")
        self.assertEqual(rows[0]["speedup"], 1.0)
        first, second = (n[1]["latency"]["classes"]["hit"]["p50_ns"] for n in self.named)
        self.assertAlmostEqual(rows[1]["speedup"], first / second)
        self.assertEqual(rows[1]["p99_ns"], self.named[1][1]["latency"]["classes"]["hit"]["p99_ns"])

    def test_table_text(self):
        text = rc.format_tables(rc.latency_rows(self.named, "background"), rc.throughput_rows(self.named),
                                "background")
        self.assertIn("class 'background'", text)
        self.assertIn("1 (baseline)", text)
        lines = text.splitlines()
        self.assertEqual(sum(line.startswith("cpp ") for line in lines), 3)  # 1 latency + 2 throughput

    def test_report_names(self):
        self.assertEqual(rc.report_names(["out/python.json", "x/cpp.json"]), ["python", "cpp"])
        self.assertEqual(rc.report_names(["a/r.json", "b/r.json", "c.json"]), ["r-1", "r-2", "c"])


class LadderTest(unittest.TestCase):
    def test_rows_use_one_thread_cpu_time_and_trimmed_hit_means(self):
        slow, fast = helpers.synthetic_cpp_report(seed=1), helpers.synthetic_cpp_report(threads=(2, 1), seed=2)
        fast["latency"]["sample"] = "frame"  # timed per frame: no hit-pixel mean
        slow["benchmarks"] = [{"name": "render/64x48/threads:1", "run_type": "iteration", "time_unit": "ms",
                               "cpu_time": t} for t in (3.0, 1.0, 2.0)]
        slow_row, fast_row = rc.ladder_rows([("slow", slow), ("fast", fast)])
        one = next(e for e in fast["throughput"] if e["threads"] == 1)
        self.assertEqual(fast_row["threads"], 1)
        self.assertEqual(fast_row["ns_per_pixel"], one["median_ms"] * 1e6 / (64 * 48))
        self.assertEqual(fast_row["speedup"], slow_row["ns_per_pixel"] / fast_row["ns_per_pixel"])
        self.assertEqual(slow_row["cpu_ns_per_pixel"], 2.0 * 1e6 / (64 * 48))
        self.assertIsNone(fast_row["cpu_ns_per_pixel"])
        self.assertEqual(slow_row["hit_mean_ns"], bench_stats.trimmed_fit(slow["latency"]["classes"]["hit"]["buckets"])[0])
        self.assertIsNone(fast_row["hit_mean_ns"])
        text = rc.format_ladder([slow_row, fast_row])
        self.assertIn("CPU speedup", text)
        self.assertEqual(text.splitlines()[-1].split()[:2], ["fast", "cpp"])


if __name__ == "__main__":
    unittest.main()

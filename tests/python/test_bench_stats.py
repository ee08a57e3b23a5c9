"""Buckets, nearest-rank percentiles and summaries (scripts/bench_stats.py)."""

import random
import statistics
import unittest

from helpers import bench_stats as bs


class BucketTest(unittest.TestCase):
    def test_known_buckets(self):
        self.assertEqual(bs.bucket_bounds(1), (1, 1 + 1 / 128))
        self.assertEqual(bs.bucket_bounds(255), (255, 256))
        self.assertEqual(bs.bucket_bounds(256), (256, 258))  # octave 8: 2 ns wide
        self.assertEqual(bs.bucket_bounds(4400), (4384, 4416))  # 4096 + 9 * 32
        self.assertEqual(bs.bucket_bounds(0.99), (0, 1))
        self.assertEqual(bs.bucket_bounds(0), (0, 1))
        self.assertEqual(bs.bucket_bounds(-12.5), (0, 1))  # corrected values can be negative
        self.assertEqual(bs.bucket_bounds(2**25 - 1), (2**25 - 2**17, 2**25))
        self.assertEqual(bs.bucket_bounds(2**25), (2**25, None))
        self.assertEqual(bs.bucket_bounds(10**12), (2**25, None))

    def test_every_value_lies_in_its_bucket_and_buckets_are_narrow(self):
        rng = random.Random(1)
        values = list(range(1, 3000)) + [rng.uniform(1, 2**25) for _ in range(20000)]
        values += [2**e for e in range(25)] + [2**e - 1e-9 for e in range(1, 25)]
        for v in values:
            lo, hi = bs.bucket_bounds(v)
            self.assertTrue(lo <= v < hi, (v, lo, hi))
            self.assertLessEqual((hi - lo) / lo, 1 / 128, v)

    def test_histogram_counts_every_value_once_in_order(self):
        rng = random.Random(2)
        values = [rng.randint(-5, 10**6) for _ in range(5000)] + [-3, 0, 0.5, 2**26, 2**30]
        buckets = bs.histogram(values)
        self.assertEqual(sum(b[2] for b in buckets), len(values))
        self.assertEqual([b[:2] for b in buckets], sorted(b[:2] for b in buckets))
        self.assertTrue(all(b[2] > 0 for b in buckets))
        self.assertEqual(buckets[-1], [2**25, None, 2])
        self.assertEqual(buckets[0][:2], [0, 1])


class PercentileTest(unittest.TestCase):
    def test_nearest_rank(self):
        self.assertEqual(bs.nearest_rank(1000, "99.9"), 999)  # not 1000 through rounding
        self.assertEqual(bs.nearest_rank(1000, 99.9), 999)
        self.assertEqual(bs.nearest_rank(10000, "99.99"), 9999)
        self.assertEqual(bs.nearest_rank(10, 50), 5)
        self.assertEqual(bs.nearest_rank(3, 50), 2)
        self.assertEqual(bs.nearest_rank(1, "99.99"), 1)
        self.assertEqual(bs.nearest_rank(7, 100), 7)
        with self.assertRaises(ValueError):
            bs.nearest_rank(10, 0)
        with self.assertRaises(ValueError):
            bs.nearest_rank(0, 50)

    def test_exact_percentile_is_the_smallest_value_covering_the_fraction(self):
        rng = random.Random(3)
        for n in (1, 2, 5, 99, 1000, 1001):
            values = sorted(rng.randint(0, 50) for _ in range(n))
            for q in ("50", "90", "99", "99.9", "99.99"):
                v = bs.exact_percentile(values, q)
                at_or_below = sum(x <= v for x in values)
                below = sum(x < v for x in values)
                self.assertGreaterEqual(at_or_below * 100, float(q) * n - 1e-9)
                self.assertLess(below * 100, float(q) * n)

    def test_bucket_percentile_is_the_midpoint_of_the_exact_percentiles_bucket(self):
        rng = random.Random(4)
        values = sorted(round(rng.lognormvariate(8, 0.5)) for _ in range(20011))
        buckets = bs.histogram(values)
        for q in bs.PERCENTILES.values():
            exact = bs.exact_percentile(values, q)
            self.assertEqual(bs.bucket_percentile(buckets, q), bs.bucket_midpoint(*bs.bucket_bounds(exact)))


class SummaryTest(unittest.TestCase):
    def test_latency_class_statistics(self):
        values = [5, 1, 4, 2, 3, 100]
        c = bs.latency_class(values, 0.5)
        self.assertEqual(c["count"], 6)
        self.assertAlmostEqual(c["mean_ns"], statistics.mean(values))
        self.assertAlmostEqual(c["stddev_ns"], statistics.stdev(values))
        self.assertEqual((c["min_ns"], c["max_ns"], c["p50_ns"], c["p90_ns"], c["p99_ns"]), (1, 100, 3, 100, 100))
        corrected = c["corrected"]
        self.assertAlmostEqual(corrected["mean_ns"], c["mean_ns"] - 0.5)
        self.assertAlmostEqual(corrected["stddev_ns"], c["stddev_ns"])
        self.assertEqual(corrected["p50_ns"], 2.5)
        self.assertEqual(sum(b[2] for b in corrected["buckets"]), 6)
        self.assertNotIn("corrected", corrected)

    def test_empty_class_has_nulls(self):
        c = bs.latency_class([], 10)
        self.assertEqual(c["count"], 0)
        self.assertIsNone(c["mean_ns"])
        self.assertIsNone(c["p99_ns"])
        self.assertEqual(c["buckets"], [])

    def test_outliers_and_first_run(self):
        self.assertEqual(bs.mad_outliers([10, 10.5, 11, 10, 50]), [4])
        self.assertEqual(bs.mad_outliers([10, 10, 10]), [])
        entry = bs.throughput_entry(1, [30.0, 10.0, 10.5, 9.8, 10.1], 1_000_000)
        self.assertEqual(entry["outliers"], [0])
        self.assertTrue(entry["first_run_slow"])
        self.assertEqual(entry["median_ms"], 10.1)
        self.assertAlmostEqual(entry["mpix_per_s"], 1e6 / 10.1e-3 / 1e6)  # pixels / s / 1e6
        self.assertIsNone(bs.throughput_entry(1, [5.0], 10)["stddev_ms"])

    def test_overhead_summary(self):
        self.assertEqual(bs.overhead_summary([40, 30, 50, 1000]), {"min": 30, "median": 45, "mean": 280})


class TrimmedFitTest(unittest.TestCase):
    def test_outliers_beyond_the_percentiles_are_left_out_and_counted(self):
        rng = random.Random(3)
        bulk = [rng.randint(1000, 1100) for _ in range(9990)]
        outliers = [5_000_000] * 5 + [1] * 5  # 0.05% at each end: beyond p0.1 and p99.9
        mean, sd, kept, left_out = bs.trimmed_fit(bs.histogram(bulk + outliers))
        self.assertEqual((kept, left_out), (9990, 10))
        self.assertAlmostEqual(mean, statistics.fmean(bulk), delta=5)  # midpoints: within a bucket
        self.assertAlmostEqual(sd, statistics.stdev(bulk), delta=3)
        # The plain statistics of the same samples are stretched by the outliers.
        self.assertGreater(bs.latency_summary(bulk + outliers)["stddev_ns"], 100 * sd)

    def test_small_and_empty_classes(self):
        self.assertEqual(bs.trimmed_fit([]), (None, None, 0, 0))
        mean, sd, kept, left_out = bs.trimmed_fit(bs.histogram([7]))
        self.assertEqual((mean, sd, kept, left_out), (bs.bucket_midpoint(*bs.bucket_bounds(7)), None, 1, 0))


if __name__ == "__main__":
    unittest.main()

"""histogram_fit: the robust fit, the x range, bins in clock steps and the choice of curve."""

import itertools
import random
import unittest

import helpers  # first: it puts scripts/ on the path
import histogram_fit as hf

bench_stats = helpers.bench_stats


def buckets_of(values):
    return bench_stats.histogram([round(v) for v in values])


class RobustFitTest(unittest.TestCase):
    def test_outliers_do_not_stretch_sigma(self):
        rng = random.Random(3)
        values = [rng.gauss(2700, 100) for _ in range(20000)] + [1e6] * 200  # 1% descheduled
        mu, sigma = hf.robust_fit(buckets_of(values))
        self.assertAlmostEqual(mu, 2700, delta=10)
        self.assertAlmostEqual(sigma, 100, delta=10)
        plain = bench_stats.mean_stddev(values)[1]
        self.assertGreater(plain, 50 * sigma)  # what the plain standard deviation would say

    def test_range_covers_the_bulk_not_the_far_tail(self):
        rng = random.Random(4)
        values = [rng.gauss(2700, 100) for _ in range(20000)] + [1e6] * 30
        buckets = buckets_of(values)
        low, high = hf.plot_range(buckets, *hf.robust_fit(buckets))
        self.assertLess(low, 2700 - 250)
        self.assertGreater(high, 2700 + 250)
        self.assertLess(high, 5000)

    def test_bins_are_whole_clock_steps_centred_on_the_fullest_bucket(self):
        edges = hf.bin_edges(50.0, 150.0, 13.0, 77.5)
        widths = {round(w, 9) for w in (edges[1:] - edges[:-1])}
        self.assertEqual(widths, {13.0})
        self.assertTrue(any(abs((a + b) / 2 - 77.5) < 1e-9 for a, b in itertools.pairwise(edges)))
        self.assertLessEqual(edges[0], 50.0)
        self.assertGreaterEqual(edges[-1], 150.0)
        fine = hf.bin_edges(1000.0, 3000.0, 1.0, 2000.5)
        self.assertEqual(round(fine[1] - fine[0], 9), 20.0)  # (3000 - 1000) / 100, whole ns

    def test_curve_kind(self):
        rng = random.Random(5)
        cases = {"normal": [rng.gauss(1000, 50) for _ in range(10000)],
                 "kde": [rng.gauss(1000, 30) for _ in range(5000)] + [rng.gauss(1300, 30) for _ in range(5000)],
                 "histogram": [rng.choice((67, 77)) for _ in range(10000)]}  # a comb, 10 ns steps
        for expected, values in cases.items():
            with self.subTest(expected=expected):
                buckets = buckets_of(values)
                mu, sigma = hf.robust_fit(buckets)
                step = 10.0 if expected == "histogram" else 1.0
                low, high = hf.plot_range(buckets, mu, sigma)
                edges = hf.bin_edges(low, high, step, hf.fullest_bucket(buckets))
                self.assertEqual(hf.fit_kind(buckets, mu, sigma, step, edges), expected)


if __name__ == "__main__":
    unittest.main()

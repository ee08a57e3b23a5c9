"""The ladder's statistics: medians over repeated runs and their ratios, with percentile
bootstrap 95% intervals (runs resampled with replacement, each side on its own)."""

import random
import statistics

RESAMPLES = 10_000
CONFIDENCE = 0.95


def _interval(estimates):
    estimates.sort()
    tail = (1 - CONFIDENCE) / 2
    return estimates[int(tail * len(estimates))], estimates[int((1 - tail) * len(estimates)) - 1]


def median_ci(values, seed=0):
    """(median, low, high) of one quantity measured once per run."""
    rng = random.Random(seed)
    n = len(values)
    boot = [statistics.median(rng.choices(values, k=n)) for _ in range(RESAMPLES)]
    return (statistics.median(values), *_interval(boot))


def ratio_ci(baseline, candidate, seed=0):
    """(median(baseline) / median(candidate), low, high): the speedup of candidate when both
    are times, from each side's own runs."""
    rng = random.Random(seed)
    nb, nc = len(baseline), len(candidate)
    boot = [statistics.median(rng.choices(baseline, k=nb)) / statistics.median(rng.choices(candidate, k=nc))
            for _ in range(RESAMPLES)]
    return (statistics.median(baseline) / statistics.median(candidate), *_interval(boot))

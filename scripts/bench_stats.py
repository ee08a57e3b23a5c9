"""Statistics of an rtcli.bench/1 report: latency buckets, nearest-rank percentiles, summaries.

Standard library only, so the pure-Python reference can use it. The definitions follow the
README section "Bench report (rtcli.bench/1)".
"""

import math
from collections import Counter
from fractions import Fraction

SUB_BUCKETS = 128  # per octave: relative bucket width under 0.8%
TOP_OCTAVE = 25  # values at or above 2^25 ns (33 ms) share the overflow bucket
PERCENTILES = {"p50_ns": "50", "p90_ns": "90", "p99_ns": "99", "p999_ns": "99.9", "p9999_ns": "99.99"}


def bucket_bounds(value_ns):
    """The log-linear bucket holding value_ns, as (lower_ns, upper_ns).

    Values under 1 ns (negative corrected ones too) share [0, 1); values from 2^25 ns on share
    the overflow bucket, whose upper bound is None (unbounded).
    """
    if value_ns < 1:
        return (0, 1)
    if value_ns >= 2**TOP_OCTAVE:
        return (2**TOP_OCTAVE, None)
    mantissa, exponent = math.frexp(value_ns)  # value = mantissa * 2^exponent, 0.5 <= mantissa < 1
    octave = exponent - 1
    sub = math.floor((mantissa * 2 - 1) * SUB_BUCKETS)  # exact: scaling by powers of two
    width = 2.0**octave / SUB_BUCKETS
    lower = 2**octave + sub * width
    return (_plain(lower), _plain(lower + width))


def _plain(x):
    """Whole numbers as int, so JSON shows 4096 rather than 4096.0."""
    return int(x) if float(x).is_integer() else x


def bucket_midpoint(lower_ns, upper_ns):
    """The value a bucket stands for; the unbounded overflow bucket stands for its lower bound."""
    return lower_ns if upper_ns is None else (lower_ns + upper_ns) / 2


def histogram(values_ns):
    """Non-empty buckets as [lower_ns, upper_ns, count], in increasing order."""
    return _buckets(Counter(values_ns).items())  # timings repeat a lot: bucket each value once


def _buckets(value_counts):
    """Non-empty buckets from (value, count) pairs."""
    counts = Counter()
    for value, n in value_counts:
        counts[bucket_bounds(value)] += n
    return [[lo, hi, n] for (lo, hi), n in sorted(counts.items())]


def nearest_rank(count, percent):
    """1-based rank of the percent-th percentile of count samples: ceil(percent/100 * count).

    percent is a string or number; it is taken as an exact decimal so that 99.9% of 1000
    samples is rank 999, not 1000.
    """
    p = Fraction(str(percent))
    if count < 1 or not 0 < p <= 100:
        raise ValueError(f"no {percent}th percentile of {count} samples")
    return max(1, -(-(p.numerator * count) // (p.denominator * 100)))


def exact_percentile(sorted_values, percent):
    """The nearest-rank percentile of sorted samples: a sample value."""
    return sorted_values[nearest_rank(len(sorted_values), percent) - 1]


def bucket_percentile(buckets, percent):
    """The nearest-rank percentile from buckets: the midpoint of the bucket holding that rank."""
    rank = nearest_rank(sum(b[2] for b in buckets), percent)
    seen = 0
    for lower, upper, n in buckets:
        seen += n
        if seen >= rank:
            return bucket_midpoint(lower, upper)
    raise AssertionError("unreachable: rank beyond the total count")


def trimmed_fit(buckets, low="0.1", high="99.9"):
    """(mean, sample stddev, samples kept, samples left out) of the buckets from the one holding
    the low-th percentile to the one holding the high-th, each sample at its bucket's midpoint:
    a normal fit that a few descheduled outliers cannot stretch."""
    total = sum(b[2] for b in buckets)
    if total == 0:
        return None, None, 0, 0
    first, last = nearest_rank(total, low), nearest_rank(total, high)
    kept = []  # (midpoint, count) of every bucket holding a rank in [first, last]
    seen = 0
    for lower, upper, n in buckets:
        if seen + n >= first and seen < last:
            kept.append((bucket_midpoint(lower, upper), n))
        seen += n
    count = sum(n for _, n in kept)
    mean = math.fsum(v * n for v, n in kept) / count
    stddev = math.sqrt(math.fsum(n * (v - mean) ** 2 for v, n in kept) / (count - 1)) if count > 1 else None
    return mean, stddev, count, total - count


def mean_stddev(values):
    """(mean, sample standard deviation with n-1); None where undefined."""
    n = len(values)
    if n == 0:
        return None, None
    mean = math.fsum(values) / n
    if n < 2:
        return mean, None
    return mean, math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (n - 1))


def latency_summary(values_ns):
    """count, mean, stddev, min, max, percentiles and buckets of one class of pixel timings."""
    return counted_summary(Counter(values_ns))


def counted_summary(counts):
    """latency_summary from {value_ns: how many times}: timings repeat a lot, so this is small."""
    items = sorted(counts.items())
    total = sum(n for _, n in items)
    summary = {"count": total, "mean_ns": None, "stddev_ns": None, "min_ns": None, "max_ns": None}
    summary.update({field: None for field in PERCENTILES})
    summary["buckets"] = []
    if total == 0:
        return summary
    mean = math.fsum(v * n for v, n in items) / total
    summary["mean_ns"] = mean
    if total > 1:
        summary["stddev_ns"] = math.sqrt(math.fsum(n * (v - mean) ** 2 for v, n in items) / (total - 1))
    summary["min_ns"], summary["max_ns"] = items[0][0], items[-1][0]
    # Nearest rank: the first value whose cumulative count reaches the rank.
    wanted = sorted((nearest_rank(total, q), field) for field, q in PERCENTILES.items())
    seen = 0
    for value, n in items:
        seen += n
        while wanted and wanted[0][0] <= seen:
            summary[wanted.pop(0)[1]] = value
    summary["buckets"] = _buckets(items)
    return summary


def latency_class(values_ns, overhead_ns):
    """latency_summary plus `corrected`: the same statistics with the clock's overhead removed."""
    counts = Counter(values_ns)
    summary = counted_summary(counts)
    summary["corrected"] = counted_summary(Counter({v - overhead_ns: n for v, n in counts.items()}))
    return summary


def overhead_summary(empty_intervals_ns):
    """min, median and mean of empty timed intervals: what timing costs by itself."""
    return {"min": min(empty_intervals_ns), "median": median(empty_intervals_ns),
            "mean": math.fsum(empty_intervals_ns) / len(empty_intervals_ns)}


def median(values):
    """The middle value, or the mean of the two middle values."""
    ordered = sorted(values)
    n = len(ordered)
    return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2


def mad_outliers(values):
    """Indices of values further than 3 median absolute deviations from the median."""
    centre = median(values)
    mad = median([abs(v - centre) for v in values])
    return [i for i, v in enumerate(values) if mad > 0 and abs(v - centre) > 3 * mad]


def throughput_entry(threads, wall_ms, pixels):
    """One `throughput` entry from the wall times of every repetition, in order."""
    mid = median(wall_ms)
    mean, stddev = mean_stddev(wall_ms)
    outliers = mad_outliers(wall_ms)
    return {"threads": threads, "wall_ms": list(wall_ms), "min_ms": min(wall_ms),
            "median_ms": mid, "mean_ms": mean, "stddev_ms": stddev,
            "mpix_per_s": pixels / (mid * 1e3), "outliers": outliers,
            "first_run_slow": 0 in outliers and wall_ms[0] > mid,
            "speedup": None, "efficiency": None}

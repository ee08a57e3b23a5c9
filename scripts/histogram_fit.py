"""What the latency histograms draw: a robust normal fit, the clock's step, bins no finer than it,
and whether the bulk is normal enough for the curve to mean anything.

mu is the median and sigma the interquartile range / 1.349 (a normal's IQR is 1.349 sigma), both
from the report's buckets, so a few descheduled pixels of milliseconds cannot stretch them.
"""

import math

import numpy as np
from bench_stats import bucket_midpoint

IQR_PER_SIGMA = 1.349  # a normal distribution's interquartile range over its sigma
MAX_BINS = 100  # as the original program's plot
# The bulk is "not normal" when the binned samples and the fitted curve share less than this much
# probability (total variation distance above 1 - NORMAL_OVERLAP), or when the IQR spans fewer
# than MIN_STEPS_IN_IQR clock steps (a comb of a few values, no curve in it).
NORMAL_OVERLAP = 0.75
MIN_STEPS_IN_IQR = 4


def bucket_quantile(buckets, q):
    """The q-quantile (0..1) of a histogram, linear within the bucket that holds it."""
    total = sum(n for _, _, n in buckets)
    target = q * total
    seen = 0
    for lower, upper, n in buckets:
        if n and seen + n >= target:
            top = lower if upper is None else upper
            return lower + (top - lower) * (target - seen) / n
        seen += n
    lower, upper, _ = buckets[-1]
    return bucket_midpoint(lower, upper)


def robust_fit(buckets):
    """(mu, sigma): the median and IQR / 1.349 of the buckets' samples."""
    q1, q2, q3 = (bucket_quantile(buckets, q) for q in (0.25, 0.5, 0.75))
    return q2, (q3 - q1) / IQR_PER_SIGMA


def clock_step_ns(report):
    """The smallest step the report's clock shows: resolution_ns where measured, else one tick."""
    clock = report["latency"].get("clock", {})
    step = clock.get("resolution_ns") or clock.get("ns_per_tick") or 1.0
    return float(step) if report["latency"].get("sample") != "frame" else 0.0


def plot_range(buckets, mu, sigma):
    """x from p0.1 to p99.9 with a 10% margin, wide enough for mu +/- 1.5 sigma; a far tail
    (p99.9 beyond both p99 and mu + 10 sigma: pauses of a loaded machine) is cut there, so the
    bulk is not squashed into a few bins."""
    low, high = bucket_quantile(buckets, 0.001), bucket_quantile(buckets, 0.999)
    high = min(high, max(bucket_quantile(buckets, 0.99), mu + 10 * sigma))
    low, high = min(low, mu - 1.5 * sigma), max(high, mu + 1.5 * sigma)
    margin = 0.1 * max(high - low, 1e-9)
    return max(0.0, low - margin), high + margin


def bin_edges(low, high, step, centre):
    """About MAX_BINS bins over [low, high], each a whole number of clock steps wide (step > 0),
    one bin centred on `centre` (the fullest bucket) so that a comb of clock steps is not cut
    through its teeth."""
    width = (high - low) / MAX_BINS
    if step > 0:
        width = step * max(1, math.ceil(width / step))
    first = centre - width / 2 - width * math.ceil((centre - width / 2 - low) / width)
    count = max(1, math.ceil((high - first) / width))
    return first + width * np.arange(count + 1)


def fullest_bucket(buckets):
    """Midpoint of the bucket with the most samples."""
    lower, upper, _ = max(buckets, key=lambda b: b[2])
    return bucket_midpoint(lower, upper)


def binned_density(buckets, edges):
    """Density (per ns) over all samples of each bin: bucket midpoints binned, divided by the
    total count (samples beyond the axis count in it) and the bin width."""
    mids = np.array([bucket_midpoint(lo, hi) for lo, hi, _ in buckets], dtype=float)
    counts = np.array([n for _, _, n in buckets], dtype=float)
    heights, _ = np.histogram(mids, bins=edges, weights=counts)
    return heights / (counts.sum() * np.diff(edges))


def normal_pdf(xs, mu, sigma):
    return np.exp(-0.5 * ((xs - mu) / sigma) ** 2) / (sigma * math.sqrt(2 * math.pi))


def fit_kind(buckets, mu, sigma, step, edges):
    """How the bulk is drawn: "normal" when the fitted curve describes it; "histogram" when the
    IQR spans a few clock steps (a comb: the bars are all there is); "kde" otherwise (several
    modes, skew): a kernel density of the samples."""
    if sigma <= 0 or (step > 0 and IQR_PER_SIGMA * sigma < MIN_STEPS_IN_IQR * step):
        return "histogram"
    # On about 25 bins: the shape of the bulk, not the teeth of a fine comb.
    edges = edges[::max(1, (len(edges) - 1) // 25)]
    density = binned_density(buckets, edges) * np.diff(edges)
    cdf = 0.5 * (1 + np.vectorize(math.erf)((edges - mu) / (sigma * math.sqrt(2))))
    expected = np.diff(cdf)
    if density.sum() <= 0:
        return "histogram"
    overlap = np.minimum(density / density.sum(), expected / max(expected.sum(), 1e-12)).sum()
    return "normal" if overlap >= NORMAL_OVERLAP else "kde"


def kde_curve(buckets, xs, step, low, high):
    """A Gaussian kernel density of the samples in [low, high] (weights: bucket counts), its
    bandwidth at least one clock step, scaled to the share of all samples they hold."""
    from scipy.stats import gaussian_kde

    mids = np.array([bucket_midpoint(lo, hi) for lo, hi, _ in buckets], dtype=float)
    counts = np.array([n for _, _, n in buckets], dtype=float)
    inside = (mids >= low) & (mids <= high)
    if inside.sum() < 2:
        return None
    data, weights = mids[inside], counts[inside]
    spread = math.sqrt(np.average((data - np.average(data, weights=weights)) ** 2, weights=weights))
    if spread <= 0:
        return None
    kde = gaussian_kde(data, weights=weights)
    bandwidth = max(kde.factor * spread, step)
    kde.set_bandwidth(bandwidth / spread)
    return kde(xs) * weights.sum() / counts.sum()

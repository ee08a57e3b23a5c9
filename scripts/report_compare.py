"""Comparison of rtcli.bench/1 reports as plain rows, a ratio with a confidence interval, and the
text table plot_report.py prints. Needs scipy (Student's t quantile) for the interval.
"""

import math
import os

from bench_stats import trimmed_fit
from scipy import stats as scipy_stats

CONFIDENCE = 0.95
GBENCH_UNIT_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}  # Google Benchmark's time units


def throughput_samples(report, entry):
    """Mpix/s of every repetition of one throughput entry."""
    pixels = report["config"]["width"] * report["config"]["height"]
    return [pixels / (ms * 1e3) for ms in entry["wall_ms"]]


def ratio_ci(baseline, candidate, confidence=CONFIDENCE):
    """How many times larger candidate's values are than baseline's, as (ratio, low, high).

    The ratio is of geometric means; the interval is Welch's t interval on the difference of
    mean logarithms, which suits positive, right-skewed timings. low and high are None unless
    both sides have at least two values.
    """
    if min(baseline) <= 0 or min(candidate) <= 0:
        raise ValueError("ratios need positive values")
    log_a = [math.log(v) for v in baseline]
    log_b = [math.log(v) for v in candidate]
    diff = sum(log_b) / len(log_b) - sum(log_a) / len(log_a)
    ratio = math.exp(diff)
    if len(log_a) < 2 or len(log_b) < 2:
        return ratio, None, None
    var_a = _variance(log_a) / len(log_a)
    var_b = _variance(log_b) / len(log_b)
    se = math.sqrt(var_a + var_b)
    if se == 0:
        return ratio, ratio, ratio
    # Welch-Satterthwaite degrees of freedom.
    df = (var_a + var_b) ** 2 / (var_a**2 / (len(log_a) - 1) + var_b**2 / (len(log_b) - 1))
    half = scipy_stats.t.ppf(0.5 + confidence / 2, df) * se
    return ratio, math.exp(diff - half), math.exp(diff + half)


def _variance(values):
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / (len(values) - 1)


def latency_rows(named_reports, latency_class):
    """One row per report: median and p99 latency of a class, and the median's speedup
    against the first report (first p50 / this p50; above 1 means faster)."""
    rows = []
    base_p50 = None
    for i, (name, report) in enumerate(named_reports):
        c = report["latency"]["classes"][latency_class]
        p50 = c["p50_ns"]
        if i == 0:
            base_p50 = p50
        speedup = base_p50 / p50 if base_p50 and p50 else None
        rows.append({"report": name, "implementation": report["implementation"],
                     "threads": report["latency"]["threads"], "count": c["count"],
                     "p50_ns": p50, "p99_ns": c["p99_ns"], "speedup": speedup})
    return rows


def throughput_rows(named_reports):
    """One row per report and thread count: median Mpix/s and the ratio to the baseline (the
    first report's first entry) with its confidence interval where repetitions allow."""
    rows = []
    baseline = None
    for name, report in named_reports:
        for entry in report["throughput"]:
            samples = throughput_samples(report, entry)
            row = {"report": name, "implementation": report["implementation"],
                   "threads": entry["threads"], "repetitions": len(samples),
                   "mpix_per_s": entry["mpix_per_s"], "ratio": None, "ci95_low": None,
                   "ci95_high": None, "baseline": baseline is None}
            if baseline is None:
                baseline = samples
                row["ratio"] = 1.0
            else:
                row["ratio"], row["ci95_low"], row["ci95_high"] = ratio_ci(baseline, samples)
            rows.append(row)
    return rows


def ladder_rows(named_reports):
    """One row per report: ns per pixel of its one-thread throughput (else its first entry) and
    the mean latency of hit pixels when timed per pixel, over the samples between p0.1 and p99.9
    (as the histograms' fit: a few descheduled pixels would dominate the plain mean), each with
    the speedup over the first report."""
    rows = []
    for name, report in named_reports:
        entries = report["throughput"]
        entry = next((e for e in entries if e["threads"] == 1), entries[0] if entries else None)
        pixels = report["config"]["width"] * report["config"]["height"]
        hit = report["latency"]["classes"]["hit"]
        per_pixel = report["latency"].get("sample") != "frame" and hit["count"] > 0
        cpu_ms = one_thread_cpu_ms(report)
        rows.append({"report": name, "implementation": report["implementation"],
                     "threads": entry["threads"] if entry else None,
                     "ns_per_pixel": entry["median_ms"] * 1e6 / pixels if entry else None,
                     "cpu_ns_per_pixel": cpu_ms * 1e6 / pixels if cpu_ms else None,
                     "hit_mean_ns": trimmed_fit(hit["buckets"])[0] if per_pixel else None})
    for key, speedup in (("ns_per_pixel", "speedup"), ("cpu_ns_per_pixel", "cpu_speedup"),
                         ("hit_mean_ns", "hit_speedup")):
        base = rows[0][key] if rows else None
        for row in rows:
            row[speedup] = base / row[key] if base and row[key] else None
    return rows


def one_thread_cpu_ms(report):
    """Median CPU time of the report's one-thread frames (its Google Benchmark rows), or None.
    On a loaded machine wall time stretches long passes more than short frames; CPU time not."""
    cpu = sorted(b["cpu_time"] * GBENCH_UNIT_MS[b["time_unit"]] for b in report.get("benchmarks", [])
                 if isinstance(b, dict) and b.get("run_type") == "iteration" and b.get("time_unit") in GBENCH_UNIT_MS
                 and str(b.get("name", "")).startswith("render/") and b["name"].endswith("/threads:1")
                 and isinstance(b.get("cpu_time"), (int, float)))
    return cpu[len(cpu) // 2] if cpu else None


def format_ladder(rows):
    """The ladder table as text."""
    def ratio(x):
        return "-" if x is None else significant(x)

    body = [[r["report"], r["implementation"], "-" if r["threads"] is None else str(r["threads"]),
             _fmt(r["ns_per_pixel"], 3), ratio(r["speedup"]), _fmt(r["cpu_ns_per_pixel"], 3),
             ratio(r["cpu_speedup"]),
             _fmt(r["hit_mean_ns"], 1), ratio(r["hit_speedup"])] for r in rows]
    return ("Ladder (ns/pixel = median untimed frame / pixels, one thread, wall and CPU time; speedups "
            "over the first report;\nhit mean = the timed pass's hit pixels between p0.1 and p99.9, "
            "the original's mu)\n"
            + _table(["report", "impl", "threads", "ns/pixel", "speedup", "CPU ns/pixel", "CPU speedup",
                      "hit mean ns", "hit speedup"], body))


def report_names(paths):
    """Short unique names for report files: the file name without .json, numbered on clashes."""
    stems = [os.path.splitext(os.path.basename(p))[0] or "report" for p in paths]
    names = []
    for i, stem in enumerate(stems):
        names.append(stem if stems.count(stem) == 1 else f"{stem}-{i + 1}")
    return names


def _fmt(value, digits=1):
    if value is None:
        return "-"
    return f"{value:,.{digits}f}"


def _ratio_text(row):
    if row["baseline"]:
        return "1 (baseline)"
    if row["ci95_low"] is None:
        return f"{significant(row['ratio'])} (no CI: <2 repetitions)"
    return (f"{significant(row['ratio'])} "
            f"[{significant(row['ci95_low'])}, {significant(row['ci95_high'])}]")


def significant(x):
    """Three significant figures, whatever the magnitude."""
    return f"{x:.3g}" if x < 1000 else f"{x:,.0f}"


def _table(header, body):
    widths = [max(len(r[i]) for r in [header] + body) for i in range(len(header))]
    lines = ["  ".join(cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(r, widths)))
             for r in [header] + body]
    return "\n".join(lines)


def format_tables(latency, throughput, latency_class):
    """The two comparison tables as text."""
    lat = _table(["report", "impl", "threads", "N", "p50 ns", "p99 ns", "p50 speedup"],
                 [[r["report"], r["implementation"], str(r["threads"]), f"{r['count']:,}",
                   _fmt(r["p50_ns"]), _fmt(r["p99_ns"]),
                   "-" if r["speedup"] is None else significant(r["speedup"])] for r in latency])
    thr = _table(["report", "impl", "threads", "reps", "Mpix/s (median)", "ratio [95% CI]"],
                 [[r["report"], r["implementation"], str(r["threads"]), str(r["repetitions"]),
                   _fmt(r["mpix_per_s"], 4), _ratio_text(r)] for r in throughput])
    return (f"Latency per pixel, class '{latency_class}' (nearest-rank percentiles; "
            f"speedup = first report's p50 / this p50)\n{lat}\n\n"
            f"Throughput (ratio = geometric-mean Mpix/s over the first row's, "
            f"Welch t interval on logs)\n{thr}")

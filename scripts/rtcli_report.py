"""Reading and writing rtcli.bench/1 reports: validation with one-line errors, atomic writes.

Standard library only. A report is checked for the fields the scripts read; any other field
may be missing or extra (consumers ignore fields they do not know).
"""

import json
import math
import os
import tempfile

SCHEMA = "rtcli.bench/1"
LATENCY_CLASSES = ("all", "hit", "background")


class ReportError(Exception):
    """A file that is not a usable report; the message is one line and names the file."""


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _is_count(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_number_or_null(value):
    return value is None or _is_number(value)


def _bucket_list(value):
    """[[lower_ns, upper_ns or null (overflow), count], ...]"""
    return isinstance(value, list) and all(
        isinstance(b, list) and len(b) == 3 and _is_number(b[0]) and _is_number_or_null(b[1])
        and _is_count(b[2]) for b in value)


def _number_list(value):
    return isinstance(value, list) and len(value) > 0 and all(_is_number(v) for v in value)


# The fields the scripts read, by dotted path, with what they must hold.
_CLASS_FIELDS = {"count": (_is_count, "a whole number >= 0"),
                 "mean_ns": (_is_number_or_null, "a number or null"),
                 "stddev_ns": (_is_number_or_null, "a number or null"),
                 "p50_ns": (_is_number_or_null, "a number or null"),
                 "p99_ns": (_is_number_or_null, "a number or null"),
                 "buckets": (_bucket_list, "a list of [lower_ns, upper_ns, count]")}
_THROUGHPUT_FIELDS = {"threads": (_is_count, "a whole number"),
                      "wall_ms": (_number_list, "a non-empty list of numbers"),
                      "median_ms": (_is_number, "a number"),
                      "mpix_per_s": (_is_number, "a number")}


def _field(document, path):
    """The value at a dotted path, or raise KeyError naming the first missing part."""
    value = document
    walked = []
    for part in path.split("."):
        walked.append(part)
        if isinstance(part, str) and part.isdigit() and isinstance(value, list):
            index = int(part)
            if index >= len(value):
                raise KeyError(".".join(walked))
            value = value[index]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            raise KeyError(".".join(walked))
    return value


def validate(document):
    """Raise ValueError with a short reason when document is not a usable rtcli.bench/1 report."""
    if not isinstance(document, dict):
        raise ValueError("not a JSON object")  # noqa: TRY004 (every reason is a ValueError to callers)
    if document.get("schema") != SCHEMA:
        raise ValueError(f"schema is {json.dumps(document.get('schema'))}, expected \"{SCHEMA}\"")
    checks = {"implementation": (lambda v: isinstance(v, str) and v != "", "a non-empty string"),
              "config.width": (lambda v: _is_count(v) and v > 0, "a whole number > 0"),
              "config.height": (lambda v: _is_count(v) and v > 0, "a whole number > 0"),
              "throughput": (lambda v: isinstance(v, list), "a list"),
              "latency.threads": (_is_count, "a whole number")}
    for name in LATENCY_CLASSES:
        for field, check in _CLASS_FIELDS.items():
            checks[f"latency.classes.{name}.{field}"] = check
    for path, (check, expected) in checks.items():
        _check(document, path, check, expected)
    for name in LATENCY_CLASSES:  # a class with samples has its statistics
        if document["latency"]["classes"][name]["count"] > 0:
            for field in ("mean_ns", "p50_ns", "p99_ns"):
                _check(document, f"latency.classes.{name}.{field}", _is_number,
                       "a number (the class has samples)")
    for i in range(len(document["throughput"])):
        for field, (check, expected) in _THROUGHPUT_FIELDS.items():
            _check(document, f"throughput.{i}.{field}", check, expected)


def _check(document, path, check, expected):
    try:
        value = _field(document, path)
    except KeyError as missing:
        raise ValueError(f"missing field {missing.args[0]}") from None
    if not check(value):
        shown = json.dumps(value)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        raise ValueError(f"field {path} is {shown}, expected {expected}")


def load_report(path):
    """The report in path as a dict; ReportError (one line naming path) when it is not one."""
    def reject_constant(name):
        raise ValueError(f"{name} is not a JSON number")

    try:
        with open(path, encoding="utf-8") as f:
            document = json.load(f, parse_constant=reject_constant)
    except OSError as e:
        raise ReportError(f"{path}: cannot read: {e.strerror}") from None
    except UnicodeDecodeError:
        raise ReportError(f"{path}: not a report: not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise ReportError(f"{path}: not valid JSON at line {e.lineno} column {e.colno}: {e.msg}") from None
    except ValueError as e:
        raise ReportError(f"{path}: not valid JSON: {e}") from None
    try:
        validate(document)
    except ValueError as e:
        raise ReportError(f"{path}: not a valid {SCHEMA} report: {e}") from None
    return document


def write_atomic(path, data):
    """Write bytes to path through a temporary file in the same folder, then rename over it."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix="-" + os.path.basename(path))
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes 0600; a report is an ordinary file
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise


def write_report(path, document):
    """Write a report as indented JSON, atomically."""
    write_atomic(path, (json.dumps(document, indent=2, allow_nan=False) + "\n").encode())

"""doc/bench-report.md against real reports: every key rtcli bench writes is documented, with its
type, and every documented key is written by some real bench run."""

import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from helpers import ROOT, RTCLI, binary_env

DOC = os.path.join(ROOT, "doc", "bench-report.md")
BEGIN, END = "<!-- keys:rtcli.bench/1 -->", "<!-- /keys:rtcli.bench/1 -->"
TYPES = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,),
         "array": (list,), "object": (dict,), "null": (type(None),)}


def expand(path):
    """`a.{b,c}.d` as ['a.b.d', 'a.c.d']."""
    parts = re.split(r"\{([^}]*)\}", path)
    choices = [[p] if i % 2 == 0 else p.split(",") for i, p in enumerate(parts)]
    return ["".join(c) for c in itertools.product(*choices)]


def documented_keys(text):
    """{dotted path: (allowed Python types or None, when)} from the table between the markers."""
    body = text.split(BEGIN, 1)[1].split(END, 1)[0]
    rows = [line for line in body.splitlines() if line.startswith("| `")]
    keys = {}
    for row in rows:
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        path, type_text, when = cells[0].strip("`"), cells[1], cells[3]
        alternatives = re.split(r";|, or | or ", type_text)
        first_words = [alt.split()[0] for alt in alternatives if alt.split()]
        types = None
        if first_words[0] != "as":  # "as in `end_to_end`": the types are that row's
            unknown = [w for w in first_words if w not in TYPES]
            assert not unknown, f"{path}: unknown type {unknown} in '{type_text}'"
            types = tuple(t for w in first_words for t in TYPES[w])
        for key in expand(path):
            assert key not in keys, f"{key} is documented twice"
            keys[key] = (types, when)
    return keys


def report_values(value, path=""):
    """(dotted path, value) of every key, `[]` for each element of an array of objects."""
    if isinstance(value, dict):
        for k, v in value.items():
            key = f"{path}.{k}" if path else k
            yield key, v
            yield from report_values(v, key)
    elif isinstance(value, list):
        for element in value:
            if isinstance(element, dict):
                yield from report_values(element, path + "[]")


def type_ok(value, types):
    if isinstance(value, bool):  # a bool is an int to Python, not to JSON
        return bool in types
    return isinstance(value, types)


class BenchReportDocTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(DOC, encoding="utf-8") as f:
            cls.keys = documented_keys(f.read())
        cls.dir = tempfile.TemporaryDirectory()
        out = cls.dir.name
        small = ["--size", "64x48", "--latency-runs", "1", "--quiet"]
        profiles = os.path.join(ROOT, "profiles")
        runs = {
            # Several thread counts (speedups), end to end, a size sweep, trace and heat map.
            "options": [RTCLI, "bench", *small, "--threads", "1,2", "--repetitions", "3",
                        "--end-to-end-runs", "1", "--sizes", "32x24,48x32",
                        "--trace", os.path.join(out, "trace.json"),
                        "--latency-map", os.path.join(out, "map.png")],
            # Two scenes in one report, no one-thread entry (null speedups), no end-to-end runs.
            "scenes": [RTCLI, "bench", *small, "--threads", "2", "--repetitions", "2",
                       "--end-to-end-runs", "0", "--scene",
                       ",".join(os.path.join(profiles, p) for p in ("seed.json", "field-10.json"))],
        }
        env = binary_env()
        cls.mpi = shutil.which("mpirun") and os.path.exists(
            os.path.join(os.path.dirname(RTCLI), "librtcli_mpi.so"))
        if cls.mpi:
            # Two ranks sharing each frame: the per-rank keys. OpenMPI refuses root without the
            # first two; TMPDIR keeps its session files apart from other jobs' (mpi_support.cpp).
            env = dict(env, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1", TMPDIR=out)
            runs["mpi"] = ["mpirun", "-q", "--oversubscribe", "-x", "LSAN_OPTIONS=detect_leaks=0",
                           "-n", "2", RTCLI, "bench", *small, "--threads", "1",
                           "--repetitions", "2", "--end-to-end-runs", "0"]
        cls.reports = {}
        for name, command in runs.items():
            path = os.path.join(out, name + ".json")
            done = subprocess.run([*command, "--json", path], check=False, capture_output=True,
                                  text=True, env=env, timeout=300)
            assert done.returncode == 0, f"{name}: {done.stderr}"
            with open(path, encoding="utf-8") as f:
                cls.reports[name] = json.load(f)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def each_report(self):
        """(name, report) of every run, and of every scene of a report over several scenes."""
        for name, report in self.reports.items():
            yield name, report
            for i, scene in enumerate(report.get("scenes", [])):
                yield f"{name}.scenes[{i}]", scene

    def seen(self):
        """{dotted path: [values]} over every report, `scenes[].` kept and taken off."""
        values = {}
        for report in self.reports.values():
            for key, value in report_values(report):
                values.setdefault(key, []).append(value)
                if key.startswith("scenes[]."):
                    values.setdefault(key[len("scenes[]."):], []).append(value)
        return values

    def test_every_key_written_is_documented_with_its_type(self):
        for key, values in self.seen().items():
            if key.startswith("scenes[]."):
                self.assertFalse(key.startswith("scenes[].scenes"), "a scene holds no scenes")
                continue  # checked under its own name
            self.assertTrue(key in self.keys, f"{key} is written but not in doc/bench-report.md")
            types, _ = self.keys[key]
            for value in values:
                if types is not None:
                    self.assertTrue(type_ok(value, types), f"{key}: {value!r} is not {types}")

    def test_every_documented_key_is_written(self):
        seen = self.seen()
        for key, (_, when) in self.keys.items():
            if when == "MPI" and not self.mpi:
                continue
            self.assertTrue(key in seen, f"{key} is documented but no real report has it")

    def test_when_says_which_reports_have_the_key(self):
        # "always": in every report that has the key's parent; "MPI": only in reports under mpirun.
        for name, report in self.each_report():
            keys = {key for key, _ in report_values(report)}
            for key, (_, when) in self.keys.items():
                parent = key.rsplit(".", 1)[0].removesuffix("[]") if "." in key else None
                if when == "always" and (parent is None or parent in keys):
                    self.assertTrue(key in keys, f"{key}: documented 'always', {name} lacks it")
                if when == "MPI" and not name.startswith("mpi"):
                    self.assertFalse(key in keys, f"{key} is documented 'MPI' but {name} has it")

    def test_mpi_keys_are_checked_when_mpi_is_built(self):
        if not self.mpi:
            self.skipTest("no MPI in this build, or no mpirun: the per-rank keys are unchecked")
        self.assertEqual(self.reports["mpi"]["config"]["ranks"], 2)

    def test_the_parser_reads_what_the_doc_says(self):
        # Guards the parser itself: a brace row expands, and a known key carries its type.
        self.assertIn("latency.classes.hit.corrected.p99_ns", self.keys)
        self.assertEqual(self.keys["config.width"], ((int,), "always"))
        self.assertEqual(self.keys["context.ranks[].host"][1], "MPI")
        self.assertEqual(expand("a.{b,c}.{d,e}"), ["a.b.d", "a.b.e", "a.c.d", "a.c.e"])


if __name__ == "__main__":
    unittest.main()

"""Loading and validating reports, atomic writes (scripts/rtcli_report.py)."""

import copy
import json
import os
import tempfile
import unittest

from helpers import rtcli_report, synthetic_cpp_report


class LoadReportTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.good = synthetic_cpp_report()

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, text):
        path = os.path.join(self.dir.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def assert_rejected(self, path, *fragments):
        with self.assertRaises(rtcli_report.ReportError) as caught:
            rtcli_report.load_report(path)
        message = str(caught.exception)
        self.assertTrue(message.startswith(path + ": "), message)
        self.assertNotIn("\n", message)
        for fragment in fragments:
            self.assertIn(fragment, message)

    def test_valid_report_loads_with_unknown_fields(self):
        path = self.write("good.json", json.dumps(self.good))
        self.assertEqual(rtcli_report.load_report(path)["implementation"], "cpp")

    def test_not_json(self):
        self.assert_rejected(self.write("a.json", "{not json"), "not valid JSON at line 1 column 2")
        self.assert_rejected(self.write("b.json", ""), "not valid JSON")

    def test_binary_file(self):
        path = os.path.join(self.dir.name, "c.json")
        with open(path, "wb") as f:
            f.write(b"\xff\xfe\x00garbage")
        self.assert_rejected(path, "not")

    def test_missing_file_and_folder(self):
        self.assert_rejected(os.path.join(self.dir.name, "none.json"), "cannot read", "No such file")
        self.assert_rejected(self.dir.name, "cannot read")

    def test_wrong_schema(self):
        for schema in ("rtcli.bench/2", None, 1):
            doc = dict(self.good, schema=schema)
            self.assert_rejected(self.write("s.json", json.dumps(doc)), "schema is", "rtcli.bench/1")
        self.assert_rejected(self.write("l.json", "[1, 2]"), "not a JSON object")

    def test_missing_fields(self):
        cases = [(["latency"], "missing field latency"),
                 (["latency", "classes", "hit"], "missing field latency.classes.hit"),
                 (["latency", "classes", "all", "p99_ns"], "missing field latency.classes.all.p99_ns"),
                 (["config", "width"], "missing field config.width"),
                 (["throughput", 1, "wall_ms"], "missing field throughput.1.wall_ms"),
                 (["implementation"], "missing field implementation")]
        for keys, expected in cases:
            doc = copy.deepcopy(self.good)
            holder = doc
            for key in keys[:-1]:
                holder = holder[key]
            del holder[keys[-1]]
            self.assert_rejected(self.write("m.json", json.dumps(doc)), expected)

    def test_wrong_types(self):
        doc = copy.deepcopy(self.good)
        doc["latency"]["classes"]["hit"]["count"] = "12"
        self.assert_rejected(self.write("t1.json", json.dumps(doc)), "latency.classes.hit.count", "whole number")
        doc = copy.deepcopy(self.good)
        doc["throughput"][0]["wall_ms"] = []
        self.assert_rejected(self.write("t2.json", json.dumps(doc)), "throughput.0.wall_ms")
        doc = copy.deepcopy(self.good)
        doc["latency"]["classes"]["hit"]["buckets"] = [[1, 2]]
        self.assert_rejected(self.write("t3.json", json.dumps(doc)), "buckets")
        doc = copy.deepcopy(self.good)
        doc["latency"]["classes"]["background"]["p50_ns"] = None
        self.assert_rejected(self.write("t5.json", json.dumps(doc)), "latency.classes.background.p50_ns",
                             "the class has samples")
        doc = copy.deepcopy(self.good)
        doc["config"]["height"] = True
        self.assert_rejected(self.write("t4.json", json.dumps(doc)), "config.height")

    def test_nan_is_not_a_number(self):
        text = json.dumps(self.good).replace('"wall_ms": 1.0', '"wall_ms": NaN', 1)
        self.assertIn("NaN", text)
        self.assert_rejected(self.write("n.json", text), "NaN")


class WriteAtomicTest(unittest.TestCase):
    def test_replaces_and_leaves_no_temporary_file(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "r.json")
            rtcli_report.write_atomic(path, b"old")
            rtcli_report.write_report(path, {"a": 1})
            with open(path, encoding="utf-8") as f:
                self.assertEqual(json.load(f), {"a": 1})
            self.assertEqual(os.listdir(d), ["r.json"])

    def test_failure_leaves_nothing(self):
        with tempfile.TemporaryDirectory() as d:
            with self.assertRaises(ValueError):
                rtcli_report.write_report(os.path.join(d, "r.json"), {"a": float("nan")})
            self.assertEqual(os.listdir(d), [])


if __name__ == "__main__":
    unittest.main()

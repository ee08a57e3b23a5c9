"""A report over several scenes (rtcli bench --scene A,B) reads as a one-scene report does."""

import os
import subprocess
import tempfile
import unittest

from helpers import ROOT, RTCLI, rtcli_report, run_script


class MultiSceneReportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.report = os.path.join(cls.dir.name, "scenes.json")
        profiles = os.path.join(ROOT, "profiles")
        scenes = ",".join(os.path.join(profiles, p) for p in ("field-10.json", "seed.json"))
        subprocess.run([RTCLI, "bench", "--quiet", "--size", "64x36", "--repetitions", "2",
                        "--latency-runs", "1", "--end-to-end-runs", "0", "--scene", scenes,
                        "--json", cls.report], check=True)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_top_level_is_the_first_scene_and_every_scene_validates(self):
        report = rtcli_report.load_report(self.report)
        self.assertTrue(report["config"]["scene"].endswith("field-10.json"))
        self.assertEqual(len(report["scenes"]), 2)
        for scene in report["scenes"]:
            rtcli_report.validate(scene)
        self.assertTrue(report["scenes"][1]["context"]["render_path"].startswith("sphere-simd/"))

    def test_compare_and_plot_read_it(self):
        out = os.path.join(self.dir.name, "plot")
        for script, args in (("report_compare.py", [self.report, self.report]),
                             ("plot_report.py", [self.report, "-o", out])):
            result = run_script(script, *args)
            self.assertEqual(result.returncode, 0, result.stderr)


if __name__ == "__main__":
    unittest.main()

"""make_sphere_field.py: the committed field profiles are exactly what it writes, and it is framed
alike at every count."""

import json
import math
import os
import tempfile
import unittest

from helpers import ROOT, run_script

PROFILES = os.path.join(ROOT, "profiles")


class MakeSphereField(unittest.TestCase):
    def generate(self, *args):
        with tempfile.TemporaryDirectory() as folder:
            out = os.path.join(folder, "field.json")
            run = run_script("make_sphere_field.py", *args, "-o", out)
            self.assertEqual(run.returncode, 0, run.stderr)
            with open(out, encoding="utf-8") as f:
                return f.read()

    def test_committed_profiles_are_the_generators_output(self):
        for count in (10, 10000):
            with open(os.path.join(PROFILES, f"field-{count}.json"), encoding="utf-8") as f:
                self.assertEqual(self.generate(count), f.read(), f"field-{count}.json")

    def test_counts_share_window_lights_and_expected_coverage(self):
        small = json.loads(self.generate(10))
        large = json.loads(self.generate(1000))
        self.assertEqual(len(small["spheres"]), 10)
        self.assertEqual(len(large["spheres"]), 1000)
        self.assertEqual(small["window"], large["window"])
        self.assertEqual(small["lights"], large["lights"])
        area = small["window"]["width"] * small["window"]["height"]
        for scene in (small, large):
            count = len(scene["spheres"])
            radius = scene["spheres"][0]["radius"]
            coverage = 1 - math.exp(-count * math.pi * radius ** 2 / area)
            self.assertAlmostEqual(coverage, 0.55, places=4)

    def test_seed_changes_the_spheres_only(self):
        one = json.loads(self.generate(20, "--seed", 1))
        two = json.loads(self.generate(20, "--seed", 2))
        self.assertNotEqual(one["spheres"], two["spheres"])
        self.assertEqual(one["lights"], two["lights"])

    def test_bad_values_exit_2_with_one_line(self):
        for args in (["0"], ["5", "--coverage", "1.5"], ["many"]):
            run = run_script("make_sphere_field.py", *args)
            self.assertEqual(run.returncode, 2, args)
            self.assertIn("error", run.stderr.strip().splitlines()[-1])
            self.assertEqual(run.stdout, "")

    def test_unwritable_output_exits_1_and_leaves_nothing(self):
        with tempfile.TemporaryDirectory() as folder:
            out = os.path.join(folder, "missing", "field.json")
            run = run_script("make_sphere_field.py", "5", "-o", out)
            self.assertEqual(run.returncode, 1)
            self.assertEqual(len(run.stderr.strip().splitlines()), 1)
            self.assertEqual(os.listdir(folder), [])


if __name__ == "__main__":
    unittest.main()

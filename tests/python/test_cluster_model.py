"""scripts/cluster_model.py: the model's limits, and a run against the built rtcli."""

import unittest

from helpers import RTCLI, run_script  # first: it puts scripts/ on sys.path

# isort: split
import cluster_model


class ModelTest(unittest.TestCase):
    def test_each_limit_wins_when_it_is_the_largest(self):
        # 1000 bands of 1 ms on 2 nodes of 4 cores: 125 waves of compute.
        t, limit = cluster_model.frame_time(1e-3, 1000, 1e6, 1e6, 2, 4, 10e9, 1e9, 1e-6)
        self.assertEqual(limit, "compute")
        self.assertAlmostEqual(t, 0.125)
        # The same frame weighing 1 GB: half of it crosses a 10 Gbit/s link in 0.4 s.
        t, limit = cluster_model.frame_time(1e-3, 1000, 1e9, 1e6, 2, 4, 10e9, 1e12, 1e-6)
        self.assertEqual(limit, "network")
        self.assertAlmostEqual(t, 0.4)
        t, limit = cluster_model.frame_time(1e-3, 1000, 1e6, 1e9, 2, 4, 10e9, 1e9, 1e-6)
        self.assertEqual(limit, "rank 0 writing")
        t, limit = cluster_model.frame_time(1e-6, 1000, 1e3, 1e3, 2, 4, 10e9, 1e9, 1e-3)
        self.assertEqual(limit, "band counter")
        # Fewer bands than workers: one wave, whatever the node count.
        t, limit = cluster_model.frame_time(1e-3, 10, 1e3, 1e3, 64, 32, 10e9, 1e9, 1e-9)
        self.assertEqual(limit, "bands (fewer than workers)")
        self.assertAlmostEqual(t, 1e-3)

    def test_prints_a_table_row_per_profile_and_link(self):
        done = run_script("cluster_model.py", "--rtcli", RTCLI, "--size", "64x48", "--runs", "1",
                          "--profiles", "seed,showcase", "--links", "10,25")
        self.assertEqual(done.returncode, 0, done.stderr)
        rows = [line for line in done.stdout.splitlines() if line.startswith(("| seed", "| showcase"))]
        self.assertEqual(len(rows), 4)
        self.assertIn("Model (not a measurement)", done.stdout)

    def test_bad_values_exit_2_in_one_line(self):
        done = run_script("cluster_model.py", "--profiles", "nope")
        self.assertEqual(done.returncode, 2)
        self.assertEqual(len(done.stderr.strip().splitlines()), 1)


if __name__ == "__main__":
    unittest.main()

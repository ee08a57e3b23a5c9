"""plot_report.py --html: one self-contained page with every figure, rtcli compare's verdicts and
the warnings, that a browser shows without a single network request."""

import base64
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from helpers import RTCLI, binary_env, run_script

CHROMIUM = shutil.which("chromium")


@unittest.skipUnless(os.access(RTCLI, os.X_OK), "rtcli is not built")
class HtmlReportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.reports = []
        for name, threads in (("base", "1,2"), ("new", "1,2")):
            path = os.path.join(cls.dir.name, f"{name}.json")
            done = subprocess.run([RTCLI, "bench", "--quiet", "--size", "64x40", "--threads", threads,
                                   "--repetitions", "5", "--latency-runs", "1", "--end-to-end-runs", "0",
                                   "--json", path], capture_output=True, text=True, env=binary_env(),
                                  timeout=300, check=False)
            assert done.returncode == 0, done.stderr
            cls.reports.append(path)
        cls.page = os.path.join(cls.dir.name, "out", "report.html")
        cls.done = run_script("plot_report.py", *cls.reports, "--html", cls.page, "--rtcli", RTCLI)
        assert cls.done.returncode == 0, cls.done.stderr
        with open(cls.page, encoding="utf-8") as f:
            cls.html = f.read()

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_every_figure_is_inline_and_nothing_is_fetched(self):
        images = re.findall(r'<img alt="([^"]*)" src="data:image/png;base64,([^"]+)"', self.html)
        captions = [caption for caption, _ in images]
        for expected in ("Latency distributions overlaid", "Latency CDF and tail", "Histogram with fit: base",
                         "Histogram with fit: new", "The ladder", "Scaling over threads"):
            self.assertIn(expected, captions)
        for _, data in images:
            self.assertEqual(base64.b64decode(data)[:8], b"\x89PNG\r\n\x1a\n")
        self.assertNotRegex(self.html, r"(?i)(src|href)\s*=\s*[\"']?(https?:|//)")
        self.assertNotRegex(self.html, r"(?i)url\(|<script|<link|@import|<iframe")
        self.assertEqual(os.listdir(os.path.dirname(self.page)), ["report.html"])  # no PNG files

    def test_the_comparison_and_the_warnings_are_on_the_page(self):
        compared = subprocess.run([RTCLI, "compare", "--format", "json", *self.reports], capture_output=True,
                                  text=True, env=binary_env(), timeout=60, check=True)
        figures = json.loads(compared.stdout)["figures"]
        cells = re.findall(r'<td class="(regressed|improved|nochange|untested)">', self.html)
        self.assertEqual(len(cells), len(figures))
        self.assertEqual(cells, [f["verdict"].replace(" ", "") for f in figures])
        with open(self.reports[0], encoding="utf-8") as f:
            for warning in json.load(f)["warnings"]:
                self.assertIn(warning.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                              .replace('"', "&quot;").replace("'", "&#x27;"), self.html)

    @unittest.skipUnless(CHROMIUM, "chromium is not installed (Debian package chromium)")
    def test_a_browser_shows_it_offline_without_a_request_from_the_page(self):
        shot, log = (os.path.join(self.dir.name, name) for name in ("shot.png", "net.json"))
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND", f"--log-net-log={log}",
                        "--window-size=1200,2400", f"--screenshot={shot}", "file://" + self.page],
                       capture_output=True, timeout=300, check=False)
        with open(shot, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        self.assertGreater(os.path.getsize(shot), 50_000)  # a blank page compresses to a few kB
        with open(log, encoding="utf-8") as f:
            net = json.load(f)
        start_job = net["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
        # The browser's own housekeeping (updates, time) has no page as initiator; the page's
        # requests name its file origin ("null"): checked by hand with an <img> from the web.
        from_page = [e["params"].get("url") for e in net["events"] if e["type"] == start_job
                     and e.get("params", {}).get("initiator", "not an origin") != "not an origin"]
        self.assertEqual(from_page, [])


if __name__ == "__main__":
    unittest.main()

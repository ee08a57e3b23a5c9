"""One self-contained HTML page of plot_report.py's figures, tables, the comparison table of
`rtcli compare --format json` with its verdicts in colour, and the machine warnings.

Everything is inline: figures as base64 PNG, CSS in a <style> element, no scripts, no fonts, no
external address, so the page opens offline and fetches nothing.
"""

import base64
import html
import json
import os
import shutil
import subprocess

CSS = """
body { font-family: sans-serif; margin: 2em auto; max-width: 1150px; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
figure { display: inline-block; margin: 0.5em; vertical-align: top; }
figure img { max-width: 100%; border: 1px solid #ddd; }
figcaption { font-size: 0.85em; color: #555; max-width: 640px; }
pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; font-size: 0.8em; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #e3e3e3; text-align: right; }
th:first-child, td:first-child { text-align: left; }
td.regressed, td.improved, td.nochange, td.untested { white-space: nowrap; }
td.regressed { background: #f8d0d0; color: #900; font-weight: bold; }
td.improved { background: #d3f0d3; color: #060; font-weight: bold; }
td.nochange { color: #555; }
td.untested { color: #a60; }
.warning { background: #fff4d6; border-left: 4px solid #e0a000; padding: 0.4em 0.8em; margin: 0.3em 0; }
.refused { background: #eee; padding: 0.4em 0.8em; }
"""


def default_rtcli():
    """The rtcli beside the scripts (build/rtcli), else the one on PATH, else None."""
    built = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "build", "rtcli")
    return built if os.access(built, os.X_OK) else shutil.which("rtcli")


def run_compare(rtcli, base, candidate):
    """(comparison as a dict, None) from `rtcli compare --format json`, or (None, why not)."""
    if not rtcli:
        return None, "no rtcli binary to compare with (build it, or give --rtcli)"
    try:
        done = subprocess.run([rtcli, "compare", "--format", "json", base, candidate],
                              capture_output=True, text=True, timeout=300, check=False)
    except OSError as e:
        return None, f"cannot run {rtcli}: {e.strerror}"
    if done.returncode != 0:
        return None, done.stderr.strip() or f"rtcli compare exited {done.returncode}"
    return json.loads(done.stdout), None


def png_data_uri(png_bytes):
    return "data:image/png;base64," + base64.b64encode(png_bytes).decode("ascii")


def _figure_html(caption, png_bytes):
    return (f'<figure><img alt="{html.escape(caption)}" src="{png_data_uri(png_bytes)}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")


def _comparison_html(base, candidate, comparison, refusal):
    head = f"<h3>{html.escape(os.path.basename(base))} \u2192 {html.escape(os.path.basename(candidate))}</h3>"
    if refusal:
        return head + f'<p class="refused">Not compared: {html.escape(refusal)}</p>'
    rows = []
    for f in comparison["figures"]:
        p = "-" if f["p_value"] is None else ("&lt;0.001" if f["p_value"] < 0.001 else f"{f['p_value']:.3f}")
        verdict = f["verdict"]
        rows.append(
            f"<tr><td>{html.escape((f['scene'] + ': ') if f['scene'] else '')}{html.escape(f['figure'])}</td>"
            f"<td>{f['base']:.4g} {f['unit']}</td><td>{f['new']:.4g} {f['unit']}</td>"
            f"<td>{f['change_percent']:+.1f}%</td>"
            f"<td>[{f['ci95_low_percent']:+.1f}%, {f['ci95_high_percent']:+.1f}%]</td><td>{p}</td>"
            f"<td class=\"{verdict.replace(' ', '')}\">{html.escape(verdict)}</td>"
            f"<td>{html.escape(f['test'])}</td></tr>")
    warnings = "".join(f'<div class="warning">{html.escape(w)}</div>' for w in comparison["warnings"])
    only = "".join(f"<li>{html.escape(key)}</li>" for key in comparison["only_in_one"])
    return (head + f"<p>Regressed or improved: p &lt; {comparison['alpha']:g} and the whole 95% interval "
            f"beyond \u00b1{comparison['threshold_percent']:g}%; otherwise no change.</p>" + warnings +
            "<table><tr><th>figure</th><th>base</th><th>new</th><th>change</th><th>95% CI</th>"
            "<th>p</th><th>verdict</th><th>test</th></tr>" + "".join(rows) + "</table>"
            + (f"<p>In one report only:</p><ul>{only}</ul>" if only else ""))


def page(title, named_reports, paths, tables_text, figures, comparisons):
    """The whole page as text. figures: [(caption, PNG bytes)]; comparisons: [(base path, new
    path, comparison dict or None, refusal or None)]."""
    warnings = []
    for name, report in named_reports:
        for w in report.get("warnings", []):
            warnings.append(f'<div class="warning"><b>{html.escape(name)}</b>: {html.escape(str(w))}</div>')
    listing = "".join(
        f"<li><b>{html.escape(name)}</b> ({html.escape(os.path.basename(path))}): "
        f"{html.escape(report['implementation'])}, {report['config']['width']}x{report['config']['height']}, "
        f"{html.escape(str(report.get('context', {}).get('date', '')))}, "
        f"{html.escape(str(report.get('context', {}).get('simd_target', '')))}</li>"
        for (name, report), path in zip(named_reports, paths))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>"
            f"<h1>{html.escape(title)}</h1><ul>{listing}</ul>"
            "<h2>Comparison (rtcli compare)</h2>"
            + ("".join(_comparison_html(*c) for c in comparisons) or "<p>One report: nothing to compare.</p>")
            + "<h2>Warnings: the machine and the runs</h2>" + ("".join(warnings) or "<p>None recorded.</p>")
            + "<h2>Figures</h2>" + "".join(_figure_html(c, png) for c, png in figures)
            + f"<h2>Tables</h2><pre>{html.escape(tables_text)}</pre></body></html>\n")

#include "flag_table.h"

#include <stdexcept>
#include <string>

namespace rtcli::cli {
namespace {

constexpr CommandSpec kCommands[] = {
    {kRender, "render", "Render the scene and write PNG frames"},
    {kBench, "bench",
     "Time renders per thread count and every pixel's latency; write a JSON report"},
    {kCompare, "compare", "Compare two bench reports figure by figure: change, 95% CI, p, verdict",
     "BASE.json NEW.json"},
};

// In the order --help lists them; a flag of both commands sits where it fits both orders.
constexpr FlagSpec kFlags[] = {
    {.commands = kTopLevel,
     .name = "--version",
     .help = "Print the version, build and the SIMD target chosen on this processor"},
    {.commands = kRender,
     .name = "--out",
     .value_name = "DIR",
     .default_text = "required",
     .help = "Folder for the PNG files; created if missing",
     .completion = Completion::kFolder,
     .required = true},
    {.commands = kRender,
     .name = "--trace",
     .value_name = "FILE",
     .default_text = "none",
     .help = "A Chrome trace of the render: each band's render and compression, each strip, "
             "each file's write and fsync, on the thread that did it",
     .details = "open it in ui.perfetto.dev; the PNG files are the same with or without it",
     .completion = Completion::kJsonFile},
    {.commands = kBench,
     .name = "--json",
     .value_name = "FILE",
     .default_text = "none",
     .help = "Write the `rtcli.bench/1` report to FILE; folders created as needed",
     .completion = Completion::kJsonFile},
    {.commands = kBench,
     .name = "--trace",
     .value_name = "FILE",
     .default_text = "none",
     .help = "A Chrome trace of the last instrumented pass: one event per tile on the worker that "
             "rendered it",
     .details = "open it in ui.perfetto.dev",
     .completion = Completion::kJsonFile},
    {.commands = kBench,
     .name = "--latency-map",
     .value_name = "FILE.png",
     .default_text = "none",
     .help = "Heat map of each pixel's raw latency over the frame",
     .details = "the map keeps the frame's size at the PNG's top left, with a colour bar to its "
                "right (ns, log scale, clipped at p1 and p99.9 of all pixels); the scale is also "
                "in the report and the summary",
     .completion = Completion::kPngFile},
    {.commands = kRender | kBench,
     .name = "--size",
     .value_name = "WxH",
     .default_value = "800x600",
     .help = "Frame size in pixels"},
    {.commands = kRender | kBench,
     .name = "--tile",
     .value_name = "WxH",
     .default_value = "4096x16",
     .help = "Tile size in pixels",
     .details =
         "its height sets the band of rows a worker takes (rounded up to whole PNG strips), its "
         "width how a band is cut into render calls; the pixels are the same for any tile"},
    {.commands = kRender,
     .name = "--threads",
     .value_name = "N",
     .default_text = "all logical cores",
     .help = "Worker threads, 1..1024"},
    {.commands = kBench,
     .name = "--threads",
     .value_name = "LIST",
     .default_text = "all logical cores",
     .help = "Thread counts to time, comma-separated, e.g. `1,2`; each 1..1024, no repeats"},
    {.commands = kRender,
     .name = "--checkpoints",
     .value_name = "LIST",
     .default_value = "0,1000,2000,3000",
     .help = "Progress frames: steps (`3000`), rows (`250r`) or percentages (`25%`), "
             "comma-separated, strictly increasing; `\"\"` for none",
     .details = "step `k` shows the first `(k+1)*step` pixels in `k.png`, `Nr` the first `N` rows "
                "in `Nr.png`, `P%` the first `P` percent of the pixels in `Ppct.png`",
     .may_be_empty = true},
    {.commands = kRender,
     .name = "--step",
     .value_name = "N",
     .default_value = "200",
     .help = "Pixels per step, for plain-number checkpoints"},
    {.commands = kBench,
     .name = "--repetitions",
     .value_name = "N",
     .default_value = "10",
     .help = "Timed renders per thread count"},
    {.commands = kBench,
     .name = "--warmup",
     .value_name = "N",
     .default_value = "1",
     .help = "Untimed renders before them"},
    {.commands = kBench,
     .name = "--latency-runs",
     .value_name = "N",
     .default_value = "3",
     .help = "Instrumented passes, each right after a plain one; the report's latencies are the "
             "last one's"},
    {.commands = kBench,
     .name = "--end-to-end-runs",
     .value_name = "N",
     .default_value = "5",
     .help = "Whole renders as `rtcli render --checkpoints 25%,50%,75%` does them, PNG files and "
             "all, into a temporary folder removed after each run, on the largest thread count; "
             "`0` for none"},
    {.commands = kBench,
     .name = "--sizes",
     .value_name = "LIST",
     .default_text = "none",
     .help = "Size sweep, e.g. `800x600,4000x3000`: the same end-to-end render at each size, "
             "`--end-to-end-runs` times (at least once), interleaved, giving ns per pixel, wall "
             "and CPU",
     .details = "only bands are held, so any size that fits the disk runs"},
    {.commands = kRender,
     .name = "--scene",
     .value_name = "FILE",
     .default_text = "the seed scene",
     .help = "Scene JSON file",
     .completion = Completion::kJsonFile},
    {.commands = kBench,
     .name = "--scene",
     .value_name = "FILE",
     .default_text = "the seed scene",
     .help = "Scene JSON file; several, repeated or comma-separated, are benched one after the "
             "other into one report, with a comparison table on stdout",
     .details = "every file is read before anything is timed; `--trace` and `--latency-map` need a "
                "single scene",
     .completion = Completion::kJsonFile,
     .repeated = true},
    {.commands = kRender | kBench,
     .name = "--accel",
     .value_name = "auto|bvh|none",
     .default_value = "auto",
     .help = "Sphere hierarchies: `auto` builds them when they pay, `bvh` always, `none` never "
             "(brute force); the pixels are the same",
     .completion = Completion::kChoices,
     .choices = "auto bvh none"},
    {.commands = kCompare,
     .name = "--threshold",
     .value_name = "PERCENT",
     .default_value = "2",
     .help = "Noise threshold in percent: a change whose 95% CI reaches inside +/- this is \"no "
             "change\", whatever p says"},
    {.commands = kCompare,
     .name = "--format",
     .value_name = "text|markdown|json",
     .default_value = "text",
     .help = "Output: `text` (100 columns), `markdown` or `json`",
     .completion = Completion::kChoices,
     .choices = "text markdown json"},
    {.commands = kCompare,
     .name = "--fail-on-regression",
     .default_text = "off",
     .help = "Exit 1 when any figure regressed"},
    {.commands = kCompare,
     .name = "--force",
     .default_text = "off",
     .help = "Compare reports of another frame size, scene, build type or SIMD target, flagging "
             "every line"},
    {.commands = kRender,
     .name = "--quiet",
     .alias = "-q",
     .default_text = "off",
     .help = "No progress bar and no summary line"},
    {.commands = kRender,
     .name = "--view",
     .value_name = "window|terminal",
     .default_text = "off",
     .help = "Watch the frame render: a window (`--view` alone), or `terminal` for a preview in "
             "this terminal",
     .details = "Esc or closing the window during the render stops it as Ctrl-C does; the window "
                "stays open after the render until it is closed; not under MPI",
     .completion = Completion::kChoices,
     .choices = "window terminal off",
     .may_be_empty = true},
    {.commands = kRender,
     .name = "--view-tint",
     .default_text = "off",
     .help = "Tint each band of the view by the worker thread that rendered it"},
    {.commands = kRender,
     .name = "--view-close",
     .default_text = "off",
     .help = "Close the view's window when the render is done"},
    {.commands = kBench,
     .name = "--quiet",
     .alias = "-q",
     .default_text = "off",
     .help = "No summary on stdout"},
};

}  // namespace

std::span<const CommandSpec> commands() {
  return kCommands;
}
std::span<const FlagSpec> flags() {
  return kFlags;
}

const CommandSpec& command_spec(Command command) {
  for (const CommandSpec& c : kCommands)
    if (c.command == command) return c;
  throw std::logic_error("no such command in the flag table");
}

const FlagSpec& flag_spec(Command command, std::string_view name) {
  for (const FlagSpec& f : kFlags)
    if ((f.commands & command) != 0 && f.name == name) return f;
  throw std::logic_error("no flag " + std::string(name) + " in the flag table");
}

std::string_view default_said(const FlagSpec& flag) {
  if (!flag.default_value.empty()) return flag.default_value;
  if (flag.value_name.empty() || flag.required || flag.default_text == "none") return {};
  return flag.default_text;
}

std::string plain(std::string_view text) {
  std::string out;
  for (const char c : text)
    if (c != '`') out += c;
  return out;
}

std::string flag_usage(const FlagSpec& flag) {
  std::string text(flag.name);
  if (!flag.value_name.empty()) text.append(" ").append(flag.value_name);
  return text;
}

}  // namespace rtcli::cli

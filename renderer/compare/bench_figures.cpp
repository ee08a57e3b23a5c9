#include "compare/bench_figures.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "bench/statistics.h"
#include "system/errors.h"

namespace rtcli::compare {

namespace {
using json = nlohmann::json;

constexpr const char* kSchema = "rtcli.bench/1";

// The value at a dotted path, or a "missing field" error naming the path.
struct Reader {
  const std::string& path;

  [[noreturn]] void fail(const std::string& what) const {
    throw UsageError(path + ": not a usable " + kSchema + " report: " + what);
  }
  const json& at(const json& j, const std::string& where, const std::string& key) const {
    if (!j.is_object() || !j.contains(key)) fail("missing field " + where + key);
    return j.at(key);
  }
  double number(const json& j, const std::string& where, const std::string& key) const {
    const json& v = at(j, where, key);
    if (!v.is_number()) fail("field " + where + key + " is not a number");
    return v.get<double>();
  }
  std::string text(const json& j, const std::string& where, const std::string& key) const {
    const json& v = at(j, where, key);
    if (v.is_null()) return "unknown";
    if (!v.is_string()) fail("field " + where + key + " is not a string");
    return v.get<std::string>();
  }
  std::vector<double> numbers(const json& j, const std::string& where,
                              const std::string& key) const {
    const json& v = at(j, where, key);
    if (!v.is_array() || v.empty()) fail("field " + where + key + " is not a list of numbers");
    std::vector<double> out;
    for (const json& x : v) {
      if (!x.is_number() || x.get<double>() <= 0)
        fail("field " + where + key + " holds a value that is not a time > 0");
      out.push_back(x.get<double>());
    }
    return out;
  }
  std::vector<Bucket> buckets(const json& j, const std::string& where) const {
    const json& v = at(j, where, "buckets");
    std::vector<Bucket> out;
    if (!v.is_array()) fail("field " + where + "buckets is not a list");
    for (const json& b : v) {
      if (!b.is_array() || b.size() != 3 || !b[0].is_number() || !b[2].is_number())
        fail("field " + where + "buckets holds an entry that is not [lower, upper, count]");
      const double lower = b[0].get<double>();
      const double upper = b[1].is_number() ? b[1].get<double>() : lower;  // overflow: null
      out.push_back({lower, upper, b[2].get<double>()});
    }
    return out;
  }
};

json parse_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(path + ": cannot read the report (missing or unreadable)");
  std::stringstream text;
  text << in.rdbuf();
  try {
    return json::parse(text.str());
  } catch (const json::parse_error& e) {
    throw UsageError(path + ": not valid JSON (truncated or edited?) at byte " +
                     std::to_string(e.byte));
  }
}

// The figures of one scene's report, each key prefixed with `scene` when not empty.
void add_scene_figures(const Reader& r, const json& report, const std::string& scene,
                       std::vector<Figure>& out) {
  const auto named = [&](Figure& f, const std::string& name) {
    f.scene = scene;
    f.name = name;
    f.key = scene.empty() ? name : scene + ": " + name;
  };
  const json& throughput = r.at(report, "", "throughput");
  if (!throughput.is_array()) r.fail("field throughput is not a list");
  for (std::size_t i = 0; i < throughput.size(); ++i) {
    const std::string where = "throughput." + std::to_string(i) + ".";
    Figure f;
    const int threads = static_cast<int>(r.number(throughput[i], where, "threads"));
    named(f, "frame, " + std::to_string(threads) + (threads == 1 ? " thread" : " threads"));
    f.unit = "ms";
    f.values = r.numbers(throughput[i], where, "wall_ms");
    f.value = median(f.values);
    out.push_back(std::move(f));
  }
  if (report.contains("end_to_end")) {
    Figure f;
    named(f, "end to end");
    f.unit = "ms";
    f.values = r.numbers(r.at(report, "", "end_to_end"), "end_to_end.", "wall_ms");
    f.value = median(f.values);
    out.push_back(std::move(f));
  }
  const json& latency = r.at(report, "", "latency");
  const json& classes = r.at(latency, "latency.", "classes");
  // The smallest step the clock can show: resolution_ns (rtcli), else one tick (Python's ns).
  const json& clock = r.at(latency, "latency.", "clock");
  const double step = clock.contains("resolution_ns")
                          ? r.number(clock, "latency.clock.", "resolution_ns")
                          : r.number(clock, "latency.clock.", "ns_per_tick");
  for (const char* cls : {"hit", "background", "all"}) {
    const std::string where = std::string("latency.classes.") + cls + ".";
    const json& c = r.at(classes, "latency.classes.", cls);
    if (r.number(c, where, "count") <= 0) continue;
    for (const auto& [field, percent] : {std::pair{"p50_ns", 50.0}, std::pair{"p99_ns", 99.0}}) {
      Figure f;
      named(f, std::string("pixel ") + (percent == 50 ? "p50 " : "p99 ") + cls);
      f.unit = "ns";
      f.buckets = r.buckets(c, where);
      f.percentile = percent;
      f.clock_step_ns = step;
      f.value = r.number(c, where, field);
      out.push_back(std::move(f));
    }
  }
}
}  // namespace

BenchFigures read_bench_figures(const std::string& path) {
  const json report = parse_file(path);
  const Reader r{path};
  if (!report.is_object() || !report.contains("schema"))
    throw UsageError(path + ": not an rtcli bench report (no \"schema\" field; another tool's?)");
  if (report["schema"] != kSchema)
    throw UsageError(path + ": schema " + report["schema"].dump() + " is not \"" + kSchema +
                     "\" (another version or tool)");
  BenchFigures out;
  out.path = path;
  const json& config = r.at(report, "", "config");
  const json& context = r.at(report, "", "context");
  const auto whole = [](double x) { return std::to_string(static_cast<long long>(x)); };
  std::string scenes = r.text(config, "config.", "scene");
  const bool several = report.contains("scenes");
  if (several) {
    if (!report["scenes"].is_array()) r.fail("field scenes is not a list");
    scenes.clear();
    for (std::size_t i = 0; i < report["scenes"].size(); ++i) {
      const json& config_i =
          r.at(report["scenes"][i], "scenes." + std::to_string(i) + ".", "config");
      scenes += (i ? "," : "") + r.text(config_i, "scenes.config.", "scene");
    }
  }
  out.identity = {
      {"schema", kSchema},
      {"frame size", whole(r.number(config, "config.", "width")) + "x" +
                         whole(r.number(config, "config.", "height"))},
      {"scene", scenes},
      {"build type", r.text(context, "context.", "build_type")},
      {"SIMD target",
       context.contains("simd_target") ? r.text(context, "context.", "simd_target") : "none"}};
  if (several) {
    for (const json& scene : report["scenes"])
      add_scene_figures(r, scene, r.text(scene["config"], "scenes.config.", "scene"), out.figures);
  } else {
    add_scene_figures(r, report, "", out.figures);
  }
  if (context.contains("machine") && context["machine"].contains("warnings") &&
      context["machine"]["warnings"].is_array())
    for (const json& w : context["machine"]["warnings"])
      if (w.is_string()) out.machine_warnings.push_back(w.get<std::string>());
  return out;
}

}  // namespace rtcli::compare

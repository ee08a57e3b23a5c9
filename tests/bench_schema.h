// The rtcli.bench/1 report as README.md documents it: every field, with its JSON type.
// bench_schema_problems() lists what a document lacks or has of the wrong type.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rtcli::test {

enum class Kind {
  kString,
  kNumber,
  kInteger,
  kBool,
  kObject,
  kArray,
  kNumberOrNull,
  kStringOrNull,
  kObjectOrNull,
  kArrayOrNull
};

inline bool has_kind(const nlohmann::json& v, Kind k) {
  switch (k) {
    case Kind::kString:
      return v.is_string();
    case Kind::kNumber:
      return v.is_number();
    case Kind::kInteger:
      return v.is_number_integer();
    case Kind::kBool:
      return v.is_boolean();
    case Kind::kObject:
      return v.is_object();
    case Kind::kArray:
      return v.is_array();
    case Kind::kNumberOrNull:
      return v.is_number() || v.is_null();
    case Kind::kStringOrNull:
      return v.is_string() || v.is_null();
    case Kind::kObjectOrNull:
      return v.is_object() || v.is_null();
    case Kind::kArrayOrNull:
      return v.is_array() || v.is_null();
  }
  return false;
}

struct Field {
  const char* name;
  Kind kind;
};

inline void check_fields(const nlohmann::json& object, const std::string& where,
                         const std::vector<Field>& fields, std::vector<std::string>& problems) {
  if (!object.is_object()) {
    problems.push_back(where + " is not an object");
    return;
  }
  for (const Field& f : fields) {
    if (!object.contains(f.name))
      problems.push_back(where + "." + f.name + " is missing");
    else if (!has_kind(object.at(f.name), f.kind))
      problems.push_back(where + "." + f.name + " has the wrong type: " + object.at(f.name).dump());
  }
}

inline void check_each(const nlohmann::json& array, const std::string& where,
                       const std::vector<Field>& fields, std::vector<std::string>& problems) {
  if (!array.is_array()) return;
  for (std::size_t i = 0; i < array.size(); ++i)
    check_fields(array[i], where + "[" + std::to_string(i) + "]", fields, problems);
}

inline void check_numbers(const nlohmann::json& array, const std::string& where,
                          std::vector<std::string>& problems) {
  if (!array.is_array()) return;
  for (const auto& v : array)
    if (!v.is_number()) problems.push_back(where + " holds a non-number: " + v.dump());
}

inline std::vector<std::string> bench_schema_problems(const nlohmann::json& r) {
  using K = Kind;
  std::vector<std::string> p;
  check_fields(r, "report",
               {{"schema", K::kString},
                {"implementation", K::kString},
                {"context", K::kObject},
                {"config", K::kObject},
                {"throughput", K::kArray},
                {"latency", K::kObject},
                {"tiles", K::kArray},
                {"thread_balance", K::kArray},
                {"warnings", K::kArray},
                {"benchmarks", K::kArray}},
               p);
  if (!p.empty()) return p;
  if (r["schema"] != "rtcli.bench/1") p.push_back("schema is not rtcli.bench/1");
  check_fields(r["context"], "context",
               {{"date", K::kString},
                {"host", K::kString},
                {"cpu_model", K::kString},
                {"logical_cores", K::kInteger},
                {"compiler", K::kString},
                {"compiler_flags", K::kString},
                {"build_type", K::kString},
                {"tbb_version", K::kString},
                {"git_revision", K::kStringOrNull},
                {"version", K::kString},
                {"simd_target", K::kString},
                {"render_path", K::kString}},
               p);
  check_fields(r["config"], "config",
               {{"width", K::kInteger},
                {"height", K::kInteger},
                {"tile_width", K::kInteger},
                {"tile_height", K::kInteger},
                {"threads", K::kArray},
                {"repetitions", K::kInteger},
                {"warmup", K::kInteger},
                {"latency_runs", K::kInteger},
                {"scene", K::kString},
                {"accel", K::kString}},
               p);
  check_each(r["throughput"], "throughput",
             {{"threads", K::kInteger},
              {"wall_ms", K::kArray},
              {"cpu_ms", K::kArray},
              {"min_ms", K::kNumber},
              {"median_ms", K::kNumber},
              {"mean_ms", K::kNumber},
              {"stddev_ms", K::kNumber},
              {"mpix_per_s", K::kNumber},
              {"outliers", K::kArray},
              {"first_run_slow", K::kBool},
              {"speedup", K::kObjectOrNull},
              {"efficiency", K::kNumberOrNull},
              {"efficiency_ci95", K::kArrayOrNull}},
             p);
  for (const auto& t : r["throughput"]) {
    if (!t.is_object()) continue;
    check_numbers(t.value("wall_ms", nlohmann::json()), "throughput.wall_ms", p);
    if (t.contains("speedup") && t["speedup"].is_object())
      check_fields(t["speedup"], "throughput.speedup",
                   {{"value", K::kNumber}, {"ci95_low", K::kNumber}, {"ci95_high", K::kNumber}}, p);
  }
  const nlohmann::json& l = r["latency"];
  check_fields(l, "latency",
               {{"threads", K::kInteger},
                {"wall_ms", K::kNumber},
                {"instrumented_runs_wall_ms", K::kArray},
                {"plain_scalar_runs_wall_ms", K::kArray},
                {"render_tile_wall_ms", K::kNumberOrNull},
                {"plain_scalar_wall_ms", K::kNumberOrNull},
                {"instrumented_over_render_tile", K::kNumberOrNull},
                {"instrumented_over_plain_scalar", K::kNumberOrNull},
                {"clock", K::kObject},
                {"classes", K::kObject}},
               p);
  if (!p.empty()) return p;
  check_fields(l["clock"], "latency.clock",
               {{"source", K::kString},
                {"ns_per_tick", K::kNumber},
                {"calibration", K::kString},
                {"resolution_ns", K::kNumber},
                {"overhead_ns", K::kObject}},
               p);
  if (l["clock"].contains("overhead_ns"))
    check_fields(l["clock"]["overhead_ns"], "latency.clock.overhead_ns",
                 {{"min", K::kNumber}, {"median", K::kNumber}, {"mean", K::kNumber}}, p);
  const std::vector<Field> statistics{{"count", K::kInteger},    {"mean_ns", K::kNumber},
                                      {"stddev_ns", K::kNumber}, {"min_ns", K::kNumber},
                                      {"max_ns", K::kNumber},    {"p50_ns", K::kNumber},
                                      {"p90_ns", K::kNumber},    {"p99_ns", K::kNumber},
                                      {"p999_ns", K::kNumber},   {"p9999_ns", K::kNumber}};
  for (const char* cls : {"all", "hit", "background"}) {
    const std::string where = std::string("latency.classes.") + cls;
    if (!l["classes"].contains(cls)) {
      p.push_back(where + " is missing");
      continue;
    }
    const nlohmann::json& c = l["classes"][cls];
    std::vector<Field> fields = statistics;
    fields.push_back({"corrected", K::kObject});
    fields.push_back({"buckets", K::kArray});
    check_fields(c, where, fields, p);
    if (c.contains("corrected")) check_fields(c["corrected"], where + ".corrected", statistics, p);
    if (c.contains("buckets") && c["buckets"].is_array())
      for (const auto& b : c["buckets"])
        if (!b.is_array() || b.size() != 3 || !b[0].is_number() || !b[1].is_number() ||
            !b[2].is_number_integer())
          p.push_back(where + ".buckets holds " + b.dump() + ", not [lower_ns, upper_ns, count]");
  }
  check_each(r["tiles"], "tiles",
             {{"index", K::kInteger},
              {"x", K::kInteger},
              {"y", K::kInteger},
              {"width", K::kInteger},
              {"height", K::kInteger},
              {"pixels", K::kInteger},
              {"thread", K::kInteger},
              {"start_us", K::kNumber},
              {"duration_us", K::kNumber}},
             p);
  check_each(r["thread_balance"], "thread_balance",
             {{"thread", K::kInteger},
              {"tiles", K::kInteger},
              {"pixels", K::kInteger},
              {"busy_ms", K::kNumber}},
             p);
  if (r.contains("latency_map"))
    check_fields(r["latency_map"], "latency_map",
                 {{"file", K::kString},
                  {"scale", K::kString},
                  {"min_ns", K::kNumber},
                  {"max_ns", K::kNumber}},
                 p);
  check_each(r["benchmarks"], "benchmarks",
             {{"name", K::kString},
              {"run_name", K::kString},
              {"run_type", K::kString},
              {"iterations", K::kInteger},
              {"real_time", K::kNumber},
              {"cpu_time", K::kNumber},
              {"time_unit", K::kString},
              {"repetitions", K::kInteger}},
             p);
  return p;
}

}  // namespace rtcli::test

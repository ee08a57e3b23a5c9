// Small rtcli.bench/1 reports for the compare tests: only the fields rtcli compare reads.
#pragma once

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rtcli::test {

// A report of a 64x48 frame whose frames took `wall_ms` on one thread and `scale` times that on
// two, and whose hit pixels sit at `hit_ns` (one clock step: 10 ns).
inline nlohmann::json compare_fixture(const std::vector<double>& wall_ms, double hit_ns = 80) {
  using json = nlohmann::json;
  std::vector<double> two;
  for (const double w : wall_ms) two.push_back(w / 1.8);
  const json hit = {{"count", 1000},
                    {"p50_ns", hit_ns + 0.5},
                    {"p99_ns", hit_ns + 10.5},
                    {"buckets", json::array({json::array({hit_ns, hit_ns + 1, 900}),
                                             json::array({hit_ns + 10, hit_ns + 11, 100})})}};
  const json none = {
      {"count", 0}, {"p50_ns", nullptr}, {"p99_ns", nullptr}, {"buckets", json::array()}};
  return {{"schema", "rtcli.bench/1"},
          {"implementation", "cpp"},
          {"context",
           {{"build_type", "Release"},
            {"simd_target", "AVX2"},
            {"machine", {{"warnings", json::array({"the machine was busy"})}}}}},
          {"config", {{"width", 64}, {"height", 48}, {"scene", "seed"}}},
          {"throughput", json::array({{{"threads", 1}, {"wall_ms", wall_ms}},
                                      {{"threads", 2}, {"wall_ms", two}}})},
          {"latency",
           {{"clock", {{"resolution_ns", 10.0}, {"ns_per_tick", 0.4}}},
            {"classes", {{"hit", hit}, {"background", none}, {"all", hit}}}}}};
}

inline std::string write_fixture(const std::filesystem::path& path, const nlohmann::json& j) {
  std::ofstream(path) << j.dump();
  return path.string();
}

// Ten repetitions around `centre`, the same spread every time.
inline std::vector<double> ten_around(double centre) {
  std::vector<double> out;
  for (int i = 0; i < 10; ++i) out.push_back(centre * (1 + 0.004 * ((i * 7) % 10 - 4.5)));
  return out;
}

}  // namespace rtcli::test

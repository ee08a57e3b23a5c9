// End-to-end: `rtcli bench` as a user runs it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "bench/latency_map_bar.h"
#include "bench_schema.h"
#include "test_support.h"

namespace rtcli::test {
namespace {

using nlohmann::json;

json read_json(const std::filesystem::path& path) {
  return json::parse(read_file(path));
}

std::vector<std::string> small_bench(const std::filesystem::path& json_path) {
  return {"bench",         "--size", "64x40",          "--tile", "16x16",  "--threads",       "1,2",
          "--repetitions", "3",      "--latency-runs", "1",      "--json", json_path.string()};
}

// Each run's phases: all six there, none negative, adding up to its wall time within 5%.
void expect_phases_add_up(const json& entry, std::size_t runs) {
  const json& phases = entry["phases_ms"];
  ASSERT_TRUE(phases.is_object()) << entry;
  EXPECT_EQ(phases.size(), 6u);
  for (std::size_t i = 0; i < runs; ++i) {
    double sum = 0;
    for (const char* phase : {"setup", "render", "compress", "wait", "write", "fsync"}) {
      ASSERT_TRUE(phases.contains(phase)) << phase;
      ASSERT_EQ(phases[phase].size(), runs) << phase;
      const double ms = phases[phase][i].get<double>();
      EXPECT_GE(ms, 0.0) << phase << " of run " << i;
      sum += ms;
    }
    const double wall = entry["wall_ms"][i].get<double>();
    EXPECT_NEAR(sum, wall, 0.05 * wall) << "run " << i;
  }
}

TEST(BenchCli, WritesAValidReportTraceAndLatencyMap) {
  TempDir dir;
  std::vector<std::string> args = small_bench(dir / "out/nested/report.json");
  for (const std::string& a : {std::string("--trace"), (dir / "trace.json").string(),
                               std::string("--latency-map"), (dir / "out/latency.png").string()})
    args.push_back(a);
  const CommandResult r = run_rtcli(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Only the machine's warnings (a busy machine, a debug build), each one line.
  std::istringstream err(r.err);
  for (std::string line; std::getline(err, line);)
    EXPECT_EQ(line.rfind("rtcli: warning: ", 0), 0u) << r.err;
  EXPECT_NE(r.out.find("p50"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("speedup"), std::string::npos) << r.out;

  const json report = read_json(dir / "out/nested/report.json");
  for (const auto& p : bench_schema_problems(report)) ADD_FAILURE() << p;
  // The machine over the run; its warnings are the ones printed, and in the report's list.
  const json& machine = report["context"]["machine"];
  ASSERT_TRUE(machine.is_object());
  EXPECT_EQ(machine["load_average_start"].size(), 3u);
  EXPECT_EQ(machine["build_type"], report["context"]["build_type"]);
  EXPECT_EQ(machine["debugger_attached"], false);
  for (const auto& w : machine["warnings"]) {
    EXPECT_NE(r.err.find("rtcli: warning: " + w.get<std::string>()), std::string::npos) << w;
    EXPECT_NE(std::find(report["warnings"].begin(), report["warnings"].end(), w),
              report["warnings"].end());
  }
  ASSERT_TRUE(report.contains("latency_map"));
  EXPECT_EQ(report["latency_map"]["file"], (dir / "out/latency.png").string());
  // The map's colour bar says the report's range: its end labels, read from the PNG's pixels.
  const json& map_info = report["latency_map"];
  const std::string scale_text = map_info["scale"];
  EXPECT_NE(scale_text.find("from p1 = "), std::string::npos) << scale_text;
  EXPECT_NE(scale_text.find(" to p99.9 = "), std::string::npos) << scale_text;
  const LatencyMapScale scale{map_info["min_ns"], map_info["max_ns"], 1.0, 99.9};
  const LatencyBarLayout bar = latency_bar_layout(64, 40, scale);
  const std::optional<Image> map = read_png(dir / "out/latency.png");
  ASSERT_TRUE(map);
  EXPECT_EQ(map->width, bar.width);  // the 64x40 map at the top left, the bar to its right
  EXPECT_EQ(map->height, bar.height);
  const LatencyBarLabel& top = bar.labels[1];
  const LatencyBarLabel& bottom = bar.labels[bar.labels.size() - 2];
  EXPECT_EQ(read_text(*map, top.x, top.y, bar.text_scale, top.text.size()),
            "P99.9 " + bar_ns_text(scale.max_ns));
  EXPECT_EQ(read_text(*map, bottom.x, bottom.y, bar.text_scale, bottom.text.size()),
            "P1 " + bar_ns_text(scale.min_ns));

  // One complete event per tile, on the thread the report says rendered it.
  const json trace = read_json(dir / "trace.json");
  int events = 0;
  for (const auto& e : trace["traceEvents"]) {
    if (e["ph"] != "X") continue;
    const int tile = std::stoi(e["name"].get<std::string>().substr(5));
    EXPECT_EQ(e["tid"], report["tiles"][static_cast<std::size_t>(tile)]["thread"]);
    ++events;
  }
  EXPECT_EQ(events, 12);  // 4 x 3 tiles of 16x16 over 64x40
  EXPECT_EQ(report["tiles"].size(), 12u);

  // No temporary files left behind by the atomic writes.
  EXPECT_EQ(list_folder(dir / "out"), (std::vector<std::string>{"latency.png", "nested"}));

  // The default five end-to-end renders, each timed whole and its rendering within it.
  ASSERT_TRUE(report.contains("end_to_end"));
  const json& e2e = report["end_to_end"];
  EXPECT_EQ(e2e["checkpoints"], "25%,50%,75%");
  EXPECT_EQ(e2e["threads"], 2);
  ASSERT_EQ(e2e["wall_ms"].size(), 5u);
  for (std::size_t i = 0; i < 5; ++i)
    EXPECT_GE(e2e["wall_ms"][i].get<double>(), e2e["render_ms"][i].get<double>());
  expect_phases_add_up(e2e, 5);
  EXPECT_NE(r.out.find("end to end"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("median phases: setup "), std::string::npos) << r.out;
}

const std::string kProfiles = RTCLI_SOURCE_DIR "/profiles/";

// Several scenes, comma-separated and repeated: one report, the first scene's at the top (as a
// one-scene report reads), every scene's in `scenes`, and a comparison on stdout.
TEST(BenchCli, SeveralScenesGoIntoOneReport) {
  TempDir dir;
  std::vector<std::string> args = small_bench(dir / "r.json");
  args.insert(args.end(), {"--end-to-end-runs", "0", "--scene",
                           kProfiles + "showcase.json," + kProfiles + "field-10.json", "--scene",
                           kProfiles + "seed.json"});
  const CommandResult r = run_rtcli(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json report = read_json(dir / "r.json");
  for (const auto& p : bench_schema_problems(report)) ADD_FAILURE() << p;
  EXPECT_EQ(report["config"]["scene"], kProfiles + "showcase.json");
  ASSERT_TRUE(report.contains("scenes"));
  ASSERT_EQ(report["scenes"].size(), 3u);
  const char* names[] = {"showcase.json", "field-10.json", "seed.json"};
  const char* paths[] = {"scene-simd/", "scene-simd/", "sphere-simd/"};
  for (std::size_t i = 0; i < 3; ++i) {
    const json& scene = report["scenes"][i];
    for (const auto& p : bench_schema_problems(scene)) ADD_FAILURE() << names[i] << ": " << p;
    EXPECT_EQ(scene["config"]["scene"], kProfiles + names[i]);
    EXPECT_EQ(scene["context"]["render_path"].get<std::string>().rfind(paths[i], 0), 0u)
        << scene["context"]["render_path"];
    EXPECT_FALSE(scene.contains("scenes"));
  }
  EXPECT_EQ(report["throughput"], report["scenes"][0]["throughput"]);
  EXPECT_NE(r.out.find("scenes compared"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("field-10.json"), std::string::npos) << r.out;

  // Every scene is read before any timing: a bad second one fails at once, writing nothing.
  std::filesystem::remove(dir / "r.json");
  args = small_bench(dir / "r.json");
  args.insert(args.end(), {"--scene", kProfiles + "seed.json," + (dir / "missing.json").string()});
  const CommandResult bad = run_rtcli(args);
  EXPECT_EQ(bad.exit_code, 1) << bad.err;
  EXPECT_NE(bad.err.find("missing.json"), std::string::npos) << bad.err;
  EXPECT_TRUE(bad.out.empty()) << bad.out;
  EXPECT_FALSE(std::filesystem::exists(dir / "r.json"));
}

TEST(BenchCli, EndToEndRunsCanBeLeftOut) {
  TempDir dir;
  std::vector<std::string> args = small_bench(dir / "r.json");
  args.insert(args.end(), {"--end-to-end-runs", "0", "--quiet"});
  const CommandResult r = run_rtcli(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(read_json(dir / "r.json").contains("end_to_end"));
}

TEST(BenchCli, GoogleBenchmarkCompareReadsTwoReports) {
  const std::filesystem::path compare = "/usr/share/benchmark/compare.py";
  if (!std::filesystem::exists(compare))
    GTEST_SKIP() << compare << " is absent (Debian package libbenchmark-tools): not checked";
  TempDir dir;
  ASSERT_EQ(run_rtcli(small_bench(dir / "a.json")).exit_code, 0);
  ASSERT_EQ(run_rtcli(small_bench(dir / "b.json")).exit_code, 0);
  const std::string command =
      "/usr/bin/python3 " + compare.string() + " --no-color --dump_to_json " +
      (dir / "diff.json").string() + " benchmarks " + (dir / "a.json").string() + " " +
      (dir / "b.json").string() + " > " + (dir / "compare.txt").string() + " 2>&1";
  const int status = std::system(command.c_str());
  const std::string output = read_file(dir / "compare.txt");
  ASSERT_EQ(status, 0) << output;
  EXPECT_NE(output.find("render/64x40/threads:2"), std::string::npos) << output;
  EXPECT_NE(output.find("pixel_latency/hit"), std::string::npos) << output;
  // Every row of both files compared (one time unit), none printed as 0 (whole units).
  const json diff = read_json(dir / "diff.json");
  std::set<std::string> names;
  for (const auto& row : diff) {
    names.insert(row["name"].get<std::string>());
    if (row["name"] == "OVERALL_GEOMEAN") continue;
    for (const auto& m : row["measurements"]) {
      EXPECT_GE(m["real_time"].get<double>(), 0.5) << row["name"];
      EXPECT_GE(m["real_time_other"].get<double>(), 0.5) << row["name"];
    }
  }
  const auto base = read_json(dir / "a.json");  // held: a range over a temporary's part dangles
  for (const auto& b : base["benchmarks"])
    EXPECT_EQ(names.count(b["name"].get<std::string>()), 1u) << b["name"];
}

struct BadCall {
  std::vector<std::string> args;
  int exit_code;
  std::string mentions;
};

// The size sweep: one streamed end-to-end entry per size, in order, with ns per pixel.
TEST(BenchCli, SizeSweepReportsNanosecondsPerPixelAtEachSize) {
  TempDir dir;
  std::vector<std::string> args = small_bench(dir / "r.json");
  args.insert(args.end(), {"--end-to-end-runs", "2", "--sizes", "80x60,33x7", "--quiet"});
  const CommandResult r = run_rtcli(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json report = read_json(dir / "r.json");
  ASSERT_TRUE(report.contains("size_sweep"));
  const json& sweep = report["size_sweep"];
  ASSERT_EQ(sweep.size(), 2u);
  EXPECT_EQ(sweep[0]["width"], 80);
  EXPECT_EQ(sweep[0]["pixels"], 4800);
  EXPECT_EQ(sweep[1]["height"], 7);
  for (const json& entry : sweep) {
    ASSERT_EQ(entry["wall_ms"].size(), 2u);
    ASSERT_EQ(entry["cpu_ms"].size(), 2u);
    const double pixels = entry["pixels"].get<double>();
    EXPECT_NEAR(entry["ns_per_pixel"].get<double>(),
                entry["median_wall_ms"].get<double>() * 1e6 / pixels, 1e-6);
    EXPECT_GT(entry["cpu_ns_per_pixel"].get<double>(), 0.0);
    expect_phases_add_up(entry, 2);
  }
}

TEST(BenchCli, BadInvocationsFailCleanlyWithoutWritingFiles) {
  TempDir dir;
  std::ofstream(dir / "a_file") << "x";
  std::filesystem::create_directory(dir / "folder");
  const std::string json_out = (dir / "r.json").string();
  const std::vector<BadCall> calls = {
      {{"--threads", "0"}, 2, "'0'"},
      {{"--threads", "1,,2"}, 2, "--threads"},
      {{"--threads", "2,2"}, 2, "twice"},
      {{"--threads", "two"}, 2, "'two'"},
      {{"--size", "0x5"}, 2, "'0x5'"},
      {{"--tile", "8"}, 2, "'8'"},
      {{"--repetitions", "0"}, 2, "--repetitions"},
      {{"--warmup", "-1"}, 2, "--warmup"},
      {{"--end-to-end-runs", "x"}, 2, "--end-to-end-runs: invalid value 'x'"},
      {{"--sizes", "80x60,80x"}, 2, "--sizes"},
      {{"--latency-map", (dir / "map.jpg").string()}, 2, "map.jpg"},
      {{"--trace", (dir / "a_file/trace.json").string()}, 2, "a_file"},
      {{"--trace", (dir / "folder").string()}, 2, "folder"},
      {{"--trace", json_out}, 2, "r.json"},
      {{"--scene", (dir / "missing.json").string()}, 1, "missing.json"},
      // Several scenes: the map shows one scene's pixels.
      {{"--scene", kProfiles + "seed.json", "--scene", kProfiles + "field-10.json"},
       2,
       "--latency-map"},
  };
  for (const BadCall& call : calls) {
    std::vector<std::string> args = {"bench", "--json", json_out};
    args.insert(args.end(), call.args.begin(), call.args.end());
    // Small and fast defaults, and a map in a folder not yet made, unless the call sets them.
    const auto set = [&](const std::string& flag, const std::string& value) {
      if (std::find(call.args.begin(), call.args.end(), flag) != call.args.end()) return;
      args.push_back(flag);
      args.push_back(value);
    };
    set("--size", "32x16");
    set("--repetitions", "1");
    set("--latency-map", (dir / "out/map.png").string());
    const CommandResult r = run_rtcli(args);
    std::string joined;
    for (const auto& a : call.args) joined += a + " ";
    EXPECT_EQ(r.exit_code, call.exit_code) << joined << r.err;
    EXPECT_NE(r.err.find(call.mentions), std::string::npos) << joined << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << joined << r.err;
    EXPECT_TRUE(r.out.empty()) << joined << r.out;
    EXPECT_EQ(list_folder(dir.path()), (std::vector<std::string>{"a_file", "folder"})) << joined;
  }
}

}  // namespace
}  // namespace rtcli::test

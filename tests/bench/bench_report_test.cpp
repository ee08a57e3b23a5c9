#include "bench/bench_report.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "bench_schema.h"

namespace rtcli {
namespace {

using nlohmann::json;

BenchResults small_results() {
  BenchSettings s;
  s.frame.width = 48;
  s.frame.height = 36;
  s.frame.tile_width = 16;
  s.frame.tile_height = 16;
  s.threads = {1, 2};
  s.repetitions = 4;
  s.latency_runs = 1;
  std::vector<ThroughputRun> runs = run_throughput(s);
  LatencyPass pass = run_latency_pass(s, 2, make_cycle_clock(2, 2.0));
  return make_bench_results(collect_bench_context(), s, std::move(runs), std::move(pass));
}

TEST(BenchReport, HasEveryDocumentedFieldWithItsType) {
  const json report = json::parse(to_json(small_results()).dump());
  const std::vector<std::string> problems = test::bench_schema_problems(report);
  for (const auto& p : problems) ADD_FAILURE() << p;
  EXPECT_EQ(report["implementation"], "cpp");
  EXPECT_EQ(report["config"]["threads"], json::array({1, 2}));
  EXPECT_EQ(report["latency"]["classes"]["all"]["count"], 48 * 36);
  EXPECT_EQ(report["tiles"].size(), 9u);
}

TEST(BenchReport, SchemaCheckerCatchesMissingAndMistypedFields) {
  const json good = json::parse(to_json(small_results()).dump());
  json missing = good;
  missing["latency"]["classes"]["hit"].erase("p99_ns");
  std::vector<std::string> problems = test::bench_schema_problems(missing);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], "latency.classes.hit.p99_ns is missing");
  json mistyped = good;
  mistyped["throughput"][0]["median_ms"] = "fast";
  problems = test::bench_schema_problems(mistyped);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("throughput[0].median_ms has the wrong type"), std::string::npos);
}

TEST(BenchReport, FiguresAgreeWithEachOther) {
  const BenchResults results = small_results();
  const json report = to_json(results);
  const json& all = report["latency"]["classes"]["all"];
  std::uint64_t bucket_total = 0;
  for (const auto& b : all["buckets"]) bucket_total += b[2].get<std::uint64_t>();
  EXPECT_EQ(bucket_total, 48u * 36u);
  EXPECT_EQ(report["latency"]["classes"]["hit"]["count"].get<std::uint64_t>() +
                report["latency"]["classes"]["background"]["count"].get<std::uint64_t>(),
            48u * 36u);
  // Corrected = raw minus the median clock overhead, floored at 0.
  const double overhead = report["latency"]["clock"]["overhead_ns"]["median"];
  const double p50 = all["p50_ns"];
  EXPECT_DOUBLE_EQ(all["corrected"]["p50_ns"].get<double>(), std::max(0.0, p50 - overhead));
  // The one-thread entry is the speedup baseline: exactly 1 for itself.
  EXPECT_DOUBLE_EQ(report["throughput"][0]["speedup"]["value"].get<double>(), 1.0);
  EXPECT_TRUE(report["throughput"][1]["speedup"].is_object());
  const double median = report["throughput"][1]["median_ms"];
  EXPECT_NEAR(report["throughput"][1]["mpix_per_s"].get<double>(), 48 * 36 / (median * 1e3), 1e-9);
  int busy_pixels = 0;
  for (const auto& t : report["thread_balance"]) busy_pixels += t["pixels"].get<int>();
  EXPECT_EQ(busy_pixels, 48 * 36);
}

TEST(BenchReport, BenchmarksHaveGoogleBenchmarksShape) {
  const json report = to_json(small_results());
  int iterations = 0;
  std::vector<std::string> aggregates;
  for (const auto& b : report["benchmarks"]) {
    if (b["name"] != "render/48x36/threads:2" && b["run_name"] != "render/48x36/threads:2")
      continue;
    EXPECT_EQ(b["time_unit"], "ns");
    EXPECT_EQ(b["repetitions"], 4);
    if (b["run_type"] == "iteration") ++iterations;
    if (b["run_type"] == "aggregate") aggregates.push_back(b["aggregate_name"]);
  }
  EXPECT_EQ(iterations, 4);
  EXPECT_EQ(aggregates, (std::vector<std::string>{"mean", "median", "stddev"}));
}

// What Google Benchmark's compare.py prints: every row a time in ns, so that none prints 0 in
// whole units, and the medians the report gives elsewhere (a frame's wall time, a class's p50).
TEST(BenchReport, BenchmarksGiveMediansInNanoseconds) {
  const json report = to_json(small_results());
  std::map<std::string, json> rows;
  for (const auto& b : report["benchmarks"]) {
    EXPECT_EQ(b["time_unit"], "ns") << b["name"];
    if (b["run_type"] == "iteration") {
      EXPECT_GT(b["real_time"].get<double>(), 0.0) << b["name"];
    }
    rows[b["name"]] = b;
  }
  for (const auto& t : report["throughput"]) {
    const std::string name = "render/48x36/threads:" + std::to_string(t["threads"].get<int>());
    ASSERT_TRUE(rows.count(name + "_median")) << name;
    EXPECT_NEAR(rows[name + "_median"]["real_time"].get<double>(),
                t["median_ms"].get<double>() * 1e6, 1e-6);
  }
  for (const char* cls : {"all", "hit", "background"}) {
    const json& c = report["latency"]["classes"][cls];
    const std::string name = std::string("pixel_latency/") + cls;
    ASSERT_TRUE(rows.count(name)) << name;
    EXPECT_EQ(rows[name]["real_time"], c["p50_ns"]);
    EXPECT_EQ(rows[name]["cpu_time"], c["p50_ns"]);
    EXPECT_EQ(rows[name]["iterations"], c["count"]);
  }
}

TEST(BenchReport, NoSpeedupWithoutAOneThreadRun) {
  BenchSettings s;
  s.frame.width = 32;
  s.frame.height = 16;
  s.threads = {2};
  s.repetitions = 2;
  s.latency_runs = 1;
  BenchResults r = make_bench_results(collect_bench_context(), s, run_throughput(s),
                                      run_latency_pass(s, 2, make_cycle_clock(2, 2.0)));
  const json report = to_json(r);
  EXPECT_TRUE(report["throughput"][0]["speedup"].is_null());
  EXPECT_TRUE(report["throughput"][0]["efficiency"].is_null());
  EXPECT_TRUE(test::bench_schema_problems(json::parse(report.dump())).empty());
}

}  // namespace
}  // namespace rtcli

#include "bench/chrome_trace.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

namespace rtcli {
namespace {

TEST(ChromeTrace, OneCompleteEventPerTileOnItsThreadWithThreadNames) {
  std::vector<TileRecord> tiles;
  tiles.push_back({0, {0, 0, 64, 64}, 0, 0.5, 1234.25});
  tiles.push_back({1, {64, 0, 100, 64}, 1, 0.000125, 0.001});
  tiles.push_back({2, {0, 64, 64, 80}, 1, 98765.4321, 3.0});
  const std::string text = chrome_trace_json(tiles, 2);
  const nlohmann::json trace = nlohmann::json::parse(text);
  int complete = 0;
  std::set<int> named_threads;
  for (const auto& e : trace.at("traceEvents")) {
    if (e.at("ph") == "M" && e.at("name") == "thread_name")
      named_threads.insert(e.at("tid").get<int>());
    if (e.at("ph") != "X") continue;
    const int index = complete++;
    const TileRecord& t = tiles[static_cast<std::size_t>(index)];
    EXPECT_EQ(e.at("tid").get<int>(), t.thread);
    EXPECT_NEAR(e.at("ts").get<double>(), t.start_us, 0.0005);
    EXPECT_NEAR(e.at("dur").get<double>(), t.duration_us, 0.0005);
    EXPECT_EQ(e.at("args").at("pixels").get<std::size_t>(), t.bounds.pixels());
  }
  EXPECT_EQ(complete, 3);
  EXPECT_EQ(named_threads, (std::set<int>{0, 1}));
  // Fixed decimals: no exponent even for tiny or large times.
  EXPECT_EQ(text.find("e-"), std::string::npos);
  EXPECT_NE(text.find("\"ts\":0.000,"), std::string::npos);
  EXPECT_NE(text.find("\"ts\":98765.432,"), std::string::npos);
}

}  // namespace
}  // namespace rtcli

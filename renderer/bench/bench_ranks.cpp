#include "bench/bench_ranks.h"

#include <nlohmann/json.hpp>

#include <numeric>

#include "distributed/world.h"

namespace rtcli {

namespace {
using json = nlohmann::json;

json to_wire(const LatencyHistogram& h) {
  const LatencyHistogram::Parts p = h.parts();
  // An empty histogram's min and max are infinities, which JSON cannot carry.
  if (p.count == 0) return nullptr;
  return {{"counts", p.counts},           {"count", p.count}, {"shift", p.shift}, {"sum", p.sum},
          {"sum_squares", p.sum_squares}, {"min", p.min},     {"max", p.max}};
}

LatencyHistogram from_wire(const json& j) {
  if (j.is_null()) return {};
  LatencyHistogram::Parts p;
  j.at("counts").get_to(p.counts);
  p.count = j.at("count").get<std::uint64_t>();
  p.shift = j.at("shift").get<double>();
  p.sum = j.at("sum").get<double>();
  p.sum_squares = j.at("sum_squares").get<double>();
  p.min = j.at("min").get<double>();
  p.max = j.at("max").get<double>();
  return LatencyHistogram::from_parts(std::move(p));
}

// Each rank's JSON text, parsed, on rank 0; nothing elsewhere.
std::vector<json> gather_json(const json& own) {
  std::vector<json> all;
  for (const std::string& text : distributed::gather_to_root(own.dump()))
    all.push_back(json::parse(text));
  return all;
}
}  // namespace

std::vector<RankHost> gather_rank_hosts(const std::string& host, int logical_cores) {
  std::vector<RankHost> hosts;
  int rank = 0;
  for (const json& j : gather_json({{"host", host}, {"logical_cores", logical_cores}}))
    hosts.push_back({rank++, j.at("host").get<std::string>(), j.at("logical_cores").get<int>()});
  return hosts;
}

void gather_throughput(std::vector<ThroughputRun>& runs) {
  if (!distributed::active()) return;
  json own = json::array();
  for (const ThroughputRun& run : runs) {
    const RankShare& share = run.ranks.front();
    own.push_back({{"busy_ms", share.busy_ms}, {"pixels", share.pixels}, {"cpu_ms", share.cpu_ms}});
  }
  const std::vector<json> all = gather_json(own);
  if (distributed::rank() != 0) return;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    ThroughputRun& run = runs[i];
    run.ranks.clear();
    std::fill(run.cpu_ms.begin(), run.cpu_ms.end(), 0.0);
    for (std::size_t r = 0; r < all.size(); ++r) {
      const json& j = all[r].at(i);
      RankShare share;
      share.rank = static_cast<int>(r);
      j.at("busy_ms").get_to(share.busy_ms);
      j.at("pixels").get_to(share.pixels);
      j.at("cpu_ms").get_to(share.cpu_ms);
      for (std::size_t k = 0; k < run.cpu_ms.size() && k < share.cpu_ms.size(); ++k)
        run.cpu_ms[k] += share.cpu_ms[k];
      run.ranks.push_back(std::move(share));
    }
  }
}

void gather_latency(LatencyPass& pass) {
  if (!distributed::active()) return;
  json tiles = json::array();
  for (const TileRecord& t : pass.tiles) {
    if (t.rank != distributed::rank()) continue;
    tiles.push_back({t.index, t.thread, t.start_us, t.duration_us, t.bounds.x0, t.bounds.y0,
                     t.bounds.x1, t.bounds.y1});
  }
  const json own = {{"all", to_wire(pass.all)},
                    {"hit", to_wire(pass.hit)},
                    {"background", to_wire(pass.background)},
                    {"instrumented_cpu_ms", pass.instrumented_cpu_ms},
                    {"plain_cpu_ms", pass.plain_cpu_ms},
                    {"tiles", std::move(tiles)}};
  // Each rank zeroed the pixels before the last pass and timed only its own tiles' pixels.
  if (!pass.pixel_ns.empty()) distributed::sum_to_root(pass.pixel_ns);
  const std::vector<json> all = gather_json(own);
  if (distributed::rank() != 0) return;
  pass.all = {};
  pass.hit = {};
  pass.background = {};
  for (std::size_t r = 0; r < all.size(); ++r) {
    const json& j = all[r];
    pass.all.merge(from_wire(j.at("all")));
    pass.hit.merge(from_wire(j.at("hit")));
    pass.background.merge(from_wire(j.at("background")));
    if (r == 0) continue;  // rank 0's own CPU time and tiles are in place already
    const auto add = [](std::vector<double>& sums, const json& values) {
      for (std::size_t k = 0; k < sums.size() && k < values.size(); ++k)
        sums[k] += values[k].get<double>();
    };
    add(pass.instrumented_cpu_ms, j.at("instrumented_cpu_ms"));
    add(pass.plain_cpu_ms, j.at("plain_cpu_ms"));
    for (const json& t : j.at("tiles")) {
      TileRecord& record = pass.tiles.at(t.at(0).get<std::size_t>());
      record.rank = static_cast<int>(r);
      record.thread = t.at(1).get<int>();
      record.start_us = t.at(2).get<double>();
      record.duration_us = t.at(3).get<double>();
      record.index = t.at(0).get<int>();
      record.bounds = {t.at(4).get<int>(), t.at(5).get<int>(), t.at(6).get<int>(),
                       t.at(7).get<int>()};
    }
  }
}

double rank_mpix_per_s(const RankShare& share) {
  const double ms = std::accumulate(share.busy_ms.begin(), share.busy_ms.end(), 0.0);
  const double pixels = static_cast<double>(
      std::accumulate(share.pixels.begin(), share.pixels.end(), std::size_t{0}));
  return ms > 0 ? pixels / ms / 1e3 : 0.0;
}

}  // namespace rtcli

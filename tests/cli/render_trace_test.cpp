// `rtcli render --trace FILE`: a Chrome trace of the real render, event by event, that leaves
// the PNG files as they are without it.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "png/band_layout.h"
#include "test_support.h"

namespace rtcli::test {
namespace {

using nlohmann::json;

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

TEST(RenderTrace, EveryBandStripAndFileOnTheThreadThatDidIt) {
  TempDir dir;
  const CommandResult run = run_rtcli(
      {"render", "--quiet", "--size", "400x300", "--threads", "2", "--checkpoints", "25%,50%,75%",
       "--trace", (dir / "traces/t.json").string(), "--out", (dir / "out").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out + run.err, "");
  const json trace = json::parse(read_file(dir / "traces/t.json"));
  const int bands = BandLayout(400, 300, 16).count();
  ASSERT_GT(bands, 1);

  std::map<std::string, int> count;  // by name up to its number or file
  std::set<int> band_threads, writer_threads, named_threads;
  std::map<int, double> last_start;  // by thread
  double run_start = -1, run_end = -1;
  for (const json& e : trace.at("traceEvents")) {
    const int tid = e.at("tid").get<int>();
    if (e.at("ph") == "M") {
      if (e.at("name") == "thread_name") named_threads.insert(tid);
      continue;
    }
    ASSERT_EQ(e.at("ph"), "X") << e;
    const std::string name = e.at("name").get<std::string>();
    const double ts = e.at("ts").get<double>();
    const double end = ts + e.at("dur").get<double>();
    // In order of start on each thread, and inside the run (its first event).
    if (name == "run") {
      run_start = ts;
      run_end = end;
    }
    ASSERT_GE(run_start, 0) << "the run comes first: " << e;
    EXPECT_GE(ts, run_start) << e;
    EXPECT_LE(end, run_end + 0.001) << e;
    if (last_start.count(tid)) {
      EXPECT_GE(ts, last_start[tid]) << e;
    }
    last_start[tid] = ts;

    const std::string cat = e.at("cat").get<std::string>();
    if (starts_with(name, "band ")) {
      EXPECT_EQ(cat, "render");
      band_threads.insert(tid);
      ++count["band"];
    } else if (starts_with(name, "compress band ")) {
      EXPECT_EQ(cat, "compress");
      ++count["compress"];
    } else if (starts_with(name, "strip ")) {
      EXPECT_EQ(cat, "compress");
      ++count[name.find("checkpoint") != std::string::npos ? "partial strip" : "strip"];
    } else if (starts_with(name, "append band ")) {
      EXPECT_EQ(cat, "write");
      writer_threads.insert(tid);
      ++count["append"];
    } else if (starts_with(name, "write ")) {
      EXPECT_EQ(cat, "write");
      writer_threads.insert(tid);
      ++count[name];
    } else if (starts_with(name, "fsync ")) {
      EXPECT_EQ(cat, "fsync");
      writer_threads.insert(tid);
      ++count[name];
    } else if (starts_with(name, "wait for band ")) {
      EXPECT_EQ(cat, "wait");
      ++count["wait"];
    } else {
      EXPECT_TRUE(name == "run" || name == "setup") << name;
      ++count[name];
    }
  }
  EXPECT_EQ(count["run"], 1);
  EXPECT_EQ(count["setup"], 1);
  EXPECT_EQ(count["band"], bands);
  EXPECT_EQ(count["compress"], bands);
  EXPECT_EQ(count["wait"], bands);
  EXPECT_EQ(count["append"], bands);
  EXPECT_GE(count["strip"], bands);      // at least one strip a band
  EXPECT_EQ(count["partial strip"], 3);  // one for each checkpoint, black after its last pixel
  for (const char* file : {"25pct.png", "50pct.png", "75pct.png", "final.png"}) {
    EXPECT_EQ(count[std::string("write ") + file], 1) << file;
    EXPECT_EQ(count[std::string("fsync ") + file], 1) << file;
  }
  // One writer thread, not a worker: the trace holds more than one thread, each named.
  EXPECT_EQ(writer_threads.size(), 1u);
  EXPECT_LE(band_threads.size(), 2u);
  EXPECT_FALSE(band_threads.count(*writer_threads.begin()));
  for (const auto& [tid, start] : last_start) EXPECT_TRUE(named_threads.count(tid)) << tid;
  EXPECT_GE(last_start.size(), 2u);
}

TEST(RenderTrace, ChangesNoByteOfTheFiles) {
  TempDir dir;
  const std::vector<std::string> render = {"render",        "--quiet",  "--size", "203x151",
                                           "--threads",     "2",        "--tile", "64x16",
                                           "--checkpoints", "10%,150r", "--out"};
  std::vector<std::string> plain = render, traced = render;
  plain.push_back((dir / "plain").string());
  traced.insert(traced.end(), {(dir / "traced").string(), "--trace", (dir / "t.json").string()});
  ASSERT_EQ(run_rtcli(plain).exit_code, 0);
  ASSERT_EQ(run_rtcli(traced).exit_code, 0);
  const std::vector<std::string> files = list_folder(dir / "plain");
  EXPECT_EQ(files, (std::vector<std::string>{"10pct.png", "150r.png", "final.png"}));
  EXPECT_EQ(list_folder(dir / "traced"), files);  // and no temporary left behind
  for (const std::string& name : files)
    EXPECT_EQ(read_file(dir / "plain" / name), read_file(dir / "traced" / name)) << name;
}

TEST(RenderTrace, BadPathsFailBeforeTheRenderWithOneLine) {
  TempDir dir;
  std::ofstream(dir / "file") << "x";
  for (const auto& [path, message] : std::vector<std::pair<std::string, std::string>>{
           {(dir / "file/t.json").string(), "is not a folder"},
           {dir.path().string(), "is a folder, not a file"},
           {(dir / "out/final.png").string(), "is the render's own final.png"},
           {"", "--trace: empty"}}) {
    SCOPED_TRACE(path);
    const CommandResult run =
        run_rtcli({"render", "--size", "40x30", "--trace", path, "--out", (dir / "out").string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "out"));  // nothing rendered
  }
}

}  // namespace
}  // namespace rtcli::test

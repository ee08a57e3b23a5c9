// Every signal that ends rtcli cleans up, in every phase: waiting
// for a FIFO's writer, parsing a large scene, rendering, bench's end-to-end runs.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include "child_process.h"
#include "test_support.h"

namespace rtcli::test {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

constexpr milliseconds kStartTimeout{120'000};
// Only catches a hang: the machine is shared and sanitizer builds are slow. Each test prints
// what it measured.
constexpr milliseconds kHang{60'000};
constexpr const char* kSlowScene = RTCLI_SOURCE_DIR "/profiles/showcase.json";

struct Stopped {
  CommandResult result;
  long long after_signal_ms;
};

Stopped signal_and_wait(RtcliProcess& rtcli, int signal_number) {
  const Clock::time_point sent = Clock::now();
  rtcli.send(signal_number);
  CommandResult result = rtcli.wait();
  return {std::move(result), std::chrono::duration_cast<milliseconds>(Clock::now() - sent).count()};
}

std::string stopped_line(const char* signal) {
  return std::string("rtcli: interrupted by ") + signal +
         ": stopped early; every file already written is complete\n";
}

// A FIFO with no writer blocked open() and ignored SIGINT and SIGTERM.
TEST(InterruptPhases, SignalEndsTheWaitForAFifoScene) {
  for (const auto& [signal_number, name] :
       {std::pair{SIGINT, "SIGINT"}, std::pair{SIGTERM, "SIGTERM"}}) {
    const TempDir dir;
    ASSERT_EQ(::mkfifo((dir / "scene.fifo").c_str(), 0600), 0);
    RtcliProcess rtcli(
        {"render", "--scene", (dir / "scene.fifo").string(), "--out", (dir / "out").string()});
    // Signalled only once it takes the signal itself and waits in open() for a writer.
    ASSERT_TRUE(wait_until(
        [&, signal = signal_number] {  // clang 14 cannot capture a structured binding
          return handles_signal(rtcli.pid(), signal) &&
                 wait_channel(rtcli.pid()) == "wait_for_partner";
        },
        kStartTimeout));
    const Stopped stopped = signal_and_wait(rtcli, signal_number);
    EXPECT_EQ(stopped.result.exit_code, 128 + signal_number) << stopped.result.err;
    EXPECT_EQ(stopped.result.err, stopped_line(name));
    EXPECT_LT(stopped.after_signal_ms, kHang.count());
    EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{"scene.fifo"});
    std::printf("[ measured ] FIFO scene: exit %lld ms after %s\n", stopped.after_signal_ms, name);
  }
}

// SIGINT while a large scene was parsed waited for the parse. The scene ends in a syntax
// error, so a run that finished parsing before honouring the signal would exit 1 with that
// error; only a signal honoured mid-read or mid-parse exits 130.
TEST(InterruptPhases, SignalEndsTheParseOfALargeScene) {
  const TempDir dir;
  const fs::path scene = dir / "large.json";
  {
    std::ofstream out(scene);
    out << R"({"spheres": [)";
    for (int i = 0; i < 400'000; ++i)
      out << R"({"centre": [)" << i % 8 << ", " << i % 6 << R"(, 10], "radius": 0.01},)";
    out << "oops";
  }
  const Clock::time_point start = Clock::now();
  const CommandResult whole =
      run_rtcli({"render", "--scene", scene.string(), "--out", (dir / "out").string()});
  const long long whole_ms = std::chrono::duration_cast<milliseconds>(Clock::now() - start).count();
  ASSERT_EQ(whole.exit_code, 1) << whole.err;

  RtcliProcess rtcli({"render", "--scene", scene.string(), "--out", (dir / "out").string()});
  // Half the scene read: the signal finds it reading or parsing, however slow the machine.
  const auto scene_bytes = static_cast<long long>(fs::file_size(scene));
  ASSERT_TRUE(wait_until(
      [&] {
        return handles_signal(rtcli.pid(), SIGINT) && bytes_read(rtcli.pid()) >= scene_bytes / 2;
      },
      kStartTimeout));
  const Stopped stopped = signal_and_wait(rtcli, SIGINT);
  EXPECT_EQ(stopped.result.exit_code, 130) << stopped.result.err;
  EXPECT_EQ(stopped.result.err, stopped_line("SIGINT"));
  EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{"large.json"});
  std::printf("[ measured ] %lld-byte scene: refused after %lld ms; exit %lld ms after SIGINT\n",
              static_cast<long long>(fs::file_size(scene)), whole_ms, stopped.after_signal_ms);
}

// SIGHUP (terminal or ssh closed) and SIGQUIT killed rtcli and left temporaries.
TEST(InterruptPhases, HangupAndQuitCleanUpLikeSigterm) {
  for (const auto& [signal_number, name] :
       {std::pair{SIGHUP, "SIGHUP"}, std::pair{SIGQUIT, "SIGQUIT"}}) {
    const TempDir dir;
    const fs::path out = dir / "out";
    RtcliProcess rtcli({"render", "--size", "4000x3000", "--threads", "1", "--scene", kSlowScene,
                        "--checkpoints", "1%,99%", "--quiet", "--out", out.string()});
    ASSERT_TRUE(wait_until([&] { return fs::exists(out / "1pct.png"); }, kStartTimeout));
    const Stopped stopped = signal_and_wait(rtcli, signal_number);
    EXPECT_EQ(stopped.result.exit_code, 128 + signal_number) << stopped.result.err;
    EXPECT_EQ(stopped.result.err, stopped_line(name));
    EXPECT_EQ(list_folder(out), std::vector<std::string>{"1pct.png"});
    EXPECT_TRUE(read_png(out / "1pct.png"));
    std::printf("[ measured ] render: exit %lld ms after %s\n", stopped.after_signal_ms, name);
  }
}

// A run stopped before its first file leaves no empty folder (it made the folder itself).
TEST(InterruptPhases, RunStoppedBeforeItsFirstFileLeavesNoFolder) {
  const TempDir dir;
  const fs::path out = dir / "new/out";
  RtcliProcess rtcli({"render", "--size", "4000x3000", "--scene", kSlowScene, "--checkpoints", "",
                      "--quiet", "--out", out.string()});
  ASSERT_TRUE(wait_until([&] { return fs::exists(out); }, kStartTimeout));
  const Stopped stopped = signal_and_wait(rtcli, SIGTERM);
  EXPECT_EQ(stopped.result.exit_code, 143) << stopped.result.err;
  EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{});
}

// Bench's end-to-end runs kept every run's folder until the end, and a second signal
// left the whole scratch folder behind. Runs under a private TMPDIR to see both.
TEST(InterruptPhases, BenchEndToEndFoldersGoAfterEachRunAndOnASecondSignal) {
  const TempDir tmp;
  const TempDir dir;
  RtcliProcess rtcli({"bench", "--size", "400x300", "--scene", kSlowScene, "--repetitions", "1",
                      "--warmup", "0", "--latency-runs", "1", "--end-to-end-runs", "1000",
                      "--quiet", "--json", (dir / "r.json").string()},
                     ChildLimits{.environment = {"TMPDIR=" + tmp.path().string()}});
  fs::path scratch;
  ASSERT_TRUE(wait_until(
      [&] {
        if (rtcli.exited()) return true;
        const std::vector<std::string> names = list_folder(tmp.path());
        if (names.empty()) return false;
        scratch = tmp / names.front();
        return list_folder(scratch).size() > 0;
      },
      kStartTimeout));
  ASSERT_FALSE(rtcli.exited()) << "bench ended before its end-to-end runs: " << rtcli.wait().err;
  // Watch a few runs: never more than the one in progress (and the one being removed).
  std::size_t most = 0;
  const Clock::time_point until = Clock::now() + milliseconds(500);
  while (Clock::now() < until) {
    most = std::max(most, list_folder(scratch).size());
    std::this_thread::sleep_for(milliseconds(2));
  }
  EXPECT_LE(most, 2u);
  rtcli.send(SIGINT);
  const Stopped stopped = signal_and_wait(rtcli, SIGINT);
  EXPECT_EQ(stopped.result.exit_code, 130) << stopped.result.err;
  EXPECT_EQ(list_folder(tmp.path()), std::vector<std::string>{});
  EXPECT_EQ(list_folder(dir.path()), std::vector<std::string>{});
  std::printf(
      "[ measured ] bench: at most %zu run folders at once; exit %lld ms after the "
      "second SIGINT\n",
      most, stopped.after_signal_ms);
}

}  // namespace
}  // namespace rtcli::test

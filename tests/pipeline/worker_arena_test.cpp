// WorkerArena: every tile goes to exactly one worker, each task keeps its own state, a worker
// that throws stops the others and its exception reaches the caller, a cancelled scheduler or
// a stop request ends the run after the tiles in hand, and one arena serves many runs.
#include "pipeline/tile_workers.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "child_process.h"
#include "pipeline/tile_scheduler.h"
#include "system/interrupt.h"

namespace rtcli {
namespace {

using test::wait_until;

// Only catches a hang: every wait below is for an event a correct arena brings about.
constexpr std::chrono::milliseconds kHang{60'000};

// How often each tile was worked on, and whether a worker slot was ever out of range.
struct Coverage {
  explicit Coverage(int tiles) : times(static_cast<std::size_t>(tiles)) {}
  std::vector<std::atomic<int>> times;
  std::atomic<int> bad_worker{0};

  void record(int tile, int worker, int threads) {
    times[static_cast<std::size_t>(tile)].fetch_add(1);
    if (worker < 0 || worker >= threads) bad_worker.fetch_add(1);
  }
  void expect_each_once() const {
    for (std::size_t t = 0; t < times.size(); ++t) ASSERT_EQ(times[t].load(), 1) << "tile " << t;
    EXPECT_EQ(bad_worker.load(), 0);
  }
};

TEST(WorkerArena, HandsOutEveryTileOnceToWorkersInRange) {
  constexpr int kThreads = 3;
  constexpr int kTiles = 5000;
  WorkerArena arena(kThreads);
  EXPECT_EQ(arena.threads(), kThreads);
  TileScheduler scheduler(kTiles);
  Coverage coverage(kTiles);
  arena.run(scheduler, [&](int tile, int worker) { coverage.record(tile, worker, kThreads); });
  coverage.expect_each_once();
  EXPECT_EQ(scheduler.completed_prefix(), kTiles);
}

// Each task makes one state and is the only one to use it: on one thread, as one worker.
TEST(WorkerArena, EachTaskMakesItsOwnStateAndUsesItAlone) {
  constexpr int kThreads = 3;
  constexpr int kTiles = 3000;
  struct State {
    std::thread::id owner;
    std::vector<int>* tiles;  // this task's slot in `taken`
    int worker = -1;
  };
  WorkerArena arena(kThreads);
  TileScheduler scheduler(kTiles);
  std::vector<std::vector<int>> taken(kThreads);
  std::atomic<int> made{0};
  std::atomic<int> shared_use{0};
  arena.run_with_state(
      scheduler,
      [&] {
        // at() throws, and so fails the run, should more states be made than tasks.
        return State{std::this_thread::get_id(), &taken.at(static_cast<std::size_t>(made++))};
      },
      [&](int tile, int worker, State& state) {
        if (state.worker < 0) state.worker = worker;
        if (state.owner != std::this_thread::get_id() || state.worker != worker) ++shared_use;
        state.tiles->push_back(tile);
      });
  EXPECT_GE(made.load(), 1);
  EXPECT_LE(made.load(), kThreads);
  EXPECT_EQ(shared_use.load(), 0);
  std::vector<int> all;
  for (const std::vector<int>& mine : taken) {
    EXPECT_TRUE(std::is_sorted(mine.begin(), mine.end()));  // each task's tiles in scan order
    all.insert(all.end(), mine.begin(), mine.end());
  }
  std::sort(all.begin(), all.end());
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kTiles));
  for (int t = 0; t < kTiles; ++t) ASSERT_EQ(all[static_cast<std::size_t>(t)], t);
}

struct FailedRun {
  std::string what;    // the exception run() threw, if any
  bool other_stopped;  // the other worker was released by a cancel, not by the hang bound
  int taken;           // tiles handed out
};

// Tile 0 throws while the other worker is inside tile 1 and waits to be stopped. A function of
// its own, not lambdas in a test body: oneTBB's frames are named with the loop body's type, and
// with a long test name in it the names outgrow ThreadSanitizer's symbolizer buffer, so
// tsan.supp could not match a report in oneTBB's own frames.
FailedRun fail_at_tile_zero(WorkerArena& arena, TileScheduler& scheduler) {
  std::atomic<bool> other_inside{false};
  std::atomic<int> taken{0};
  std::atomic<bool> other_stopped{true};
  std::string what = "run() returned normally";
  try {
    arena.run(scheduler, [&](int tile, int) {
      ++taken;
      if (tile == 0) {
        if (!wait_until([&] { return other_inside.load(); }, kHang))
          throw std::logic_error("the other worker never started");
        throw std::runtime_error("tile 0 failed");
      }
      other_inside = true;
      if (!wait_until([&] { return scheduler.cancelled(); }, kHang)) other_stopped = false;
    });
  } catch (const std::exception& e) {
    what = e.what();
  }
  return {what, other_stopped.load(), taken.load()};
}

// The exception must cancel the run, so that the other worker finishes tile 1, takes no other,
// and run() rethrows. The arena then serves a whole run as if nothing had happened.
TEST(WorkerArena, ThrowingWorkerStopsTheRest) {
  constexpr int kTiles = 1000;
  WorkerArena arena(2);
  TileScheduler scheduler(kTiles);
  const FailedRun failed = fail_at_tile_zero(arena, scheduler);
  EXPECT_EQ(failed.what, "tile 0 failed");
  EXPECT_TRUE(failed.other_stopped) << "the scheduler was not cancelled";
  EXPECT_EQ(failed.taken, 2);
  EXPECT_EQ(scheduler.completed_prefix(), 0);  // the failed tile is not complete

  TileScheduler again(kTiles);
  Coverage coverage(kTiles);
  arena.run(again, [&](int tile, int worker) { coverage.record(tile, worker, 2); });
  coverage.expect_each_once();
}

// Runs `threads` workers over plenty of tiles, calling stop() in tile `stop_at`. Counts the
// tiles taken, and those begun after stop() returned: each other worker may have been handed
// one tile before the stop, however long the stopping worker took to get there, and none after.
struct StopCount {
  int taken = 0;
  int begun_after_stop = 0;
};
template <class Stop>
StopCount tiles_taken_when_stopped(TileScheduler& scheduler, int threads, int stop_at,
                                   Stop&& stop) {
  WorkerArena arena(threads);
  std::atomic<int> taken{0};
  std::atomic<int> after{0};
  std::atomic<bool> stopped{false};
  arena.run(scheduler, [&](int tile, int) {
    ++taken;
    if (stopped.load()) ++after;
    if (tile == stop_at) {
      stop();
      stopped.store(true);
    }
  });
  return {taken.load(), after.load()};
}

// Cancelling the scheduler (a caller's stop, an MPI peer's failure) is not an error: run()
// returns once each worker has finished its tile in hand.
TEST(WorkerArena, ACancelledSchedulerEndsTheRunAfterTheTilesInHand) {
  TileScheduler scheduler(100'000);
  const StopCount count = tiles_taken_when_stopped(scheduler, 3, 10, [&] { scheduler.cancel(); });
  EXPECT_TRUE(scheduler.cancelled());
  EXPECT_GE(count.taken, 11);
  EXPECT_LE(count.begun_after_stop, 3 - 1);
  EXPECT_LT(count.taken, 100'000);
}

// A SIGINT or SIGTERM cancels the scheduler of a running arena through interrupt::request.
// In a child process, since a stop request is process-wide and final.
TEST(WorkerArenaDeathTest, AStopRequestCancelsTheScheduler) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const auto run = [] {
    TileScheduler scheduler(100'000);
    const StopCount count =
        tiles_taken_when_stopped(scheduler, 2, 5, [] { interrupt::request(SIGTERM); });
    const bool stopped = scheduler.cancelled() && interrupt::requested() == SIGTERM &&
                         count.taken >= 6 && count.begun_after_stop <= 2 - 1 &&
                         count.taken < 100'000;
    std::exit(stopped ? 42 : 1);
  };
  EXPECT_EXIT(run(), ::testing::ExitedWithCode(42), "");
}

// One arena, many runs of either kind: each covers its own scheduler whole, and each
// run_with_state makes fresh states.
TEST(WorkerArena, ServesRunAfterRun) {
  constexpr int kThreads = 2;
  constexpr int kTiles = 500;
  WorkerArena arena(kThreads);
  for (int round = 0; round < 4; ++round) {
    SCOPED_TRACE(round);
    TileScheduler scheduler(kTiles);
    Coverage coverage(kTiles);
    if (round % 2 == 0) {
      arena.run(scheduler, [&](int tile, int worker) { coverage.record(tile, worker, kThreads); });
    } else {
      std::atomic<int> made{0};
      arena.run_with_state(
          scheduler, [&] { return ++made; },
          [&](int tile, int worker, int&) { coverage.record(tile, worker, kThreads); });
      EXPECT_GE(made.load(), 1);
      EXPECT_LE(made.load(), kThreads);
    }
    coverage.expect_each_once();
    EXPECT_EQ(scheduler.completed_prefix(), kTiles);
  }
}

}  // namespace
}  // namespace rtcli

// Running a fixed number of workers over a frame's tiles: the arena pattern every pass shares.
#pragma once

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>

#include "pipeline/tile_scheduler.h"
#include "system/fork_join_fence.h"
#include "system/interrupt.h"

namespace rtcli {

// ThreadSanitizer cannot see oneTBB hand a task to a worker (Debian's libtbb is not
// instrumented), so a task's first read of its body, which lives on the caller's stack, looks
// racy against whatever the caller last wrote at that address (a stat buffer, say). The caller
// releases on this counter once the body exists and every task acquires it before touching the
// body: a global, so reaching it reads nothing of the caller's.
inline std::atomic<std::uint64_t> task_handoff{0};

// A task arena of exactly `threads` workers; more than the cores is allowed when asked for.
class WorkerArena {
 public:
  explicit WorkerArena(int threads) : threads_(threads), arena_(threads) {
    if (threads > tbb::info::default_concurrency())
      allow_.emplace(tbb::global_control::max_allowed_parallelism,
                     static_cast<std::size_t>(threads));
  }

  int threads() const { return threads_; }
  // Whether it raised oneTBB's process-wide worker limit (more threads than cores), which it
  // holds until it is destroyed.
  bool raises_worker_limit() const { return allow_.has_value(); }

  // Runs f inside the arena, so that TBB work it starts uses these workers.
  template <class F>
  auto execute(F&& f) {
    return arena_.execute(std::forward<F>(f));
  }

  // One task per worker, each pulling tiles in scan order from `scheduler` until none are
  // left: work(tile_index, worker) with worker in [0, threads) (the arena slot). A SIGINT or
  // SIGTERM cancels the scheduler, so workers stop after the tile in hand; callers check
  // interrupt::requested() afterwards. Should `work` throw (render_tile gives up a tile on a
  // stop request), that tile is not completed and the scheduler is cancelled: the other
  // workers finish the tile in hand and take no more, and the exception leaves run() once
  // they have. The arena may run again. Any scheduler with TileScheduler's next, complete and
  // cancel will do (pipeline/frame_loop.h hands out bands, its own or another process's).
  template <class Scheduler, class Work>
  void run(Scheduler& scheduler, Work&& work) {
    run_with_state(
        scheduler, [] { return 0; }, [&](int tile, int worker, int&) { work(tile, worker); });
  }

  // The same, each task first making its own state with make_state() (buffers it reuses for
  // every tile it takes): work(tile_index, worker, state).
  template <class Scheduler, class MakeState, class Work>
  void run_with_state(Scheduler& scheduler, MakeState&& make_state, Work&& work) {
    const interrupt::OnInterrupt stop_on_signal([&] { scheduler.cancel(); });
    ForkJoinFence fence;  // for ThreadSanitizer, see system/fork_join_fence.h
    fence.fork();
    // Every task leaves the fence and the caller joins it, thrown or not, so that the
    // caller's teardown after an exception is ordered after the tasks too.
    try {
      arena_.execute([&] {
        const auto body = [&] {
          const ForkJoinFence::Task in_task(fence);
          const int worker = tbb::this_task_arena::current_thread_index();
          try {
            auto state = make_state();
            while (const std::optional<int> tile = scheduler.next()) {
              work(*tile, worker, state);
              scheduler.complete(*tile);
            }
          } catch (...) {
            scheduler.cancel();  // the run has failed: the others need take no more tiles
            throw;
          }
        };
        task_handoff.fetch_add(1, std::memory_order_release);
        tbb::parallel_for(0, threads_, Task{&call<decltype(body)>, &body},
                          tbb::simple_partitioner());
      });
    } catch (...) {
      fence.join();
      throw;
    }
    fence.join();
  }

 private:
  // What oneTBB runs for each task: `body` behind a plain pointer, so that oneTBB's task types,
  // and the names of their frames, do not carry the body's type. Those names would nest the
  // work's type several times over and outgrow ThreadSanitizer's symbolizer buffer; the frames
  // would go unnamed and tsan.supp could not match reports in oneTBB's own code.
  struct Task {
    void (*run)(const void* body);
    const void* body;
    void operator()(int) const {
      // Before reading the body's members on the caller's stack (see task_handoff).
      task_handoff.load(std::memory_order_acquire);
      run(body);
    }
  };
  template <class Body>
  static void call(const void* body) {
    (*static_cast<const Body*>(body))();
  }

  int threads_;
  std::optional<tbb::global_control> allow_;  // declared before the arena it enables
  tbb::task_arena arena_;
};

}  // namespace rtcli

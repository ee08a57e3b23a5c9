// Long-lived threads for the module's renders. Starting a thread, and oneTBB's set-up of a new
// thread and a new arena, cost more than rendering a small frame does: a render borrows an idle
// thread with its arena and gives it back, so that a loop of renders pays for them once.
// Renders from several Python threads at once each borrow a thread of their own.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "parallel/tile_workers.h"

namespace rtcli::python {

class RenderThread {
 public:
  explicit RenderThread(int workers);
  RenderThread(const RenderThread&) = delete;
  RenderThread& operator=(const RenderThread&) = delete;

  int workers() const { return arena_.threads(); }
  WorkerArena& arena() { return arena_; }

  // Runs `job` on this thread and returns at once; the job tells its caller when it is done.
  void start(std::function<void()> job);

  // Ends the thread once it is idle; it deletes this object as it goes.
  void retire();

 private:
  void serve();

  WorkerArena arena_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::function<void()> job_;  // guarded by mutex_: the next job, if any
  bool retired_ = false;       // guarded by mutex_
  std::thread thread_;
};

// An idle thread with an arena of `workers` from the pool, or a new one. The pool takes it back
// when the pointer is reset: only once the thread's job is done. Throws RunError when no thread
// can start.
struct ReturnToPool {
  void operator()(RenderThread* thread) const;
};
using BorrowedThread = std::unique_ptr<RenderThread, ReturnToPool>;
BorrowedThread borrow_render_thread(int workers);

}  // namespace rtcli::python

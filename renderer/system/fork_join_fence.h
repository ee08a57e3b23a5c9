// Makes the ordering oneTBB already guarantees around a parallel loop visible to
// ThreadSanitizer. Debian's libtbb is not built with TSan, so the hand-offs inside it (a task
// spawned by one thread and run by another, the caller waking when all tasks are done) are
// invisible, and TSan reports the loop's reads of data set up before it, and the caller's
// teardown after it, as races. Two release/acquire pairs on one atomic each restate that
// order in code TSan sees; outside TSan they cost two atomic operations per task.
#pragma once

#include <atomic>

namespace rtcli {

class ForkJoinFence {
 public:
  // On the calling thread, after setting up what the tasks read and before the loop starts.
  void fork() { forked_.store(true, std::memory_order_release); }
  // First thing in each task.
  void enter() const { (void)forked_.load(std::memory_order_acquire); }
  // Last thing in each task.
  void leave() { left_.fetch_add(1, std::memory_order_release); }
  // On the calling thread, once the loop has returned and before its results are torn down.
  void join() const { (void)left_.load(std::memory_order_acquire); }

  // enter() and leave() around one task's body, leave() also when the body throws.
  class Task {
   public:
    explicit Task(ForkJoinFence& fence) : fence_(fence) { fence_.enter(); }
    ~Task() { fence_.leave(); }
    Task(const Task&) = delete;
    Task& operator=(const Task&) = delete;

   private:
    ForkJoinFence& fence_;
  };

 private:
  std::atomic<bool> forked_{false};
  std::atomic<int> left_{0};
};

}  // namespace rtcli

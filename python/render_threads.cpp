#include "render_threads.h"

#include <unistd.h>

#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "system/errors.h"

namespace rtcli::python {
namespace {
constexpr std::size_t kMaxIdle = 8;  // idle threads kept; more are ended when given back

// The idle threads. Never destroyed: a thread waiting for work at the interpreter's exit is
// ended with the process, not joined. A forked child has none of its parent's threads, so it
// starts a pool of its own and leaves the parent's entries alone.
struct Pool {
  std::mutex mutex;
  pid_t owner = getpid();
  std::vector<RenderThread*> idle;
};
Pool& pool() {
  static Pool* const p = new Pool;
  return *p;
}
}  // namespace

RenderThread::RenderThread(int workers) : arena_(workers) {
  try {
    thread_ = std::thread([this] {
      serve();
      delete this;  // retired: nothing else holds it
    });
  } catch (const std::system_error& e) {
    throw RunError(std::string("cannot start a thread: ") + e.what());
  }
  thread_.detach();  // lives as long as the process: see Pool
}

void RenderThread::start(std::function<void()> job) {
  {
    const std::lock_guard lock(mutex_);
    job_ = std::move(job);
  }
  wake_.notify_one();
}

void RenderThread::retire() {
  {
    const std::lock_guard lock(mutex_);
    retired_ = true;
  }
  wake_.notify_one();
}

void RenderThread::serve() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return retired_ || static_cast<bool>(job_); });
      if (!job_) return;
      job = std::exchange(job_, nullptr);
    }
    job();
  }
}

void ReturnToPool::operator()(RenderThread* thread) const {
  Pool& p = pool();
  {
    const std::lock_guard lock(p.mutex);
    if (p.owner != getpid()) return;  // a parent's, in a forked child: its thread is not here
    // An arena of more threads than cores holds a process-wide oneTBB worker limit of its own:
    // kept idle, it would cap other renders' threads.
    if (p.idle.size() < kMaxIdle && !thread->arena().raises_worker_limit()) {
      p.idle.push_back(thread);
      return;
    }
  }
  thread->retire();
}

BorrowedThread borrow_render_thread(int workers) {
  Pool& p = pool();
  {
    const std::lock_guard lock(p.mutex);
    if (p.owner != getpid()) {  // forked: the parent's threads are not here
      p.owner = getpid();
      p.idle.clear();
    }
    for (auto it = p.idle.begin(); it != p.idle.end(); ++it)
      if ((*it)->workers() == workers) {
        RenderThread* thread = *it;
        p.idle.erase(it);
        return BorrowedThread(thread);
      }
  }
  return BorrowedThread(new RenderThread(workers));
}

}  // namespace rtcli::python

#include "arena_pool.h"

#include <unistd.h>

#include <mutex>
#include <vector>

namespace rtcli::python {
namespace {
constexpr std::size_t kMaxIdle = 8;  // idle arenas kept; more are destroyed when given back

struct Pool {
  std::mutex mutex;
  pid_t owner = getpid();
  std::vector<WorkerArena*> idle;
};
// Never destroyed: oneTBB may be gone by the time static objects are, at the process's exit.
// A forked child leaves its parent's arenas alone (their workers are the parent's) and keeps
// arenas of its own.
Pool& pool() {
  static Pool* const p = new Pool;
  return *p;
}
}  // namespace

void ReturnToPool::operator()(WorkerArena* arena) const {
  Pool& p = pool();
  {
    const std::lock_guard lock(p.mutex);
    if (p.owner != getpid()) return;  // a parent's arena, in a forked child: left as it is
    // An arena of more threads than cores holds a process-wide oneTBB worker limit of its own:
    // kept idle, it would cap other renders' threads.
    if (!arena->raises_worker_limit() && p.idle.size() < kMaxIdle) {
      p.idle.push_back(arena);
      return;
    }
  }
  delete arena;
}

BorrowedArena borrow_arena(int workers) {
  Pool& p = pool();
  {
    const std::lock_guard lock(p.mutex);
    if (p.owner != getpid()) {
      p.owner = getpid();
      p.idle.clear();  // the parent's, left as they are
    }
    for (auto it = p.idle.begin(); it != p.idle.end(); ++it)
      if ((*it)->threads() == workers) {
        BorrowedArena arena(*it);
        p.idle.erase(it);
        return arena;
      }
  }
  return BorrowedArena(new WorkerArena(workers));
}

}  // namespace rtcli::python

// Finding out, before any work, whether the threads a run needs can start.
#pragma once

namespace rtcli {

// Starts `count` threads, holds them all alive at once, then ends them. RLIMIT_NPROC
// (`ulimit -u`) and a cgroup's pids.max limit how many threads run at once, and oneTBB
// aborts the process when it cannot start a worker (it throws on a thread of its own, where
// nothing can catch it). Checking first, before oneTBB has started any worker, turns that
// abort into one error line (oneTBB keeps its workers for later arenas, so the check is done
// once, for the largest number of threads the run will use). Throws RunError
// "cannot start a thread: <reason> (N needed at once)".
void check_threads_can_start(int count);

}  // namespace rtcli

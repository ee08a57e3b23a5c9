#include "distributed/shared_counter.h"

#include "distributed/world.h"

#ifdef RTCLI_WITH_MPI
#include <mpi.h>
#endif

namespace rtcli::distributed {

#ifdef RTCLI_WITH_MPI
struct SharedCounter::Window {
  MPI_Win window = MPI_WIN_NULL;
  std::int64_t* memory = nullptr;  // rank 0's counter; a zero-byte window elsewhere
};
#else
struct SharedCounter::Window {};
#endif

SharedCounter::SharedCounter() {
#ifdef RTCLI_WITH_MPI
  if (!active()) return;
  window_ = std::make_unique<Window>();
  const MPI_Aint bytes = rank() == 0 ? sizeof(std::int64_t) : 0;
  MPI_Win_allocate(bytes, sizeof(std::int64_t), MPI_INFO_NULL, MPI_COMM_WORLD, &window_->memory,
                   &window_->window);
  if (rank() == 0) {
    MPI_Win_lock(MPI_LOCK_EXCLUSIVE, 0, 0, window_->window);
    *window_->memory = 0;
    MPI_Win_unlock(0, window_->window);
  }
  MPI_Barrier(MPI_COMM_WORLD);  // nobody takes a number before it is 0
  MPI_Win_lock_all(MPI_MODE_NOCHECK, window_->window);
#endif
}

SharedCounter::~SharedCounter() {
#ifdef RTCLI_WITH_MPI
  if (!window_) return;
  MPI_Win_unlock_all(window_->window);
  MPI_Win_free(&window_->window);
#endif
}

std::int64_t SharedCounter::take() {
#ifdef RTCLI_WITH_MPI
  if (window_) {
    const std::int64_t one = 1;
    std::int64_t before = 0;
    MPI_Fetch_and_op(&one, &before, MPI_INT64_T, 0, 0, MPI_SUM, window_->window);
    MPI_Win_flush(0, window_->window);
    return before;
  }
#endif
  return local_.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace rtcli::distributed

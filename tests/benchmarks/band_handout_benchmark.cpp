// Latency of taking the next band number from rank 0, two ways (run by hand, not by ctest):
//   mpirun -n 2 build/band_handout_benchmark [grabs]
// fetch-and-add: MPI_Fetch_and_op on a window held by rank 0 (passive target);
// request/reply: a server thread on rank 0 answers each request with the next number.
// Prints each rank's median and 99th percentile per grab; rank 0 grabs too, as in a render.
#include <mpi.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace {
using Clock = std::chrono::steady_clock;
constexpr int kRequest = 1;
constexpr int kReply = 2;

struct Percentiles {
  double median_us;
  double p99_us;
};

Percentiles summarize(std::vector<double>& us) {
  std::sort(us.begin(), us.end());
  return {us[us.size() / 2], us[us.size() * 99 / 100]};
}

void report(const char* method, std::vector<double>& us) {
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  const Percentiles p = summarize(us);
  const double mine[2] = {p.median_us, p.p99_us};
  int size = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  std::vector<double> all(static_cast<std::size_t>(2 * size));
  MPI_Gather(mine, 2, MPI_DOUBLE, all.data(), 2, MPI_DOUBLE, 0, MPI_COMM_WORLD);
  if (rank != 0) return;
  for (int r = 0; r < size; ++r)
    std::printf("%-14s rank %d: median %.2f us, p99 %.2f us per grab\n", method, r,
                all[static_cast<std::size_t>(2 * r)], all[static_cast<std::size_t>(2 * r + 1)]);
}

std::vector<double> fetch_and_add(int grabs) {
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  std::int64_t* counter = nullptr;
  MPI_Win window;
  MPI_Win_allocate(rank == 0 ? sizeof(std::int64_t) : 0, sizeof(std::int64_t), MPI_INFO_NULL,
                   MPI_COMM_WORLD, &counter, &window);
  if (rank == 0) *counter = 0;
  MPI_Barrier(MPI_COMM_WORLD);
  MPI_Win_lock_all(MPI_MODE_NOCHECK, window);
  std::vector<double> us;
  const std::int64_t one = 1;
  for (int i = 0; i < grabs; ++i) {
    std::int64_t before = 0;
    const Clock::time_point t0 = Clock::now();
    MPI_Fetch_and_op(&one, &before, MPI_INT64_T, 0, 0, MPI_SUM, window);
    MPI_Win_flush(0, window);
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  MPI_Win_unlock_all(window);
  MPI_Barrier(MPI_COMM_WORLD);
  MPI_Win_free(&window);
  return us;
}

std::vector<double> request_reply(int grabs) {
  int rank = 0;
  int size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  std::thread server;
  if (rank == 0)
    server = std::thread([&] {
      std::int64_t next = 0;
      for (long served = 0; served < static_cast<long>(grabs) * size; ++served) {
        char byte = 0;
        MPI_Status status;
        MPI_Recv(&byte, 1, MPI_CHAR, MPI_ANY_SOURCE, kRequest, MPI_COMM_WORLD, &status);
        MPI_Send(&next, 1, MPI_INT64_T, status.MPI_SOURCE, kReply, MPI_COMM_WORLD);
        ++next;
      }
    });
  std::vector<double> us;
  for (int i = 0; i < grabs; ++i) {
    char byte = 0;
    std::int64_t number = 0;
    const Clock::time_point t0 = Clock::now();
    MPI_Send(&byte, 1, MPI_CHAR, 0, kRequest, MPI_COMM_WORLD);
    MPI_Recv(&number, 1, MPI_INT64_T, 0, kReply, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  if (server.joinable()) server.join();
  MPI_Barrier(MPI_COMM_WORLD);
  return us;
}
}  // namespace

int main(int argc, char** argv) {
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_MULTIPLE, &provided);
  const int grabs = argc > 1 ? std::atoi(argv[1]) : 20000;
  // Interleaved, twice each, so both see the same machine load.
  for (int round = 0; round < 2; ++round) {
    std::vector<double> a = fetch_and_add(grabs);
    report("fetch-and-add", a);
    std::vector<double> b = request_reply(grabs);
    report("request/reply", b);
  }
  MPI_Finalize();
  return 0;
}

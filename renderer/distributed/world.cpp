#include "distributed/world.h"

#include <cstdlib>
#include <limits>

#include "distributed/launcher.h"
#include "system/errors.h"

#ifdef RTCLI_WITH_MPI
#include <mpi.h>
#endif

namespace rtcli::distributed {

namespace {
bool g_active = false;
int g_rank = 0;
int g_size = 1;

#ifdef RTCLI_WITH_MPI
int checked_int(std::size_t n) {
  if (n > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw RunError("a message between ranks exceeds 2 GiB");
  return static_cast<int>(n);
}
#endif
}  // namespace

bool built_with_mpi() {
#ifdef RTCLI_WITH_MPI
  return true;
#else
  return false;
#endif
}

void start(int& argc, char**& argv) {
  const std::optional<LaunchedRank> launched = launched_rank_from_environment();
  if (!launched || launched->size == 1) return;  // a world of one needs no MPI
#ifdef RTCLI_WITH_MPI
  int provided = 0;
  if (MPI_Init_thread(&argc, &argv, MPI_THREAD_MULTIPLE, &provided) != MPI_SUCCESS)
    throw RunError("MPI could not start");
  MPI_Comm_rank(MPI_COMM_WORLD, &g_rank);
  MPI_Comm_size(MPI_COMM_WORLD, &g_size);
  g_active = true;
  // Rank workers take bands while rank 0's writer receives strips: both call MPI at once.
  if (provided < MPI_THREAD_MULTIPLE)
    throw RunError("this MPI library lacks MPI_THREAD_MULTIPLE, which rtcli needs");
#else
  (void)argc;
  (void)argv;
  throw RunError("started by an MPI launcher (" + launched->launcher +
                 "), but this rtcli was built without MPI (RTCLI_WITH_MPI, libopenmpi-dev)");
#endif
}

bool active() {
  return g_active;
}
int rank() {
  return g_rank;
}
int size() {
  return g_size;
}

void finish() {
#ifdef RTCLI_WITH_MPI
  if (g_active) MPI_Finalize();
#endif
  g_active = false;
}

void abort_job(int code) {
#ifdef RTCLI_WITH_MPI
  if (g_active) MPI_Abort(MPI_COMM_WORLD, code);
#endif
  std::_Exit(code);
}

void barrier() {
#ifdef RTCLI_WITH_MPI
  if (g_active) MPI_Barrier(MPI_COMM_WORLD);
#endif
}

std::vector<std::string> gather_to_root(const std::string& bytes) {
#ifdef RTCLI_WITH_MPI
  if (g_active) {
    int length = checked_int(bytes.size());
    std::vector<int> lengths(g_rank == 0 ? static_cast<std::size_t>(g_size) : 0);
    MPI_Gather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    std::vector<int> offsets(lengths.size());
    std::size_t total = 0;
    for (std::size_t r = 0; r < lengths.size(); ++r) {
      offsets[r] = checked_int(total);
      total += static_cast<std::size_t>(lengths[r]);
    }
    std::string all(total, '\0');
    MPI_Gatherv(bytes.data(), length, MPI_BYTE, all.data(), lengths.data(), offsets.data(),
                MPI_BYTE, 0, MPI_COMM_WORLD);
    std::vector<std::string> out;
    for (std::size_t r = 0; r < lengths.size(); ++r)
      out.push_back(
          all.substr(static_cast<std::size_t>(offsets[r]), static_cast<std::size_t>(lengths[r])));
    return out;
  }
#endif
  return {bytes};
}

std::vector<std::uint64_t> sum_over_ranks(const std::vector<std::uint64_t>& values) {
#ifdef RTCLI_WITH_MPI
  if (g_active) {
    std::vector<std::uint64_t> sums(values.size());
    MPI_Allreduce(values.data(), sums.data(), checked_int(values.size()), MPI_UINT64_T, MPI_SUM,
                  MPI_COMM_WORLD);
    return sums;
  }
#endif
  return values;
}

double max_over_ranks(double value) {
#ifdef RTCLI_WITH_MPI
  if (g_active) {
    double out = value;
    MPI_Allreduce(&value, &out, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    return out;
  }
#endif
  return value;
}

std::string broadcast_from_root(const std::string& bytes) {
#ifdef RTCLI_WITH_MPI
  if (g_active) {
    int length = checked_int(bytes.size());
    MPI_Bcast(&length, 1, MPI_INT, 0, MPI_COMM_WORLD);
    std::string out = g_rank == 0 ? bytes : std::string(static_cast<std::size_t>(length), '\0');
    MPI_Bcast(out.data(), length, MPI_BYTE, 0, MPI_COMM_WORLD);
    return out;
  }
#endif
  return bytes;
}

void sum_to_root(std::vector<float>& values) {
#ifdef RTCLI_WITH_MPI
  if (g_active) {
    const int count = checked_int(values.size());
    if (g_rank == 0)
      MPI_Reduce(MPI_IN_PLACE, values.data(), count, MPI_FLOAT, MPI_SUM, 0, MPI_COMM_WORLD);
    else
      MPI_Reduce(values.data(), nullptr, count, MPI_FLOAT, MPI_SUM, 0, MPI_COMM_WORLD);
  }
#else
  (void)values;
#endif
}

}  // namespace rtcli::distributed

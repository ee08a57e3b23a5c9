// The MPI backend (backend.h), built as librtcli_mpi.so: the only code that includes mpi.h.
#include <mpi.h>

#include <cstdlib>
#include <limits>

#include "distributed/backend.h"

namespace rtcli::distributed {
namespace {

// MPI counts are ints; larger messages are refused by aborting (they cannot occur for frames
// PNG allows, whose strips are a few hundred kB).
int checked_int(std::size_t n) {
  if (n > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    MPI_Abort(MPI_COMM_WORLD, 1);
    std::_Exit(1);
  }
  return static_cast<int>(n);
}

// Fetch-and-add on an int64 held by rank 0, passive target: rank 0 serves it without a call.
// A second int64 beside it is the published value.
class FetchAndAddCounter : public CounterWindow {
 public:
  FetchAndAddCounter() {
    int rank = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    const MPI_Aint bytes = rank == 0 ? 2 * sizeof(std::int64_t) : 0;
    MPI_Win_allocate(bytes, sizeof(std::int64_t), MPI_INFO_NULL, MPI_COMM_WORLD, &memory_,
                     &window_);
    if (rank == 0) {
      MPI_Win_lock(MPI_LOCK_EXCLUSIVE, 0, 0, window_);
      memory_[0] = 0;
      memory_[1] = 0;
      MPI_Win_unlock(0, window_);
    }
    MPI_Barrier(MPI_COMM_WORLD);  // nobody takes a number before it is 0
    MPI_Win_lock_all(MPI_MODE_NOCHECK, window_);
  }
  ~FetchAndAddCounter() override {
    MPI_Win_unlock_all(window_);
    MPI_Win_free(&window_);
  }
  std::int64_t take() override {
    const std::int64_t one = 1;
    std::int64_t before = 0;
    MPI_Fetch_and_op(&one, &before, MPI_INT64_T, 0, 0, MPI_SUM, window_);
    MPI_Win_flush(0, window_);
    return before;
  }
  void publish(std::int64_t value) override {
    std::int64_t before = 0;
    MPI_Fetch_and_op(&value, &before, MPI_INT64_T, 0, 1, MPI_REPLACE, window_);
    MPI_Win_flush(0, window_);
  }
  std::int64_t published() override {
    std::int64_t value = 0;
    MPI_Fetch_and_op(nullptr, &value, MPI_INT64_T, 0, 1, MPI_NO_OP, window_);
    MPI_Win_flush(0, window_);
    return value;
  }

 private:
  MPI_Win window_ = MPI_WIN_NULL;
  std::int64_t* memory_ = nullptr;
};

class MpiBackend : public Backend {
 public:
  std::string start(int& argc, char**& argv, int& rank, int& size) override {
    int provided = 0;
    if (MPI_Init_thread(&argc, &argv, MPI_THREAD_MULTIPLE, &provided) != MPI_SUCCESS)
      return "MPI could not start";
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    // Workers take bands while another thread gathers results: both call MPI at once.
    if (provided < MPI_THREAD_MULTIPLE)
      return "this MPI library lacks MPI_THREAD_MULTIPLE, which rtcli needs";
    return {};
  }
  void finish() override { MPI_Finalize(); }
  [[noreturn]] void abort_job(int code) override {
    MPI_Abort(MPI_COMM_WORLD, code);
    std::_Exit(code);
  }
  void barrier() override { MPI_Barrier(MPI_COMM_WORLD); }

  std::vector<std::string> gather_to_root(const std::string& bytes) override {
    int rank = 0;
    int size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int length = checked_int(bytes.size());
    std::vector<int> lengths(rank == 0 ? static_cast<std::size_t>(size) : 0);
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

  std::vector<std::uint64_t> sum_over_ranks(const std::vector<std::uint64_t>& values) override {
    std::vector<std::uint64_t> sums(values.size());
    MPI_Allreduce(values.data(), sums.data(), checked_int(values.size()), MPI_UINT64_T, MPI_SUM,
                  MPI_COMM_WORLD);
    return sums;
  }

  double max_over_ranks(double value) override {
    double out = value;
    MPI_Allreduce(&value, &out, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    return out;
  }

  std::string broadcast_from_root(const std::string& bytes) override {
    int rank = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    int length = checked_int(bytes.size());
    MPI_Bcast(&length, 1, MPI_INT, 0, MPI_COMM_WORLD);
    std::string out = rank == 0 ? bytes : std::string(static_cast<std::size_t>(length), '\0');
    MPI_Bcast(out.data(), length, MPI_BYTE, 0, MPI_COMM_WORLD);
    return out;
  }

  void sum_to_root(std::vector<float>& values) override {
    int rank = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    const int count = checked_int(values.size());
    if (rank == 0)
      MPI_Reduce(MPI_IN_PLACE, values.data(), count, MPI_FLOAT, MPI_SUM, 0, MPI_COMM_WORLD);
    else
      MPI_Reduce(values.data(), nullptr, count, MPI_FLOAT, MPI_SUM, 0, MPI_COMM_WORLD);
  }

  std::unique_ptr<CounterWindow> make_counter() override {
    return std::make_unique<FetchAndAddCounter>();
  }

  void send_to_root(int tag, const std::string& bytes) override {
    MPI_Send(bytes.data(), checked_int(bytes.size()), MPI_BYTE, 0, tag, MPI_COMM_WORLD);
  }

  bool try_receive(int tag, std::string& bytes, int& from) override {
    int arrived = 0;
    MPI_Message message;
    MPI_Status status;
    MPI_Improbe(MPI_ANY_SOURCE, tag, MPI_COMM_WORLD, &arrived, &message, &status);
    if (!arrived) return false;
    int length = 0;
    MPI_Get_count(&status, MPI_BYTE, &length);
    bytes.resize(static_cast<std::size_t>(length));
    MPI_Mrecv(bytes.data(), length, MPI_BYTE, &message, &status);
    from = status.MPI_SOURCE;
    return true;
  }
};

}  // namespace
}  // namespace rtcli::distributed

extern "C" __attribute__((visibility("default"))) rtcli::distributed::Backend* rtcli_mpi_backend() {
  static rtcli::distributed::MpiBackend backend;
  return &backend;
}

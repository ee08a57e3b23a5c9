// What world.h and shared_counter.h need from MPI, as an interface. Its one implementation,
// mpi/mpi_backend.cpp, is a separate shared module (librtcli_mpi.so) that rtcli loads only when
// a launcher started it: a plain rtcli neither maps libmpi nor pays for its start-up.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rtcli::distributed {

// Two numbers held by rank 0 (shared_counter.h): a counter every rank takes from, and a
// value rank 0 publishes for the others to read.
class CounterWindow {
 public:
  virtual ~CounterWindow() = default;
  virtual std::int64_t take() = 0;
  virtual void publish(std::int64_t value) = 0;  // rank 0 only
  virtual std::int64_t published() = 0;
};

// Methods report failure by their return value, not by exceptions across the module boundary.
class Backend {
 public:
  virtual ~Backend() = default;
  // An empty string on success, else why MPI could not start.
  virtual std::string start(int& argc, char**& argv, int& rank, int& size) = 0;
  virtual void finish() = 0;
  [[noreturn]] virtual void abort_job(int code) = 0;
  virtual void barrier() = 0;
  // Rank 0's result holds every rank's bytes; other ranks' is empty.
  virtual std::vector<std::string> gather_to_root(const std::string& bytes) = 0;
  virtual std::vector<std::uint64_t> sum_over_ranks(const std::vector<std::uint64_t>& values) = 0;
  virtual double max_over_ranks(double value) = 0;
  virtual std::string broadcast_from_root(const std::string& bytes) = 0;
  virtual void sum_to_root(std::vector<float>& values) = 0;
  // Collective.
  virtual std::unique_ptr<CounterWindow> make_counter() = 0;
  // Point to point, to rank 0: a message with `tag`; and on rank 0, the next such message
  // from any rank if one has arrived (without waiting), its sender in `from`.
  virtual void send_to_root(int tag, const std::string& bytes) = 0;
  virtual bool try_receive(int tag, std::string& bytes, int& from) = 0;
};

// The module's one exported symbol: a Backend that lives as long as the process.
extern "C" using BackendEntry = Backend * (*)();
inline constexpr const char* kBackendEntryName = "rtcli_mpi_backend";

}  // namespace rtcli::distributed

#include "distributed/world.h"

#include <dlfcn.h>
#include <unistd.h>

#include "distributed/backend.h"
#include "distributed/launcher.h"
#include "system/errors.h"
#include "system/loadable_module.h"

namespace rtcli::distributed {

namespace {
Backend* g_backend = nullptr;  // set while MPI runs
int g_rank = 0;
int g_size = 1;

// librtcli_mpi.so beside the executable (the build folder), else where cmake --install puts it.
Backend* load_backend() {
#ifdef RTCLI_MPI_MODULE
  std::string why;
  // Global: OpenMPI's own plugins, loaded later, need libmpi's symbols.
  if (void* entry = load_module_entry(RTCLI_MPI_MODULE, RTCLI_MPI_MODULE_INSTALLED,
                                      kBackendEntryName, RTLD_NOW | RTLD_GLOBAL, why))
    return reinterpret_cast<BackendEntry>(entry)();
  throw RunError("started by an MPI launcher, but MPI support could not be loaded: " + why);
#else
  throw RunError(
      "started by an MPI launcher, but this rtcli was built without MPI (RTCLI_WITH_MPI, "
      "libopenmpi-dev)");
#endif
}
}  // namespace

bool built_with_mpi() {
#ifdef RTCLI_MPI_MODULE
  return true;
#else
  return false;
#endif
}

void start(int& argc, char**& argv) {
  const std::optional<LaunchedRank> launched = launched_rank_from_environment();
  if (!launched || launched->size == 1) return;  // a world of one needs no MPI
  Backend* backend = load_backend();
  const std::string error = backend->start(argc, argv, g_rank, g_size);
  g_backend = backend;  // MPI_Init ran: from here on MPI must be ended (finish or abort)
  if (!error.empty()) throw RunError(error);
}

bool active() {
  return g_backend != nullptr;
}
int rank() {
  return g_rank;
}
int size() {
  return g_size;
}

void finish() {
  if (g_backend) g_backend->finish();
  g_backend = nullptr;
}

void abort_job(int code) {
  if (g_backend) g_backend->abort_job(code);
  std::_Exit(code);
}

void barrier() {
  if (g_backend) g_backend->barrier();
}

std::vector<std::string> gather_to_root(const std::string& bytes) {
  return g_backend ? g_backend->gather_to_root(bytes) : std::vector<std::string>{bytes};
}

std::vector<std::uint64_t> sum_over_ranks(const std::vector<std::uint64_t>& values) {
  return g_backend ? g_backend->sum_over_ranks(values) : values;
}

double max_over_ranks(double value) {
  return g_backend ? g_backend->max_over_ranks(value) : value;
}

std::string broadcast_from_root(const std::string& bytes) {
  return g_backend ? g_backend->broadcast_from_root(bytes) : bytes;
}

void sum_to_root(std::vector<float>& values) {
  if (g_backend) g_backend->sum_to_root(values);
}

void send_to_root(int tag, const std::string& bytes) {
  if (g_backend) g_backend->send_to_root(tag, bytes);
}

bool try_receive(int tag, std::string& bytes, int& from) {
  return g_backend && g_backend->try_receive(tag, bytes, from);
}

std::unique_ptr<CounterWindow> make_counter_window() {
  return g_backend ? g_backend->make_counter() : nullptr;
}

}  // namespace rtcli::distributed

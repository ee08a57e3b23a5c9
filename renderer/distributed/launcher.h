// Whether an MPI launcher (mpirun, mpiexec, srun) started this process, read from the
// environment alone, so a plain `rtcli` never starts MPI and never pays for it.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace rtcli::distributed {

// Reads one environment variable; nothing when it is unset.
using EnvironmentLookup = std::function<std::optional<std::string>(const char* name)>;

struct LaunchedRank {
  std::string launcher;  // "openmpi", "pmix", "pmi" or "slurm"
  int rank = 0;
  int size = 1;
};

// The launcher's rank and size when one of them set its variables: OpenMPI's
// OMPI_COMM_WORLD_RANK/SIZE, PMIx's PMIX_RANK (size unknown, 0), Hydra/PMI's PMI_RANK/PMI_SIZE,
// Slurm's SLURM_PROCID/SLURM_NTASKS (srun sets them; a batch script alone sets only the job's
// SLURM_NTASKS, so SLURM_PROCID is required). Malformed numbers count as absent.
std::optional<LaunchedRank> launched_rank(const EnvironmentLookup& lookup);

// The same, from this process's environment.
std::optional<LaunchedRank> launched_rank_from_environment();

}  // namespace rtcli::distributed

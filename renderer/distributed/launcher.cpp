#include "distributed/launcher.h"

#include <charconv>
#include <cstdlib>

namespace rtcli::distributed {

namespace {
std::optional<int> number(const EnvironmentLookup& lookup, const char* name) {
  const std::optional<std::string> text = lookup(name);
  if (!text || text->empty()) return std::nullopt;
  int value = 0;
  const char* end = text->data() + text->size();
  const auto [stop, error] = std::from_chars(text->data(), end, value);
  if (error != std::errc() || stop != end || value < 0) return std::nullopt;
  return value;
}

std::optional<LaunchedRank> pair(const EnvironmentLookup& lookup, const char* launcher,
                                 const char* rank_name, const char* size_name) {
  const std::optional<int> rank = number(lookup, rank_name);
  if (!rank) return std::nullopt;
  const int size = size_name ? number(lookup, size_name).value_or(0) : 0;
  return LaunchedRank{launcher, *rank, size};
}
}  // namespace

std::optional<LaunchedRank> launched_rank(const EnvironmentLookup& lookup) {
  if (auto r = pair(lookup, "openmpi", "OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE")) return r;
  if (auto r = pair(lookup, "pmi", "PMI_RANK", "PMI_SIZE")) return r;
  if (auto r = pair(lookup, "pmix", "PMIX_RANK", nullptr)) return r;
  if (auto r = pair(lookup, "slurm", "SLURM_PROCID", "SLURM_NTASKS")) return r;
  return std::nullopt;
}

std::optional<LaunchedRank> launched_rank_from_environment() {
  return launched_rank([](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (!value) return std::nullopt;
    return std::string(value);
  });
}

}  // namespace rtcli::distributed

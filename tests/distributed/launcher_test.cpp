#include "distributed/launcher.h"

#include <gtest/gtest.h>

#include <map>

#include "distributed/world.h"

namespace rtcli::distributed {
namespace {

EnvironmentLookup fake(std::map<std::string, std::string> variables) {
  return [variables](const char* name) -> std::optional<std::string> {
    const auto found = variables.find(name);
    if (found == variables.end()) return std::nullopt;
    return found->second;
  };
}

TEST(Launcher, NoLauncherVariablesMeansNoMpi) {
  EXPECT_FALSE(launched_rank(fake({})));
  EXPECT_FALSE(launched_rank(fake({{"SLURM_NTASKS", "4"}, {"PATH", "/bin"}})));
}

TEST(Launcher, ReadsEachLaunchersRankAndSize) {
  const auto openmpi =
      launched_rank(fake({{"OMPI_COMM_WORLD_RANK", "2"}, {"OMPI_COMM_WORLD_SIZE", "3"}}));
  ASSERT_TRUE(openmpi);
  EXPECT_EQ(openmpi->launcher, "openmpi");
  EXPECT_EQ(openmpi->rank, 2);
  EXPECT_EQ(openmpi->size, 3);
  const auto slurm = launched_rank(fake({{"SLURM_PROCID", "5"}, {"SLURM_NTASKS", "8"}}));
  ASSERT_TRUE(slurm);
  EXPECT_EQ(slurm->launcher, "slurm");
  EXPECT_EQ(slurm->rank, 5);
  EXPECT_EQ(slurm->size, 8);
  const auto pmi = launched_rank(fake({{"PMI_RANK", "0"}, {"PMI_SIZE", "2"}}));
  ASSERT_TRUE(pmi);
  EXPECT_EQ(pmi->launcher, "pmi");
  EXPECT_EQ(pmi->size, 2);
  const auto pmix = launched_rank(fake({{"PMIX_RANK", "1"}}));
  ASSERT_TRUE(pmix);
  EXPECT_EQ(pmix->launcher, "pmix");
  EXPECT_EQ(pmix->size, 0);  // unknown until MPI starts
}

TEST(Launcher, MalformedNumbersCountAsAbsent) {
  EXPECT_FALSE(launched_rank(fake({{"OMPI_COMM_WORLD_RANK", "one"}})));
  EXPECT_FALSE(launched_rank(fake({{"PMI_RANK", "-1"}})));
  EXPECT_FALSE(launched_rank(fake({{"SLURM_PROCID", "3x"}})));
  EXPECT_FALSE(launched_rank(fake({{"PMIX_RANK", ""}})));
}

TEST(World, WithoutLauncherIsAWorldOfOneThatNeverStartsMpi) {
  // The test binary is never started by a launcher: every call acts on one rank, locally.
  EXPECT_FALSE(active());
  EXPECT_EQ(rank(), 0);
  EXPECT_EQ(size(), 1);
  EXPECT_EQ(gather_to_root("abc"), std::vector<std::string>{"abc"});
  EXPECT_EQ(broadcast_from_root("xy"), "xy");
  EXPECT_EQ(sum_over_ranks({1, 2}), (std::vector<std::uint64_t>{1, 2}));
  EXPECT_EQ(max_over_ranks(2.5), 2.5);
}

}  // namespace
}  // namespace rtcli::distributed

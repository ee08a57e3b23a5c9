// The ranks of an MPI job, or a world of one rank when no launcher started rtcli.
//
// Everything MPI goes through this folder, so no other code includes mpi.h. start() starts
// MPI only when launcher.h finds a launcher's variables (and more than one rank); otherwise
// every call below acts on a world of one, without touching MPI, as a build without MPI does.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rtcli::distributed {

// Whether this build has MPI support (RTCLI_WITH_MPI and an MPI library found).
bool built_with_mpi();

// Call once in main, after interrupt::install() (MPI's threads then inherit its signal mask).
// Starts MPI (MPI_THREAD_MULTIPLE) when launched by mpirun/srun with more than one rank.
// Throws RunError when a launcher started us but this build has no MPI or MPI cannot start.
void start(int& argc, char**& argv);

// True between start() and finish() when MPI runs.
bool active();
int rank();  // 0 when not active
int size();  // 1 when not active

// Ends MPI after a run every rank finished (or failed alike, e.g. a usage error).
void finish();

// Ends the whole job at once with `code` (MPI_Abort): for a failure on one rank that the
// others cannot know of. Without MPI, exits the process.
[[noreturn]] void abort_job(int code);

// Blocks until every rank arrives.
void barrier();

// Rank 0 receives every rank's bytes, in rank order; other ranks receive nothing.
std::vector<std::string> gather_to_root(const std::string& bytes);

// Sums of `values` over the ranks, on every rank (all ranks pass the same length).
std::vector<std::uint64_t> sum_over_ranks(const std::vector<std::uint64_t>& values);
double max_over_ranks(double value);

// Point to point, to rank 0: sends `bytes` tagged `tag` (blocking until MPI has taken them).
void send_to_root(int tag, const std::string& bytes);
// On rank 0: the next message tagged `tag` from any rank, if one has arrived; never waits.
bool try_receive(int tag, std::string& bytes, int& from);

// Rank 0's bytes, on every rank.
std::string broadcast_from_root(const std::string& bytes);

// Sums of `values` over the ranks, in place on rank 0 (all ranks pass the same length). For
// arrays whose every element is non-zero on at most one rank, the sum is exact.
void sum_to_root(std::vector<float>& values);

}  // namespace rtcli::distributed

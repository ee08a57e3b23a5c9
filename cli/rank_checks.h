// Checks of the command line that look at rank 0's files, agreed on by every MPI rank.
#pragma once

#include <functional>

namespace rtcli::cli {

// Runs `check` on rank 0 (the rank that writes the outputs) and tells every rank the outcome:
// a UsageError it throws is thrown on every rank, so each exits 2 and rank 0 alone prints it.
// Without MPI it simply runs `check`.
void on_rank_0_for_all(const std::function<void()>& check);

}  // namespace rtcli::cli

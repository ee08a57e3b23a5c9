// Counts in messages: "1 band", "3 bands", never "1 bands".
#pragma once

#include <string>
#include <string_view>

namespace rtcli {

// `count` and its noun, singular for exactly 1. `plural` is for nouns that do not take an "s"
// ("1 repetition", but "2 MPI ranks" needs no help); empty means `singular` + "s".
std::string count_of(long long count, std::string_view singular, std::string_view plural = {});

}  // namespace rtcli

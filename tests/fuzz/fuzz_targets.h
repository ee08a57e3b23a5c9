// What each fuzz harness does with one input, shared by the libFuzzer harnesses (the
// sanitizer build) and fuzz_corpus_test.cpp, which replays every seed and every past crash in
// every build. An input may be rejected with UsageError or RunError; anything else escaping,
// a crash, or a broken invariant (std::logic_error) is a finding.
#pragma once

#include <string_view>

namespace rtcli::fuzz {

// Scene JSON loader: parse_scene on the whole input, then shading an 8x6 frame of any scene
// that loads.
void scene(std::string_view input);

// --size and --tile: parse_dimensions on the whole input.
void dimensions(std::string_view input);

// --checkpoints: the first 5 bytes choose the frame size and the step, the rest is the list,
// parsed and then resolved for that frame.
void checkpoints(std::string_view input);

}  // namespace rtcli::fuzz

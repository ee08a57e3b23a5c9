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
// parsed and then resolved for that frame, and the render's output names checked.
void checkpoints(std::string_view input);

// Output paths: the input is a path inside a private folder holding a file, a folder, a FIFO
// and links to each (and to nothing); check_output_file must accept only a regular file or
// nothing, and never change the folder. Also the escaping of error lines (printable).
void output_paths(std::string_view input);

}  // namespace rtcli::fuzz

// Progress checkpoints: which prefixes of the frame, in scan order, are saved as images.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rtcli {

// One item of --checkpoints: "3000" (step), "250r" (rows) or "25%" (share of the pixels).
struct CheckpointSpec {
  enum class Kind { kStep, kRows, kPercent };
  Kind kind = Kind::kStep;
  double value = 0;  // step or row count (whole), or percent in [0, 100]
  std::string text;  // as the user wrote it
};

// A resolved checkpoint: the file stem and how many pixels, in scan order, it shows.
struct Checkpoint {
  std::string name;
  std::size_t pixels = 0;
};

// Parses a comma-separated list; an empty list means no checkpoints. Throws UsageError.
std::vector<CheckpointSpec> parse_checkpoints(std::string_view list);

// The seed's frames: steps 0, 1000, 2000 and 3000 of 200 pixels.
std::vector<CheckpointSpec> default_checkpoints();

// The files a render writes into its folder: "<name>.png" for each checkpoint, "final.png".
std::vector<std::string> output_file_names(const std::vector<Checkpoint>& checkpoints);

// Turns specs into pixel counts for a frame, clamping past the end. Throws UsageError when the
// points are not strictly increasing.
std::vector<Checkpoint> resolve_checkpoints(const std::vector<CheckpointSpec>& specs, int width,
                                            int height, std::size_t step_pixels);

}  // namespace rtcli

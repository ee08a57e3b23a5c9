// `rtcli render`: flags in, one call to render_to_directory, a summary line out.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace rtcli::cli {

// The flags as typed; values are parsed and checked when the command runs.
struct RenderFlags {
  std::string out;                               // --out DIR
  std::string size = "800x600";                  // --size WxH
  std::string tile = "4096x16";                  // --tile WxH
  std::string threads;                           // --threads N (empty: all cores)
  std::string checkpoints = "0,1000,2000,3000";  // --checkpoints LIST
  std::string step = "200";                      // --step N, pixels per step
  std::string scene;                             // --scene FILE (empty: the seed scene)
  std::string accel = "auto";                    // --accel auto|bvh|none: sphere hierarchies
  bool quiet = false;                            // --quiet
};

CLI::App* add_render_command(CLI::App& app, RenderFlags& flags);

// Returns the exit code; errors escape as UsageError or RunError.
int run_render(const RenderFlags& flags);

}  // namespace rtcli::cli

// `rtcli render`: flags in, one call to render_to_directory, a summary line out.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace rtcli::cli {

// The flags as typed; values are parsed and checked when the command runs. Names, help and
// defaults: flag_table.cpp.
struct RenderFlags {
  std::string out;          // --out DIR
  std::string trace;        // --trace FILE (empty: none)
  std::string size;         // --size WxH
  std::string tile;         // --tile WxH
  std::string threads;      // --threads N (empty: all cores)
  std::string checkpoints;  // --checkpoints LIST
  std::string step;         // --step N, pixels per step
  std::string scene;        // --scene FILE (empty: the seed scene)
  std::string accel;        // --accel auto|bvh|none: sphere hierarchies
  bool quiet = false;       // --quiet
  std::string view;         // --view: off, "" or window, terminal
  bool view_tint = false;   // --view-tint: bands coloured by their worker
  bool view_close = false;  // --view-close: the window goes when the render is done
};

CLI::App* add_render_command(CLI::App& app, RenderFlags& flags);

// Returns the exit code; errors escape as UsageError or RunError.
int run_render(const RenderFlags& flags);

}  // namespace rtcli::cli

// rtcli's own shared modules (librtcli_mpi.so, librtcli_sdl.so), loaded only when a run needs
// them, so that a plain render neither maps their libraries nor pays for loading them.
#pragma once

#include <string>

namespace rtcli {

// The entry point `entry` of the module `file` beside the executable (the build folder), else of
// `installed` (relative to the executable's folder, where cmake --install puts it). `flags`:
// dlopen's. nullptr when neither loads, with the reason in `why`.
void* load_module_entry(const std::string& file, const std::string& installed, const char* entry,
                        int flags, std::string& why);

}  // namespace rtcli

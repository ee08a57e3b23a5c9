// What an output path may name, and which file it names: the rules rtcli applies to every
// file it writes (render's PNGs, bench's report, trace and map).
#pragma once

#include <filesystem>
#include <string>

namespace rtcli {

// Throws UsageError, starting with `name`, unless a file written at `path` may be replaced:
// nothing is there yet, or a regular file is (directly or through symbolic links). Devices,
// FIFOs, sockets and folders are never replaced, and a link to nothing is refused. Also
// refuses a file name too long for the file system once the writer's temporary prefix and
// suffix are added.
void check_replaceable(const std::filesystem::path& path, const std::string& name);

// The path a finished file is renamed over: `path` itself, or for a symbolic link the file it
// finally names, so that the link stays and the file it points to is replaced.
std::filesystem::path rename_target(const std::filesystem::path& path);

// True if `a` and `b` name one file: the same device and inode when both exist, else the same
// path once symbolic links in them are resolved ("y/a.json" and "ylink/a.json" with ylink -> y).
bool same_output_file(const std::filesystem::path& a, const std::filesystem::path& b);

// Bytes the writer adds to a file name for its temporary: "." before, ".tmp-XXXXXX" after.
inline constexpr std::size_t kTemporaryNameExtra = 12;

}  // namespace rtcli

// Pixel memory for frames. First-touch page faults of 4 KiB pages cost more than rendering a
// large frame (measured here: 117 ms of CPU for 36 MB against 12 ms to render 4000x3000), and
// they serialise the workers in the kernel; 2 MiB transparent huge pages cut that to 2.5 ms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace rtcli {

struct FrameMemoryRelease {
  std::size_t mapped_bytes = 0;  // 0: allocated with new[]
  bool borrowed = false;         // the caller's memory (a numpy array): not ours to free
  void operator()(std::uint8_t* p) const;
};

using FrameMemory = std::unique_ptr<std::uint8_t[], FrameMemoryRelease>;

// At least `bytes` of uninitialised memory. From 2 MiB up, on Linux, a 2 MiB-aligned private
// mapping advised for huge pages (MADV_HUGEPAGE; a no-op where THP is off); else new[].
FrameMemory allocate_frame_memory(std::size_t bytes);

}  // namespace rtcli

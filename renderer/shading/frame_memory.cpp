#include "shading/frame_memory.h"

#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace rtcli {

namespace {
constexpr std::size_t kHugePage = std::size_t{2} << 20;
}  // namespace

void FrameMemoryRelease::operator()(std::uint8_t* p) const {
  if (borrowed) return;
#if defined(__linux__)
  if (mapped_bytes != 0) {
    munmap(p, mapped_bytes);
    return;
  }
#endif
  delete[] p;
}

FrameMemory allocate_frame_memory(std::size_t bytes) {
#if defined(__linux__)
  if (bytes >= kHugePage) {
    const std::size_t size = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    // Over-map by one huge page so that an aligned start exists, then return the slack.
    void* raw =
        mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    const auto start = reinterpret_cast<std::uintptr_t>(raw);
    const std::uintptr_t aligned = (start + kHugePage - 1) / kHugePage * kHugePage;
    if (aligned > start) munmap(raw, aligned - start);
    if (const std::size_t tail = start + size + kHugePage - (aligned + size); tail > 0)
      munmap(reinterpret_cast<void*>(aligned + size), tail);
    auto* p = reinterpret_cast<std::uint8_t*>(aligned);
    madvise(p, size, MADV_HUGEPAGE);  // advice only: failure leaves ordinary pages
    return FrameMemory(p, FrameMemoryRelease{size});
  }
#endif
  return FrameMemory(new std::uint8_t[bytes], FrameMemoryRelease{});
}

}  // namespace rtcli

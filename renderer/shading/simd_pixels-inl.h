// Per-instruction-set helpers the SIMD kernels share: the seed's dot product, the finish of
// shade.cpp's channel(), and the write of packed colours as RGB bytes. Included by each
// kernel's per-target body (Highway's -inl.h pattern: once per target, hence the toggle).
#if defined(RTCLI_SHADING_SIMD_PIXELS_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef RTCLI_SHADING_SIMD_PIXELS_INL_H_
#undef RTCLI_SHADING_SIMD_PIXELS_INL_H_
#else
#define RTCLI_SHADING_SIMD_PIXELS_INL_H_
#endif

#include <hwy/highway.h>

#include <bit>
#include <cstdint>
#include <cstring>

HWY_BEFORE_NAMESPACE();
namespace rtcli {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// (ax*bx + ay*by) + az*bz: dot() in vec3.h, unfused.
template <class V>
HWY_INLINE V Dot(V ax, V ay, V az, V bx, V by, V bz) {
  return hn::Add(hn::Add(hn::Mul(ax, bx), hn::Mul(ay, by)), hn::Mul(az, bz));
}

// The finish of channel() in shade.cpp, given lit = trunc(intensity * surface):
// clamp(max(lit, floor), 0, 255), with std::max and std::clamp's comparisons.
template <class D, class V = hn::Vec<D>>
HWY_INLINE V FinishChannel(D d, V lit, V floor) {
  const V m = hn::IfThenElse(hn::Lt(lit, floor), floor, lit);  // std::max(lit, floor)
  const V lo = hn::Zero(d);
  const V hi = hn::Set(d, 255.0);
  return hn::IfThenElse(hn::Lt(m, lo), lo, hn::IfThenElse(hn::Lt(hi, m), hi, m));
}

// Writes `lanes` packed colours (r + 256*g + 65536*b) as RGB bytes. `room` says whether the
// byte after the last pixel belongs to a pixel of this tile row that is written later, so
// that every pixel can take one 4-byte store.
template <int kLanes>
HWY_INLINE void WritePixels(const std::int32_t* packed, int lanes, bool room, std::uint8_t* out) {
  if constexpr (std::endian::native == std::endian::little) {
    if (lanes == kLanes && room) {  // the common case, unrolled
      for (int i = 0; i < kLanes; ++i) std::memcpy(out + 3 * i, packed + i, 4);
      return;
    }
    const int wide = room ? lanes : lanes - 1;
    for (int i = 0; i < wide; ++i) std::memcpy(out + 3 * i, packed + i, 4);
    if (!room) std::memcpy(out + 3 * wide, packed + wide, 3);
  } else {
    for (int i = 0; i < lanes; ++i) {
      out[3 * i] = static_cast<std::uint8_t>(packed[i] & 0xff);
      out[3 * i + 1] = static_cast<std::uint8_t>((packed[i] >> 8) & 0xff);
      out[3 * i + 2] = static_cast<std::uint8_t>(packed[i] >> 16);
    }
  }
}

}  // namespace HWY_NAMESPACE
}  // namespace rtcli
HWY_AFTER_NAMESPACE();

#endif  // RTCLI_SHADING_SIMD_PIXELS_INL_H_ toggle

// Per-instruction-set helpers the SIMD kernels share: the seed's dot product, shade.cpp's
// channel() and the packing of a colour, and the writing of a tile row as RGB bytes. Included by
// each kernel's per-target body (Highway's -inl.h pattern: once per target, hence the toggle).
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

#include "shading/background_fill.h"
#include "shading/simd_lanes-inl.h"

HWY_BEFORE_NAMESPACE();
namespace rtcli {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// (ax*bx + ay*by) + az*bz: dot() in vec3.h, unfused.
HWY_INLINE V Dot(V ax, V ay, V az, V bx, V by, V bz) {
  return hn::Add(hn::Add(hn::Mul(ax, bx), hn::Mul(ay, by)), hn::Mul(az, bz));
}

// channel() in shade.cpp: clamp(max(trunc(intensity * surface), floor), 0, 255), with std::max
// and std::clamp's comparisons.
HWY_INLINE V LitChannel(D d, V intensity, V surface, V floor) {
  const V lit = hn::Trunc(hn::Mul(intensity, surface));
  const V m = hn::IfThenElse(hn::Lt(lit, floor), floor, lit);  // std::max(lit, floor)
  const V lo = hn::Zero(d);
  const V hi = hn::Set(d, 255.0);
  return hn::IfThenElse(hn::Lt(m, lo), lo, hn::IfThenElse(hn::Lt(hi, m), hi, m));
}

// A colour packed as r + 256*g + 65536*b, as the kernels carry it to WritePixels.
HWY_INLINE V PackRgb(D d, V r, V g, V b) {
  return hn::Add(hn::Add(r, hn::Mul(g, hn::Set(d, 256.0))), hn::Mul(b, hn::Set(d, 65536.0)));
}

HWY_INLINE V PackRgb(D d, Rgb8 c) {
  return hn::Set(d, c.r + 256.0 * c.g + 65536.0 * c.b);
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

// One row of a tile, written left to right: vectors of packed colours where spheres are hit,
// the background before, between and after them.
class RowWriter {
 public:
  RowWriter(const BackgroundFill& fill, std::uint8_t* row, int x0, int x1)
      : fill_(fill), row_(row), from_(x0), x1_(x1) {}

  int end() const { return x1_; }

  // The colours of `lanes` pixels from column x on, where `hit`, else `background`; the pixels
  // from the last ones written up to x become background. kLanes: the most lanes a call takes.
  template <int kLanes>
  void Write(int x, int lanes, V colour, M hit, V background) {
    HWY_ALIGN std::int32_t packed[kLanes];
    const D32 d32;
    hn::Store(hn::DemoteTo(d32, hn::IfThenElse(hit, colour, background)), d32, packed);
    Write<kLanes>(packed, x, lanes);
  }

  template <int kLanes>
  void Write(const std::int32_t* packed, int x, int lanes) {
    fill_(row_ + 3 * from_, x - from_);
    WritePixels<kLanes>(packed, lanes, x + lanes < x1_, row_ + 3 * x);
    from_ = x + lanes;
  }

  // The background from the last pixels written to the end of the row.
  void Finish() { fill_(row_ + 3 * from_, x1_ - from_); }

 private:
  const BackgroundFill& fill_;
  std::uint8_t* row_;
  int from_;  // start of the pending run of background pixels
  int x1_;
};

}  // namespace HWY_NAMESPACE
}  // namespace rtcli
HWY_AFTER_NAMESPACE();

#endif  // RTCLI_SHADING_SIMD_PIXELS_INL_H_ toggle

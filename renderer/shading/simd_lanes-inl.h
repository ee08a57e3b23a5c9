// The lane types every SIMD kernel works in, per instruction set: lanes are doubles, one pixel
// each. Included by each kernel's per-target body (Highway's -inl.h pattern: once per target,
// hence the toggle).
#if defined(RTCLI_SHADING_SIMD_LANES_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef RTCLI_SHADING_SIMD_LANES_INL_H_
#undef RTCLI_SHADING_SIMD_LANES_INL_H_
#else
#define RTCLI_SHADING_SIMD_LANES_INL_H_
#endif

#include <hwy/highway.h>

#include <cstddef>
#include <cstdint>
#include <limits>

HWY_BEFORE_NAMESPACE();
namespace rtcli {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

using D = hn::ScalableTag<double>;
using V = hn::Vec<D>;
using M = hn::Mask<D>;
using DI = hn::RebindToSigned<D>;  // sphere indices, one per lane
using VI = hn::Vec<DI>;
using D32 = hn::Rebind<std::int32_t, D>;  // packed colours, one per lane
// The most lanes any vector of this target holds: the size of per-vector buffers.
constexpr std::size_t kMaxLanes = HWY_MAX_BYTES / sizeof(double);

// One point (or direction) per lane.
struct Point {
  V x, y, z;
};

// The nearest hit of each lane's screen ray, as nearest_hit() finds it.
struct Nearest {
  V t;
  VI sphere;  // -1 where nothing is hit
  M hit;
};

HWY_INLINE Nearest NoHit(D d) {
  return {hn::Set(d, std::numeric_limits<double>::infinity()), hn::Set(DI(), -1), hn::FirstN(d, 0)};
}

}  // namespace HWY_NAMESPACE
}  // namespace rtcli
HWY_AFTER_NAMESPACE();

#endif  // RTCLI_SHADING_SIMD_LANES_INL_H_ toggle

// Vec3: the seed's vector maths in IEEE double, with its exact operation order.
#pragma once

#include <cmath>

namespace rtcli {

struct Vec3 {
  double x = 0.0;
  double y = 0.0;
  double z = 0.0;
  friend bool operator==(Vec3, Vec3) = default;  // IEEE ==: 0.0 equals -0.0, NaN nothing
};

inline Vec3 operator+(Vec3 a, Vec3 b) {
  return {a.x + b.x, a.y + b.y, a.z + b.z};
}
inline Vec3 operator-(Vec3 a, Vec3 b) {
  return {a.x - b.x, a.y - b.y, a.z - b.z};
}
inline Vec3 operator*(Vec3 a, double s) {
  return {a.x * s, a.y * s, a.z * s};
}

// Left to right, as the seed sums it: (x*x' + y*y') + z*z'.
inline double dot(Vec3 a, Vec3 b) {
  return (a.x * b.x + a.y * b.y) + a.z * b.z;
}

// Scaled by the reciprocal of the length, not divided: the seed's order.
inline Vec3 normalise(Vec3 a) {
  return a * (1.0 / std::sqrt(dot(a, a)));
}

}  // namespace rtcli

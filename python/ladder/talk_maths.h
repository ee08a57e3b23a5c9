// The talk's Vec, Sphere and Line arithmetic for the C++ rungs of the binding ladder, in IEEE
// double with the seed's order of operations (the build never contracts into FMA), so every rung
// computes the pure-Python classes' pixels bit for bit. The bindings only wrap these.
#pragma once

#include <algorithm>
#include <cmath>

namespace rtcli::talk {

struct Vec {
  double x, y, z;
};

inline Vec operator+(Vec a, Vec b) {
  return {a.x + b.x, a.y + b.y, a.z + b.z};
}
inline Vec operator-(Vec a, Vec b) {
  return {a.x - b.x, a.y - b.y, a.z - b.z};
}
// The talk's `*` is the dot product, left to right.
inline double operator*(Vec a, Vec b) {
  return (a.x * b.x + a.y * b.y) + a.z * b.z;
}
inline Vec scale(Vec a, double k) {
  return {a.x * k, a.y * k, a.z * k};
}
inline double len(Vec a) {
  return std::sqrt(a * a);
}
// The reciprocal first, then the scaling, as the talk's normal() did.
inline Vec normal(Vec a) {
  return scale(a, 1 / len(a));
}

struct Line {
  Vec p, v;
};

struct Sphere {
  Vec centre;
  double radius;
};

// The nearer hit of the line's ray, or false when it misses (the talk returned None).
inline bool intersect(const Sphere& s, const Line& line, Vec& hit) {
  const Vec d = line.p - s.centre;
  const double sp = line.v * d;
  const double rat = 4 * (sp * sp - (d * d - s.radius * s.radius));
  if (rat < 0) return false;
  const double root = std::sqrt(rat);
  const double t = std::min(-1 * sp + root / 2, -1 * sp - root / 2);
  hit = line.p + scale(line.v, t);
  return true;
}

inline Vec get_normal(const Sphere& s, Vec p) {
  return normal(p - s.centre);
}

struct Colour {
  long r, g, b;
};

// The seed's pixel (x, y) of a width x height frame through the classes above.
inline Colour colour(long x, long y, long width, long height) {
  const Sphere sphere{{4.0, 3.0, 10.0}, 2.0};
  const Vec light{8.0, 0.0, 7.0};
  const Line line{{(8.0 * x) / width, (6.0 * y) / height, 0.0}, {0.0, 0.0, 1.0}};
  Vec hit;
  if (!intersect(sphere, line, hit)) return {100, 100, 100};
  const Vec n = get_normal(sphere, hit);
  const Vec l = normal(light - hit);
  const long c = static_cast<long>(n * l * 255);  // truncates towards zero, as Python's int()
  return {std::max(c, 30L), 0, 0};
}

}  // namespace rtcli::talk

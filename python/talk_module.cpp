// rtcli.talk: the talk's own classes, Vec, Line and Sphere, with its method names, in C++.
// The talk's program runs on them unchanged once its import names rtcli.talk, and gives the
// seed's pixels: every operation is the seed's (renderer/scene/vec3.h, IEEE double, the same
// order). Each call is one crossing into C++; keeping that crossing cheap is the point, so the
// objects are plain structs held inside the Python objects.
#include <nanobind/nanobind.h>
#include <nanobind/stl/optional.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "scene/vec3.h"
#include "vec3_repr.h"

namespace nb = nanobind;

namespace rtcli::talk {
namespace {

// Types of their own, not Vec3: rtcli._rtcli binds Vec3 already, and one C++ type has one
// Python class.
struct Vec {
  Vec3 v;
};

struct Line {
  Vec p;  // a point on the line
  Vec v;  // its direction
};

struct Sphere {
  Vec centre;
  double radius;
};

// The seed's ray/sphere step: the smaller root, whatever its sign, as the talk had it.
std::optional<Vec> intersect(const Sphere& s, const Line& line) {
  const Vec3 d = line.p.v - s.centre.v;
  const double sp = dot(line.v.v, d);
  const double rat = 4 * (sp * sp - (dot(d, d) - s.radius * s.radius));
  if (rat < 0) return std::nullopt;
  const double root = std::sqrt(rat);
  const double t = std::min(-1 * sp + root / 2, -1 * sp - root / 2);
  return Vec{line.p.v + line.v.v * t};
}

}  // namespace
}  // namespace rtcli::talk

NB_MODULE(talk, m) {
  using namespace rtcli::talk;
  using rtcli::Vec3;
  m.doc() =
      "The talk's classes in C++: Vec, Line and Sphere with the talk's method names. Swap the "
      "talk program's import for `from rtcli.talk import Vec, Line, Sphere` and it renders the "
      "same pixels, each vector operation one call into native code.";

  auto vec_class =
      nb::class_<Vec>(m, "Vec", "A 3-vector of doubles with the talk's methods.")
          .def(
              "__init__",
              [](Vec* v, double x, double y, double z) {
                new (v) Vec{{x, y, z}};
              },
              nb::arg("x"), nb::arg("y"), nb::arg("z"))
          .def_prop_rw(
              "x", [](const Vec& a) { return a.v.x; }, [](Vec& a, double x) { a.v.x = x; },
              "The first component.")
          .def_prop_rw(
              "y", [](const Vec& a) { return a.v.y; }, [](Vec& a, double y) { a.v.y = y; },
              "The second component.")
          .def_prop_rw(
              "z", [](const Vec& a) { return a.v.z; }, [](Vec& a, double z) { a.v.z = z; },
              "The third component.")
          .def(
              "__add__", [](const Vec& a, const Vec& b) { return Vec{a.v + b.v}; },
              nb::is_operator(), "Componentwise sum.")
          .def(
              "__sub__", [](const Vec& a, const Vec& b) { return Vec{a.v - b.v}; },
              nb::is_operator(), "Componentwise difference.")
          .def(
              "__mul__", [](const Vec& a, const Vec& b) { return dot(a.v, b.v); },
              nb::is_operator(), "The dot product, (x*x' + y*y') + z*z' left to right.")
          .def(
              "__eq__", [](const Vec& a, const Vec& b) { return a.v == b.v; }, nb::is_operator(),
              "Equal components (IEEE ==).")
          .def(
              "scale", [](const Vec& a, double k) { return Vec{a.v * k}; }, nb::arg("k"),
              "Each component times k.")
          .def(
              "len", [](const Vec& a) { return std::sqrt(dot(a.v, a.v)); },
              "The length, sqrt(self * self).")
          .def(
              "normal", [](const Vec& a) { return Vec{rtcli::normalise(a.v)}; },
              "The unit vector: self.scale(1 / self.len()).")
          .def(
              "__repr__", [](const Vec& a) { return rtcli::python::components_repr("Vec", a.v); },
              "Vec(x, y, z).");
  rtcli::python::unhashable(vec_class);

  nb::class_<Line>(m, "Line", "A ray: the point p and the direction v.")
      .def(
          "__init__",
          [](Line* l, const Vec& p, const Vec& v) {
            new (l) Line{p, v};
          },
          nb::arg("p"), nb::arg("v"))
      .def_rw("p", &Line::p, "The point it starts at.")
      .def_rw("v", &Line::v, "Its direction.")
      .def(
          "__repr__",
          [](const Line& l) {
            return nb::str("Line({}, {})")
                .format(rtcli::python::components_repr("Vec", l.p.v),
                        rtcli::python::components_repr("Vec", l.v.v));
          },
          "Line(Vec(...), Vec(...)).");

  nb::class_<Sphere>(m, "Sphere", "A sphere: centre and radius.")
      .def(
          "__init__",
          [](Sphere* s, const Vec& centre, double radius) {
            new (s) Sphere{centre, radius};
          },
          nb::arg("centre"), nb::arg("radius"))
      .def_rw("centre", &Sphere::centre, "The centre.")
      .def_rw("radius", &Sphere::radius, "The radius.")
      .def("intersect", &intersect, nb::arg("line"),
           "Where the line meets the sphere: p + v.scale(t) for the smaller root t, or None "
           "when it misses.")
      .def(
          "get_normal",
          [](const Sphere& s, const Vec& p) { return Vec{rtcli::normalise(p.v - s.centre.v)}; },
          nb::arg("p"), "The unit normal at p: (p - centre).normal().")
      .def(
          "__repr__",
          [](const Sphere& s) {
            return nb::str("Sphere({}, {!r})")
                .format(rtcli::python::components_repr("Vec", s.centre.v), s.radius);
          },
          "Sphere(Vec(...), radius).");
}

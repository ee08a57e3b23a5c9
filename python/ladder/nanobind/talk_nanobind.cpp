// The nanobind rung of the binding ladder: the talk's Vec, Line and Sphere over talk_maths.h,
// bound the ordinary nanobind way (each call through nanobind's generic dispatcher).
#include <nanobind/nanobind.h>
#include <nanobind/operators.h>
#include <nanobind/stl/optional.h>
#include <nanobind/stl/tuple.h>

#include <optional>
#include <tuple>

#include "../talk_maths.h"

namespace nb = nanobind;
namespace talk = rtcli::talk;

NB_MODULE(talk_nanobind, m) {
  m.doc() = "The talk's Vec, Line and Sphere through nanobind.";
  nb::class_<talk::Vec>(m, "Vec", "Vec(x, y, z): +, -, * (dot product), scale, normal, len.")
      .def(nb::init<double, double, double>())
      .def_ro("x", &talk::Vec::x)
      .def_ro("y", &talk::Vec::y)
      .def_ro("z", &talk::Vec::z)
      .def(nb::self + nb::self)
      .def(nb::self - nb::self)
      .def(nb::self * nb::self)
      .def("scale", &talk::scale)
      .def("normal", &talk::normal)
      .def("len", &talk::len);
  nb::class_<talk::Line>(m, "Line", "Line(p, v): a ray from p along v.")
      .def(nb::init<talk::Vec, talk::Vec>())
      .def_ro("p", &talk::Line::p)
      .def_ro("v", &talk::Line::v);
  nb::class_<talk::Sphere>(m, "Sphere", "Sphere(centre, radius): intersect(line), get_normal(p).")
      .def(nb::init<talk::Vec, double>())
      .def_ro("centre", &talk::Sphere::centre)
      .def_ro("radius", &talk::Sphere::radius)
      .def("intersect",
           [](const talk::Sphere& s, const talk::Line& line) -> std::optional<talk::Vec> {
             talk::Vec hit;
             if (!talk::intersect(s, line, hit)) return std::nullopt;
             return hit;
           })
      .def("get_normal", &talk::get_normal);
  m.def("colour", [](long x, long y, long width, long height) {
    if (width < 1 || height < 1) throw nb::value_error("width and height must be at least 1");
    const talk::Colour c = talk::colour(x, y, width, height);
    return std::make_tuple(c.r, c.g, c.b);
  });
}

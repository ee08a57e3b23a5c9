// The pybind11 rung of the binding ladder: the talk's Vec, Line and Sphere over talk_maths.h,
// bound the ordinary pybind11 way (each call through pybind11's generic dispatcher).
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <tuple>

#include "../talk_maths.h"

namespace py = pybind11;
namespace talk = rtcli::talk;

PYBIND11_MODULE(talk_pybind11, m) {
  m.doc() = "The talk's Vec, Line and Sphere through pybind11.";
  py::class_<talk::Vec>(m, "Vec", "Vec(x, y, z): +, -, * (dot product), scale, normal, len.")
      .def(py::init<double, double, double>())
      .def_readonly("x", &talk::Vec::x)
      .def_readonly("y", &talk::Vec::y)
      .def_readonly("z", &talk::Vec::z)
      .def(py::self + py::self)
      .def(py::self - py::self)
      .def(py::self * py::self)
      .def("scale", &talk::scale)
      .def("normal", &talk::normal)
      .def("len", &talk::len);
  py::class_<talk::Line>(m, "Line", "Line(p, v): a ray from p along v.")
      .def(py::init<talk::Vec, talk::Vec>())
      .def_readonly("p", &talk::Line::p)
      .def_readonly("v", &talk::Line::v);
  py::class_<talk::Sphere>(m, "Sphere", "Sphere(centre, radius): intersect(line), get_normal(p).")
      .def(py::init<talk::Vec, double>())
      .def_readonly("centre", &talk::Sphere::centre)
      .def_readonly("radius", &talk::Sphere::radius)
      .def("intersect",
           [](const talk::Sphere& s, const talk::Line& line) -> std::optional<talk::Vec> {
             talk::Vec hit;
             if (!talk::intersect(s, line, hit)) return std::nullopt;
             return hit;
           })
      .def("get_normal", &talk::get_normal);
  m.def("colour", [](long x, long y, long width, long height) {
    if (width < 1 || height < 1) throw py::value_error("width and height must be at least 1");
    const talk::Colour c = talk::colour(x, y, width, height);
    return std::make_tuple(c.r, c.g, c.b);
  });
}

// rtcli.Vec3: the original program's vector class, backed by renderer/scene/vec3.h so that
// every result is bit for bit the C++ renderer's. Each method is one crossing into C++, which
// is what the talk's second version measured.
#include <pybind11/operators.h>

#include <string>

#include "bindings.h"
#include "scene/vec3.h"

namespace py = pybind11;

namespace rtcli::python {

void bind_vec3(py::module_& m) {
  py::class_<Vec3>(m, "Vec3", "A 3-vector of doubles; arithmetic in the seed's operation order.")
      .def(py::init([](double x, double y, double z) {
             return Vec3{x, y, z};
           }),
           py::arg("x"), py::arg("y"), py::arg("z"))
      .def_readwrite("x", &Vec3::x)
      .def_readwrite("y", &Vec3::y)
      .def_readwrite("z", &Vec3::z)
      .def(
          "__add__", [](Vec3 a, Vec3 b) { return a + b; }, py::is_operator())
      .def(
          "__sub__", [](Vec3 a, Vec3 b) { return a - b; }, py::is_operator())
      .def(
          "__mul__", [](Vec3 a, double k) { return a * k; }, py::is_operator(),
          "Each component times k.")
      .def(
          "dot", [](Vec3 a, Vec3 b) { return dot(a, b); }, py::arg("other"),
          "(x*x' + y*y') + z*z', left to right.")
      .def(
          "normalise", [](Vec3 a) { return normalise(a); },
          "This vector times 1/sqrt(a.a): the reciprocal first, as the seed did.")
      .def("__repr__", [](Vec3 a) {
        return "Vec3(" + py::repr(py::float_(a.x)).cast<std::string>() + ", " +
               py::repr(py::float_(a.y)).cast<std::string>() + ", " +
               py::repr(py::float_(a.z)).cast<std::string>() + ")";
      });
}

}  // namespace rtcli::python

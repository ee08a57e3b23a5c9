// rtcli.Vec3: the original program's vector class, backed by renderer/scene/vec3.h so that
// every result is bit for bit the C++ renderer's. Each method is one crossing into C++, which
// is what the talk's second version measured.
#include <nanobind/nanobind.h>

#include "bindings.h"
#include "scene/vec3.h"
#include "vec3_repr.h"

namespace nb = nanobind;

namespace rtcli::python {

void bind_vec3(nb::module_& m) {
  auto vec3_class =
      nb::class_<Vec3>(m, "Vec3",
                       "A 3-vector of doubles; arithmetic in the seed's operation order.")
          .def(
              "__init__",
              [](Vec3* v, double x, double y, double z) {
                new (v) Vec3{x, y, z};
              },
              nb::arg("x"), nb::arg("y"), nb::arg("z"))
          .def_rw("x", &Vec3::x, "The first component.")
          .def_rw("y", &Vec3::y, "The second component.")
          .def_rw("z", &Vec3::z, "The third component.")
          .def(
              "__add__", [](const Vec3& a, const Vec3& b) { return a + b; }, nb::is_operator(),
              "Componentwise sum.")
          .def(
              "__sub__", [](const Vec3& a, const Vec3& b) { return a - b; }, nb::is_operator(),
              "Componentwise difference.")
          .def(
              "__mul__", [](const Vec3& a, double k) { return a * k; }, nb::is_operator(),
              "Each component times k.")
          .def(
              "__eq__", [](const Vec3& a, const Vec3& b) { return same_components(a, b); },
              nb::is_operator(), "Equal components (IEEE ==: 0.0 == -0.0, NaN never equal).")
          .def(
              "dot", [](const Vec3& a, const Vec3& b) { return dot(a, b); }, nb::arg("other"),
              "(x*x' + y*y') + z*z', left to right.")
          .def(
              "normalise", [](const Vec3& a) { return normalise(a); },
              "This vector times 1/sqrt(a.a): the reciprocal first, as the seed did.")
          .def(
              "__repr__", [](const Vec3& a) { return components_repr("Vec3", a); },
              "Vec3(x, y, z), each component as Python writes a float.");
  unhashable(vec3_class);
}

}  // namespace rtcli::python

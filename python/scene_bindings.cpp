// rtcli.Scene, Sphere, load_scene and shade_pixel: the renderer's own calls, so that a pixel
// from Python equals `rtcli render`'s.
#include <nanobind/nanobind.h>
#include <nanobind/stl/filesystem.h>
#include <nanobind/stl/shared_ptr.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/tuple.h>

#include <filesystem>
#include <memory>
#include <string>
#include <tuple>

#include "bindings.h"
#include "frame_render.h"
#include "py_scene.h"
#include "scene/scene_loader.h"
#include "shading/shade.h"
#include "shading/tile_renderer.h"
#include "system/errors.h"
#include "vec3_repr.h"

namespace nb = nanobind;

namespace rtcli::python {

std::shared_ptr<const PyScene> seed() {
  static const auto scene =
      std::make_shared<const PyScene>(PyScene{prepare_scene(seed_scene()), "seed"});
  return scene;
}

namespace {

int coordinate(long long value, int size, const char* what) {
  if (value < 0 || value >= size)
    throw UsageError("invalid " + std::string(what) + " " + std::to_string(value) +
                     ": expected 0.." + std::to_string(size - 1));
  return static_cast<int>(value);
}

std::tuple<int, int, int> shade(const PyScene& s, long long x, long long y, long long width,
                                long long height) {
  const int w = frame_side(width, "width");
  const int h = frame_side(height, "height");
  const Rgb8 c = shade_pixel(s.scene, coordinate(x, w, "x"), coordinate(y, h, "y"), w, h).colour;
  return {c.r, c.g, c.b};
}

std::tuple<double, double, double> colour_tuple(const Colour& c) {
  return {c.r, c.g, c.b};
}

std::string plural(std::size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

void bind_scene(nb::module_& m) {
  auto sphere_class =
      nb::class_<Sphere>(m, "Sphere", "One sphere of a Scene (read-only): centre, radius, colour.")
          .def_prop_ro(
              "centre", [](const Sphere& s) { return s.centre; }, "The centre, a Vec3 (a copy).")
          .def_ro("radius", &Sphere::radius, "The radius in scene units.")
          .def_prop_ro(
              "colour", [](const Sphere& s) { return colour_tuple(s.colour); },
              "(r, g, b) on the 0..255 scale.")
          .def(
              "__eq__", [](const Sphere& a, const Sphere& b) { return a == b; }, nb::is_operator(),
              "Same centre, radius and colour.")
          .def(
              "__repr__",
              [](const Sphere& s) {
                return nb::str("Sphere(centre={}, radius={!r}, colour={!r})")
                    .format(components_repr("Vec3", s.centre), s.radius,
                            nb::cast(colour_tuple(s.colour)));
              },
              "Sphere(centre=Vec3(...), radius=..., colour=(r, g, b)).");
  unhashable(sphere_class);

  auto scene_class =
      nb::class_<PyScene>(m, "Scene", "A scene ready to render; Scene() is the seed's.")
          .def(
              "__init__", [](PyScene* s) { new (s) PyScene(*seed()); }, "The seed's scene.")
          .def_ro("source", &PyScene::source, "The file it was loaded from, or 'seed'.")
          .def_prop_ro(
              "spheres",
              [](const PyScene& s) {
                nb::list spheres;
                for (const Sphere& sphere : s.scene.scene.spheres) spheres.append(nb::cast(sphere));
                return nb::tuple(spheres);
              },
              "The spheres, a tuple of Sphere in file order.")
          .def_prop_ro(
              "lights", [](const PyScene& s) { return s.scene.scene.lights.size(); },
              "How many lights.")
          .def_prop_ro(
              "render_path", [](const PyScene& s) { return render_path(s.scene); },
              "The kernel render() uses, e.g. 'sphere-simd/AVX3'.")
          .def(
              "__eq__",
              [](const PyScene& a, const PyScene& b) { return a.scene.scene == b.scene.scene; },
              nb::is_operator(), "The same spheres, lights, background and screen, wherever from.")
          .def(
              "__repr__",
              [](const PyScene& s) {
                return "<rtcli.Scene " + s.source + ": " +
                       plural(s.scene.scene.spheres.size(), "sphere") + ", " +
                       plural(s.scene.scene.lights.size(), "light") + ">";
              },
              "<rtcli.Scene SOURCE: N spheres, M lights>.");
  unhashable(scene_class);

  m.def(
      "load_scene",
      [](const std::filesystem::path& path) {
        try {
          return std::make_shared<PyScene>(
              PyScene{prepare_scene(load_scene_file(path)), path.string()});
        } catch (const RunError& e) {  // a bad scene file is bad input to Python
          throw nb::value_error(e.what());
        }
      },
      nb::arg("path"),
      "Reads a scene file; ValueError with rtcli's one-line message if it is missing or bad.");
  m.def("shade_pixel", &shade, nb::arg("scene"), nb::arg("x"), nb::arg("y"), nb::arg("width"),
        nb::arg("height"),
        "The (r, g, b) of pixel (x, y) of a width x height frame: one native call per pixel.");
}

}  // namespace rtcli::python

// rtcli.Scene, load_scene, shade_pixel and render: the renderer's own calls, so that a frame
// from Python equals `rtcli render`'s pixel for pixel.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "bindings.h"
#include "frame_render.h"
#include "scene/scene_loader.h"
#include "shading/shade.h"
#include "shading/tile_renderer.h"
#include "system/errors.h"

namespace py = pybind11;

namespace rtcli::python {
namespace {

// A scene as loaded, with the hierarchies rtcli render would build for it. Immutable from
// Python, so render can read it with the GIL released.
struct PyScene {
  RenderScene scene;
  std::string source;  // the file, or "seed"
};

std::shared_ptr<const PyScene> seed() {
  static const auto scene =
      std::make_shared<const PyScene>(PyScene{prepare_scene(seed_scene()), "seed"});
  return scene;
}

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

// The frame as a (height, width, 3) uint8 array that owns the renderer's buffer: no copy.
py::array_t<std::uint8_t> as_array(Frame frame) {
  auto owned = std::make_unique<Frame>(std::move(frame));
  Frame* f = owned.get();
  py::capsule keeper(f, [](void* p) { delete static_cast<Frame*>(p); });
  owned.release();  // the capsule frees it from here on
  const auto w = static_cast<py::ssize_t>(f->width());
  const auto h = static_cast<py::ssize_t>(f->height());
  return py::array_t<std::uint8_t>({h, w, py::ssize_t{3}}, {w * 3, py::ssize_t{3}, py::ssize_t{1}},
                                   f->data(), keeper);
}

py::array_t<std::uint8_t> render(std::shared_ptr<const PyScene> scene, long long width,
                                 long long height, std::optional<long long> threads,
                                 std::optional<std::pair<long long, long long>> tile) {
  FrameRequest request;
  request.width = frame_side(width, "width");
  request.height = frame_side(height, "height");
  if (tile) {
    request.tile_width = frame_side(tile->first, "tile width");
    request.tile_height = frame_side(tile->second, "tile height");
  }
  if (threads) request.threads = thread_count(*threads);
  if (!scene) scene = seed();
  Frame frame = [&] {
    py::gil_scoped_release unlocked;  // other Python threads run while the workers render
    return render_frame(scene->scene, request);
  }();
  return as_array(std::move(frame));
}

}  // namespace

void bind_scene(py::module_& m) {
  py::class_<PyScene, std::shared_ptr<PyScene>>(m, "Scene",
                                                "A scene ready to render; Scene() is the seed's.")
      .def(py::init([] { return std::make_shared<PyScene>(*seed()); }))
      .def_property_readonly("source", [](const PyScene& s) { return s.source; })
      .def_property_readonly("spheres",
                             [](const PyScene& s) { return s.scene.scene.spheres.size(); })
      .def_property_readonly("lights", [](const PyScene& s) { return s.scene.scene.lights.size(); })
      .def_property_readonly(
          "render_path", [](const PyScene& s) { return render_path(s.scene); },
          "The kernel render() uses, e.g. 'sphere-simd/AVX3'.")
      .def("__repr__", [](const PyScene& s) {
        return "<rtcli.Scene " + s.source + ": " + std::to_string(s.scene.scene.spheres.size()) +
               " sphere(s), " + std::to_string(s.scene.scene.lights.size()) + " light(s)>";
      });

  m.def(
      "load_scene",
      [](const std::filesystem::path& path) {
        try {
          return std::make_shared<PyScene>(
              PyScene{prepare_scene(load_scene_file(path)), path.string()});
        } catch (const RunError& e) {  // a bad scene file is bad input to Python
          throw py::value_error(e.what());
        }
      },
      py::arg("path"),
      "Reads a scene file; ValueError with rtcli's one-line message if it is bad.");
  m.def("shade_pixel", &shade, py::arg("scene"), py::arg("x"), py::arg("y"), py::arg("width"),
        py::arg("height"),
        "The (r, g, b) of pixel (x, y) of a width x height frame: one native call per pixel.");
  m.def("render", &render, py::arg("scene") = py::none(), py::arg("width") = 800,
        py::arg("height") = 600, py::arg("threads") = py::none(), py::arg("tile") = py::none(),
        "The frame as a (height, width, 3) uint8 array, rendered as `rtcli render` renders it "
        "(threads: None for one per logical core; tile: (width, height), default (4096, 16)).");
}

}  // namespace rtcli::python

// rtcli._rtcli.render_into: one frame into a numpy array with the GIL released, watched from
// the calling thread for Ctrl-C and for progress. rtcli.render (python/rtcli/_render.py) checks
// the arguments' types and calls it.
#include <Python.h>
#include <nanobind/nanobind.h>
#include <nanobind/ndarray.h>
#include <nanobind/stl/optional.h>
#include <nanobind/stl/pair.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "bindings.h"
#include "frame_render.h"
#include "py_scene.h"
#include "system/errors.h"

namespace nb = nanobind;

namespace rtcli::python {
namespace {

// How often the calling thread looks at Python's signals while the workers render: a Ctrl-C
// stops a render within this plus the tiles in hand.
constexpr std::chrono::milliseconds kPollInterval{10};

using OutArray = nb::ndarray<std::uint8_t, nb::ndim<3>, nb::c_contig, nb::device::cpu>;

// The frame as a (height, width, 3) uint8 array that owns the renderer's buffer: no copy.
nb::object as_array(Frame frame) {
  auto owned = std::make_unique<Frame>(std::move(frame));
  Frame* f = owned.get();
  nb::capsule keeper(f, [](void* p) noexcept { delete static_cast<Frame*>(p); });
  owned.release();  // the capsule frees it from here on
  const auto w = static_cast<std::size_t>(f->width());
  const auto h = static_cast<std::size_t>(f->height());
  return nb::ndarray<nb::numpy, std::uint8_t, nb::ndim<3>>(f->data(), {h, w, 3}, keeper).cast();
}

// Runs the render on its own threads while this thread, holding the GIL only between waits,
// looks at signals and calls progress(rows_done, height) once per finished band. A Python
// exception (KeyboardInterrupt from a signal, or one raised by progress) cancels the workers,
// waits for them, and propagates.
void watch(const RenderScene& scene, const FrameRequest& request, Frame& frame,
           const nb::object& progress) {
  std::optional<FrameRender> render;
  {
    const nb::gil_scoped_release unlocked;
    render.emplace(scene, request, frame, !progress.is_none());
  }
  try {
    int reported = 0;  // rows passed to progress so far
    for (bool ended = false; !ended;) {
      {
        const nb::gil_scoped_release unlocked;
        ended = render->wait(kPollInterval);
      }
      if (PyErr_CheckSignals() != 0) throw nb::python_error();
      if (progress.is_none()) continue;
      for (const int done = render->rows_done(); reported < done;) {
        reported = std::min(done, reported + render->band_height());
        progress(reported, request.height);
      }
    }
    const nb::gil_scoped_release unlocked;
    render->finish();
  } catch (...) {
    const nb::gil_scoped_release unlocked;
    render.reset();  // cancels, and waits for the workers
    throw;
  }
}

nb::object render_into(const PyScene* scene, long long width, long long height,
                       std::optional<long long> threads,
                       std::optional<std::pair<long long, long long>> tile, OutArray out,
                       nb::object progress) {
  FrameRequest request;
  request.width = frame_side(width, "width");
  request.height = frame_side(height, "height");
  if (tile) {
    request.tile_width = frame_side(tile->first, "tile width");
    request.tile_height = frame_side(tile->second, "tile height");
  }
  if (threads) request.threads = thread_count(*threads);
  validate(request);  // before the frame's memory is taken
  const RenderScene& s = scene ? scene->scene : seed()->scene;
  if (!out.is_valid()) {
    Frame frame(request.width, request.height);
    watch(s, request, frame, progress);
    return as_array(std::move(frame));
  }
  if (out.shape(0) != static_cast<std::size_t>(request.height) ||
      out.shape(1) != static_cast<std::size_t>(request.width) || out.shape(2) != 3)
    throw UsageError("out has shape (" + std::to_string(out.shape(0)) + ", " +
                     std::to_string(out.shape(1)) + ", " + std::to_string(out.shape(2)) +
                     "), size asks for (" + std::to_string(request.height) + ", " +
                     std::to_string(request.width) + ", 3)");
  Frame frame(request.width, request.height, out.data());
  try {
    watch(s, request, frame, progress);
  } catch (...) {
    // Never half a frame: a stopped render leaves out all black.
    std::memset(out.data(), 0, Frame::bytes(request.width, request.height));
    throw;
  }
  return nb::none();
}

}  // namespace

void bind_render(nb::module_& m) {
  m.def("render_into", &render_into, nb::arg("scene").none(), nb::arg("width"), nb::arg("height"),
        nb::arg("threads").none(), nb::arg("tile").none(), nb::arg("out").noconvert().none(),
        nb::arg("progress").none(),
        "Renders a frame: into `out` (returns None) or, when out is None, into a new "
        "(height, width, 3) uint8 array (returned). The checked entry point is rtcli.render.");
}

}  // namespace rtcli::python

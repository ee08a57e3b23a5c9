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
#include <exception>
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

// How often the calling thread looks at Python's signals between its bands: a Ctrl-C stops a
// render within this plus the bands in hand.
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

// Between the bands it renders itself, the calling thread takes the GIL for a moment: every
// kPollInterval to look at signals, and after each band when there is a progress callback, to
// call progress(rows_done, height) once per finished band. A Python exception
// (KeyboardInterrupt from a signal, or one raised by progress) stops the render; the workers
// finish the bands in hand and it propagates.
class PythonWatcher : public BandWatcher {
 public:
  PythonWatcher(const nb::object& progress, int height, int band_height)
      : progress_(progress), height_(height), band_height_(band_height) {}

  bool band_done(int rows_done) override {
    const auto now = std::chrono::steady_clock::now();
    if (progress_.is_none() && now - last_look_ < kPollInterval) return true;
    last_look_ = now;
    const nb::gil_scoped_acquire gil;
    try {
      look(rows_done);
      return true;
    } catch (...) {
      error_ = std::current_exception();
      return false;
    }
  }

  // With the GIL held: Python's signals, then progress up to rows_done.
  void look(int rows_done) {
    if (PyErr_CheckSignals() != 0) throw nb::python_error();
    if (progress_.is_none()) return;
    while (reported_ < rows_done) {
      reported_ = std::min(rows_done, reported_ + band_height_);
      progress_(reported_, height_);
    }
  }

  // With the GIL held: what stopped the render, if the watcher did.
  void rethrow_if_stopped() {
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  }

 private:
  const nb::object& progress_;
  int height_;
  int band_height_;
  int reported_ = 0;  // rows passed to progress so far
  std::chrono::steady_clock::time_point last_look_ = std::chrono::steady_clock::now();
  std::exception_ptr error_;
};

void watch(const RenderScene& scene, const FrameSpec& spec, Frame& frame,
           const nb::object& progress) {
  PythonWatcher watcher(progress, spec.height, spec.tile_height);
  int rows = 0;
  {
    const nb::gil_scoped_release unlocked;
    rows = render_watched(scene, spec, frame, watcher);
  }
  watcher.rethrow_if_stopped();
  watcher.look(rows);  // the bands other workers finished after this thread's last
}

nb::object render_into(const PyScene* scene, long long width, long long height,
                       std::optional<long long> threads,
                       std::optional<std::pair<long long, long long>> tile, OutArray out,
                       nb::object progress) {
  FrameSpec spec;
  spec.width = frame_side(width, "width", "size[0]");
  spec.height = frame_side(height, "height", "size[1]");
  if (tile) {
    spec.tile_width = frame_side(tile->first, "tile width", "tile[0]");
    spec.tile_height = frame_side(tile->second, "tile height", "tile[1]");
  }
  if (threads) spec.threads = thread_count(*threads);
  validate_in_memory(spec);  // before the frame's memory is taken
  const RenderScene& s = scene ? scene->scene : seed()->scene;
  if (!out.is_valid()) {
    Frame frame(spec.width, spec.height);
    watch(s, spec, frame, progress);
    return as_array(std::move(frame));
  }
  if (out.shape(0) != static_cast<std::size_t>(spec.height) ||
      out.shape(1) != static_cast<std::size_t>(spec.width) || out.shape(2) != 3)
    throw UsageError("out has shape (" + std::to_string(out.shape(0)) + ", " +
                     std::to_string(out.shape(1)) + ", " + std::to_string(out.shape(2)) +
                     "), size asks for (" + std::to_string(spec.height) + ", " +
                     std::to_string(spec.width) + ", 3)");
  Frame frame(spec.width, spec.height, out.data());
  try {
    watch(s, spec, frame, progress);
  } catch (...) {
    // Never half a frame: a stopped render leaves out all black.
    std::memset(out.data(), 0, Frame::bytes(spec.width, spec.height));
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

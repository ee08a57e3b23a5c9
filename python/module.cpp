// rtcli._rtcli: the compiled half of the rtcli package (python/rtcli/__init__.py re-exports it).
#include <nanobind/nanobind.h>

#include <exception>

#include "bindings.h"
#include "system/errors.h"

NB_MODULE(_rtcli, m) {
  m.doc() =
      "rtcli's renderer from Python: the seed's Vec3 (each operation one native call), "
      "shade_pixel (one call per pixel) and whole frames (one call per frame, the GIL released).";
  // One line, as the CLI prints it after "rtcli: error: ": bad input is a ValueError, a run that
  // could not be done (no thread could start) a RuntimeError. Scene files: see load_scene.
  nanobind::register_exception_translator([](const std::exception_ptr& error, void*) {
    try {
      std::rethrow_exception(error);
    } catch (const rtcli::UsageError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const rtcli::RunError& e) {
      PyErr_SetString(PyExc_RuntimeError, e.what());
    }
  });
  rtcli::python::bind_vec3(m);
  rtcli::python::bind_scene(m);
  rtcli::python::bind_render(m);
}

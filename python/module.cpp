// The `rtcli` Python module: the renderer's vector maths, one pixel, or whole frames.
#include <pybind11/pybind11.h>

#include "bindings.h"
#include "system/errors.h"

PYBIND11_MODULE(rtcli, m) {
  m.doc() =
      "rtcli from Python: the seed's Vec3 (each operation one native call), shade_pixel (one "
      "call per pixel) and render (one call per frame, in parallel, the GIL released).";
  // One line, as the CLI prints it after "rtcli: error: ": bad input is a ValueError, a run that
  // could not be done (no thread could start) a RuntimeError. Scene files: see load_scene.
  pybind11::register_exception_translator([](std::exception_ptr error) {
    try {
      if (error) std::rethrow_exception(error);
    } catch (const rtcli::UsageError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const rtcli::RunError& e) {
      PyErr_SetString(PyExc_RuntimeError, e.what());
    }
  });
  rtcli::python::bind_vec3(m);
  rtcli::python::bind_scene(m);
}

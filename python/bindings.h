// The pieces of the `rtcli` Python module, each adding its names to the module.
#pragma once

#include <pybind11/pybind11.h>

namespace rtcli::python {

// rtcli.Vec3: the seed's vector class, every operation one call into vec3.h.
void bind_vec3(pybind11::module_& m);

// rtcli.Scene, rtcli.load_scene, rtcli.shade_pixel and rtcli.render.
void bind_scene(pybind11::module_& m);

}  // namespace rtcli::python

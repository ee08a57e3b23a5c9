// The pieces of the compiled rtcli._rtcli module, each adding its names to the module.
#pragma once

#include <nanobind/nanobind.h>

namespace rtcli::python {

// Vec3: the seed's vector class, every operation one call into vec3.h.
void bind_vec3(nanobind::module_& m);

// Scene, Sphere, load_scene, seed_scene and shade_pixel.
void bind_scene(nanobind::module_& m);

// render_into: whole frames into numpy arrays, the GIL released (rtcli.render wraps it).
void bind_render(nanobind::module_& m);

}  // namespace rtcli::python

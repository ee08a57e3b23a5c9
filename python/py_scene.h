// The scene object rtcli.Scene wraps, shared by the scene and render bindings.
#pragma once

#include <memory>
#include <string>

#include "shading/render_scene.h"

namespace rtcli::python {

// A scene as loaded, with the hierarchies rtcli render would build for it. Immutable from
// Python, so render can read it with the GIL released.
struct PyScene {
  RenderScene scene;
  std::string source;  // the file, or "seed"
};

// The seed's scene, made once.
std::shared_ptr<const PyScene> seed();

}  // namespace rtcli::python

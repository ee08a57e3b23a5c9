// What rtcli.Vec3 and rtcli.talk.Vec share: equality and a repr that reads back as the call.
#pragma once

#include <nanobind/nanobind.h>

#include "scene/vec3.h"

namespace rtcli::python {

inline bool same_components(const Vec3& a, const Vec3& b) {
  return a == b;
}

// "Name(x, y, z)", each component as Python's repr(float) writes it.
inline nanobind::str components_repr(const char* name, const Vec3& v) {
  return nanobind::str("{}({!r}, {!r}, {!r})").format(name, v.x, v.y, v.z);
}

// Value equality with a hash by identity would break dicts and sets: these classes are unhashable,
// as a Python class that defines __eq__ alone is.
template <class Class>
void unhashable(const Class& cls) {
  cls.attr("__hash__") = nanobind::none();
}

}  // namespace rtcli::python

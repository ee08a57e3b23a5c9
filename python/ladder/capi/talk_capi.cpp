// The raw CPython C API rung of the binding ladder: the talk's Vec, Line and Sphere as static
// types with no binding library between Python and talk_maths.h. What keeps a call cheap:
// - a free list: a pixel makes and drops a dozen Vecs, so allocation is mostly a pop;
// - vectorcall (PEP 590) for construction: Vec(x, y, z) builds no argument tuple;
// - the number slots for +, - and * and METH_O / METH_NOARGS methods, which the interpreter
//   calls directly, with no argument conversion beyond reading a double.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "../talk_maths.h"

namespace {

namespace talk = rtcli::talk;

struct VecObject {
  PyObject_HEAD talk::Vec v;
};
struct LineObject {
  PyObject_HEAD talk::Line line;
};
struct SphereObject {
  PyObject_HEAD talk::Sphere sphere;
};

// Filled in by describe() at import; PyType_Ready sets the metatype.
PyTypeObject VecType{};
PyTypeObject LineType{};
PyTypeObject SphereType{};

// Freed objects of one type kept for reuse (the types are final and hold no references, so a
// kept object needs only its reference count and type set again).
template <class Object, int Capacity>
struct FreeList {
  Object* items[Capacity];
  int count = 0;

  Object* take(PyTypeObject* type) {
    if (count == 0) return PyObject_New(Object, type);
    Object* o = items[--count];
    PyObject_Init(reinterpret_cast<PyObject*>(o), type);
    return o;
  }
  void give(PyObject* o) {
    if (count < Capacity)
      items[count++] = reinterpret_cast<Object*>(o);
    else
      PyObject_Free(o);
  }
};

FreeList<VecObject, 64> vec_free;
FreeList<LineObject, 8> line_free;

PyObject* new_vec(talk::Vec v) {
  VecObject* o = vec_free.take(&VecType);
  if (o) o->v = v;
  return reinterpret_cast<PyObject*>(o);
}

void vec_dealloc(PyObject* o) {
  vec_free.give(o);
}
void line_dealloc(PyObject* o) {
  line_free.give(o);
}

bool is_vec(PyObject* o) {
  return Py_IS_TYPE(o, &VecType);
}
talk::Vec& vec_of(PyObject* o) {
  return reinterpret_cast<VecObject*>(o)->v;
}

// A float argument (or anything with __float__); false with the exception set.
bool as_double(PyObject* o, double& out) {
  if (PyFloat_CheckExact(o)) {
    out = PyFloat_AS_DOUBLE(o);
    return true;
  }
  out = PyFloat_AsDouble(o);
  return !(out == -1.0 && PyErr_Occurred());
}

bool as_vec(PyObject* o, const char* what, talk::Vec& out) {
  if (!is_vec(o)) {
    PyErr_Format(PyExc_TypeError, "%s must be a Vec, not %.100s", what, Py_TYPE(o)->tp_name);
    return false;
  }
  out = vec_of(o);
  return true;
}

// Positional arguments only, exactly n of them, as the talk's constructors took.
bool positional(const char* name, Py_ssize_t n, size_t nargsf, PyObject* kwnames) {
  if (PyVectorcall_NARGS(nargsf) == n && (!kwnames || PyTuple_GET_SIZE(kwnames) == 0)) return true;
  PyErr_Format(PyExc_TypeError, "%s takes exactly %zd positional arguments", name, n);
  return false;
}

// tp_new for callers that pass a tuple (e.g. a subclass test or copy): the vectorcall path.
template <vectorcallfunc Make>
PyObject* new_from_tuple(PyTypeObject* type, PyObject* args, PyObject* kwargs) {
  if (kwargs && PyDict_GET_SIZE(kwargs) != 0) {
    PyErr_Format(PyExc_TypeError, "%s takes no keyword arguments", type->tp_name);
    return nullptr;
  }
  return Make(reinterpret_cast<PyObject*>(type), &PyTuple_GET_ITEM(args, 0),
              static_cast<size_t>(PyTuple_GET_SIZE(args)), nullptr);
}

// --- Vec ---------------------------------------------------------------------------------------

PyObject* vec_make(PyObject*, PyObject* const* args, size_t nargsf, PyObject* kwnames) {
  talk::Vec v;
  if (!positional("Vec()", 3, nargsf, kwnames) || !as_double(args[0], v.x) ||
      !as_double(args[1], v.y) || !as_double(args[2], v.z))
    return nullptr;
  return new_vec(v);
}

PyObject* vec_add(PyObject* a, PyObject* b) {
  if (!is_vec(a) || !is_vec(b)) Py_RETURN_NOTIMPLEMENTED;
  return new_vec(vec_of(a) + vec_of(b));
}

PyObject* vec_sub(PyObject* a, PyObject* b) {
  if (!is_vec(a) || !is_vec(b)) Py_RETURN_NOTIMPLEMENTED;
  return new_vec(vec_of(a) - vec_of(b));
}

PyObject* vec_dot(PyObject* a, PyObject* b) {
  if (!is_vec(a) || !is_vec(b)) Py_RETURN_NOTIMPLEMENTED;
  return PyFloat_FromDouble(vec_of(a) * vec_of(b));
}

PyObject* vec_scale(PyObject* self, PyObject* k) {
  double factor;
  if (!as_double(k, factor)) return nullptr;
  return new_vec(talk::scale(vec_of(self), factor));
}

PyObject* vec_normal(PyObject* self, PyObject*) {
  return new_vec(talk::normal(vec_of(self)));
}
PyObject* vec_len(PyObject* self, PyObject*) {
  return PyFloat_FromDouble(talk::len(vec_of(self)));
}

PyObject* vec_repr(PyObject* self) {
  const talk::Vec v = vec_of(self);
  PyObject* parts[3] = {PyFloat_FromDouble(v.x), PyFloat_FromDouble(v.y), PyFloat_FromDouble(v.z)};
  PyObject* repr = parts[0] && parts[1] && parts[2]
                       ? PyUnicode_FromFormat("Vec(%R, %R, %R)", parts[0], parts[1], parts[2])
                       : nullptr;
  for (PyObject* p : parts) Py_XDECREF(p);
  return repr;
}

template <double talk::Vec::*Field>
PyObject* vec_get(PyObject* self, void*) {
  return PyFloat_FromDouble(vec_of(self).*Field);
}

PyNumberMethods vec_number = {};
PyMethodDef vec_methods[] = {{"scale", vec_scale, METH_O, "This vector times k."},
                             {"normal", vec_normal, METH_NOARGS, "This vector times 1/len()."},
                             {"len", vec_len, METH_NOARGS, "sqrt(self * self)."},
                             {nullptr, nullptr, 0, nullptr}};
PyGetSetDef vec_getset[] = {{"x", vec_get<&talk::Vec::x>, nullptr, nullptr, nullptr},
                            {"y", vec_get<&talk::Vec::y>, nullptr, nullptr, nullptr},
                            {"z", vec_get<&talk::Vec::z>, nullptr, nullptr, nullptr},
                            {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- Line --------------------------------------------------------------------------------------

PyObject* line_make(PyObject*, PyObject* const* args, size_t nargsf, PyObject* kwnames) {
  talk::Line line;
  if (!positional("Line()", 2, nargsf, kwnames) || !as_vec(args[0], "p", line.p) ||
      !as_vec(args[1], "v", line.v))
    return nullptr;
  LineObject* o = line_free.take(&LineType);
  if (o) o->line = line;
  return reinterpret_cast<PyObject*>(o);
}

const talk::Line& line_of(PyObject* o) {
  return reinterpret_cast<LineObject*>(o)->line;
}
PyObject* line_p(PyObject* self, void*) {
  return new_vec(line_of(self).p);
}
PyObject* line_v(PyObject* self, void*) {
  return new_vec(line_of(self).v);
}

PyGetSetDef line_getset[] = {{"p", line_p, nullptr, "The ray's origin.", nullptr},
                             {"v", line_v, nullptr, "The ray's direction.", nullptr},
                             {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- Sphere ------------------------------------------------------------------------------------

PyObject* sphere_make(PyObject*, PyObject* const* args, size_t nargsf, PyObject* kwnames) {
  talk::Sphere s;
  if (!positional("Sphere()", 2, nargsf, kwnames) || !as_vec(args[0], "centre", s.centre) ||
      !as_double(args[1], s.radius))
    return nullptr;
  SphereObject* o = PyObject_New(SphereObject, &SphereType);
  if (o) o->sphere = s;
  return reinterpret_cast<PyObject*>(o);
}

const talk::Sphere& sphere_of(PyObject* o) {
  return reinterpret_cast<SphereObject*>(o)->sphere;
}

PyObject* sphere_intersect(PyObject* self, PyObject* line) {
  if (!Py_IS_TYPE(line, &LineType)) {
    PyErr_Format(PyExc_TypeError, "line must be a Line, not %.100s", Py_TYPE(line)->tp_name);
    return nullptr;
  }
  talk::Vec hit;
  if (!talk::intersect(sphere_of(self), line_of(line), hit)) Py_RETURN_NONE;
  return new_vec(hit);
}

PyObject* sphere_get_normal(PyObject* self, PyObject* p) {
  talk::Vec at;
  if (!as_vec(p, "p", at)) return nullptr;
  return new_vec(talk::get_normal(sphere_of(self), at));
}

PyObject* sphere_centre(PyObject* self, void*) {
  return new_vec(sphere_of(self).centre);
}
PyObject* sphere_radius(PyObject* self, void*) {
  return PyFloat_FromDouble(sphere_of(self).radius);
}

PyMethodDef sphere_methods[] = {
    {"intersect", sphere_intersect, METH_O, "The nearer hit of line (a Vec), or None."},
    {"get_normal", sphere_get_normal, METH_O, "The unit normal at p."},
    {nullptr, nullptr, 0, nullptr}};
PyGetSetDef sphere_getset[] = {{"centre", sphere_centre, nullptr, nullptr, nullptr},
                               {"radius", sphere_radius, nullptr, nullptr, nullptr},
                               {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- The module --------------------------------------------------------------------------------

PyObject* colour(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (nargs != 4) {
    PyErr_SetString(PyExc_TypeError, "colour() takes exactly 4 arguments (x, y, width, height)");
    return nullptr;
  }
  long v[4];
  for (int i = 0; i < 4; ++i) {
    v[i] = PyLong_AsLong(args[i]);
    if (v[i] == -1 && PyErr_Occurred()) return nullptr;
  }
  if (v[2] < 1 || v[3] < 1) {
    PyErr_Format(PyExc_ValueError, "invalid %s %ld: expected at least 1",
                 v[2] < 1 ? "width" : "height", v[2] < 1 ? v[2] : v[3]);
    return nullptr;
  }
  const talk::Colour c = talk::colour(v[0], v[1], v[2], v[3]);
  return Py_BuildValue("(lll)", c.r, c.g, c.b);
}

PyMethodDef module_methods[] = {
    {"colour", reinterpret_cast<PyCFunction>(reinterpret_cast<void*>(colour)), METH_FASTCALL,
     "The seed's (r, g, b) of pixel (x, y) of a width x height frame, in one call."},
    {nullptr, nullptr, 0, nullptr}};

PyModuleDef module_def = {PyModuleDef_HEAD_INIT,
                          "talk_capi",
                          "The talk's Vec, Line and Sphere through the raw CPython C API.",
                          -1,
                          module_methods,
                          nullptr,
                          nullptr,
                          nullptr,
                          nullptr};

void describe(PyTypeObject& type, const char* name, const char* doc, Py_ssize_t size,
              vectorcallfunc make, newfunc tuple_make) {
  Py_SET_REFCNT(reinterpret_cast<PyObject*>(&type), 1);  // static: never freed
  type.tp_name = name;
  type.tp_doc = doc;
  type.tp_basicsize = size;
  type.tp_flags = Py_TPFLAGS_DEFAULT;  // final: the free lists hold exactly these types
  type.tp_vectorcall = make;
  type.tp_new = tuple_make;
}

}  // namespace

PyMODINIT_FUNC PyInit_talk_capi() {
  describe(VecType, "talk_capi.Vec", "Vec(x, y, z): +, -, * (dot product), scale, normal, len.",
           sizeof(VecObject), vec_make, new_from_tuple<vec_make>);
  vec_number.nb_add = vec_add;
  vec_number.nb_subtract = vec_sub;
  vec_number.nb_multiply = vec_dot;
  VecType.tp_as_number = &vec_number;
  VecType.tp_methods = vec_methods;
  VecType.tp_getset = vec_getset;
  VecType.tp_repr = vec_repr;
  VecType.tp_dealloc = vec_dealloc;
  describe(LineType, "talk_capi.Line", "Line(p, v): a ray from p along v.", sizeof(LineObject),
           line_make, new_from_tuple<line_make>);
  LineType.tp_getset = line_getset;
  LineType.tp_dealloc = line_dealloc;
  describe(SphereType, "talk_capi.Sphere",
           "Sphere(centre, radius): intersect(line) and get_normal(p).", sizeof(SphereObject),
           sphere_make, new_from_tuple<sphere_make>);
  SphereType.tp_methods = sphere_methods;
  SphereType.tp_getset = sphere_getset;
  SphereType.tp_dealloc = [](PyObject* o) { PyObject_Free(o); };

  PyObject* m = PyModule_Create(&module_def);
  if (!m) return nullptr;
  for (PyTypeObject* type : {&VecType, &LineType, &SphereType}) {
    const char* name = type->tp_name + sizeof("talk_capi.") - 1;
    if (PyType_Ready(type) < 0 ||
        PyModule_AddObjectRef(m, name, reinterpret_cast<PyObject*>(type)) < 0) {
      Py_DECREF(m);
      return nullptr;
    }
  }
  return m;
}

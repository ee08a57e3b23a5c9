"""The package's type stubs: present beside the modules with py.typed, valid Python that
imports, naming exactly the modules' public names; every public function has a docstring."""

import ast
import importlib
import os

import helpers
import pytest

pytestmark = [pytest.mark.skipif(helpers.MODULE_DIR == "", reason=helpers.MODULE_SKIP),
              pytest.mark.skipif(os.environ.get("RTCLI_PYTHON_STUBS") == "0",
                                 reason="a sanitizer build makes no stubs; the Release build tests them")]
MODULES = ("_rtcli", "talk")


@pytest.fixture(scope="module")
def package():
    return helpers.import_rtcli()


def public_names(namespace):
    return {name for name in namespace if not name.startswith("_")}


@pytest.mark.parametrize("name", MODULES)
def test_the_stub_imports_and_names_the_modules_public_names(package, name):
    folder = os.path.dirname(package.__file__)
    assert os.path.isfile(os.path.join(folder, "py.typed"))
    stub = os.path.join(folder, f"{name}.pyi")
    with open(stub, encoding="utf-8") as f:
        source = f.read()
    namespace = {"__name__": f"rtcli.{name}"}
    # Annotations unevaluated, as a type checker reads them; the stub's imports must resolve.
    exec(compile("from __future__ import annotations\n" + source, stub, "exec"), namespace)  # noqa: S102
    module = importlib.import_module(f"rtcli.{name}")
    defined = {node.name for node in ast.parse(source).body if isinstance(node, (ast.ClassDef, ast.FunctionDef))}
    assert defined == public_names(vars(module))
    for cls in (getattr(module, n) for n in defined if isinstance(getattr(module, n), type)):
        assert public_names(vars(namespace[cls.__name__])) == public_names(vars(cls)), cls.__name__


@pytest.mark.parametrize("name", MODULES)
def test_every_public_function_has_a_docstring(package, name):
    module = importlib.import_module(f"rtcli.{name}")
    assert module.__doc__
    for attr in public_names(vars(module)):
        obj = getattr(module, attr)
        members = [obj] + ([m for n, m in vars(obj).items() if not n.startswith("_") and callable(m)]
                           if isinstance(obj, type) else [])
        for member in members:
            doc = (member.__doc__ or "").strip()
            # nanobind puts the signature first: a docstring is more than that line.
            assert isinstance(member, type) and doc or len(doc.splitlines()) > 1, f"{name}.{attr}: {doc!r}"


def test_the_package_exports_render_with_its_docstring(package):
    assert set(package.__all__) == {"Scene", "Sphere", "Vec3", "load_scene", "render", "shade_pixel"}
    assert "progress(rows_done, height)" in package.render.__doc__

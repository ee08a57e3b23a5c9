"""The talk's classes in pure Python (Vec, Line, Sphere) for the scripts and the binding ladder:
the rtcli package's own rtcli/talk_python.py, loaded by its path so that they run without the
compiled package (rtcli/__init__ imports it)."""

import importlib.util
import os

_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python", "rtcli", "talk_python.py")
_spec = importlib.util.spec_from_file_location("talk_python", _PATH)
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
Vec, Line, Sphere = _module.Vec, _module.Line, _module.Sphere

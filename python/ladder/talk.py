"""The talk's colour function over any implementation of its classes (Vec, Sphere, Line): pure
Python (scripts/talk_classes.py) or a rung's native ones. Sphere and Line only call their
vectors' methods: over a native Vec they are the native-vectors level of the ladder.
"""

import importlib.util
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                                "scripts"))
from talk_classes import Line, Sphere, Vec

__all__ = ["BACKGROUND", "Line", "Sphere", "Vec", "make_colour"]

# The colour function is the package's own (rtcli/talk_program.py), loaded by its path as
# talk_classes loads the classes, so that the ladder needs no installed package for it.
_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "rtcli", "talk_program.py")
_spec = importlib.util.spec_from_file_location("talk_program", _PATH)
_program = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_program)
BACKGROUND, make_colour = _program.BACKGROUND, _program.make_colour

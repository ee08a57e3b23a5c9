"""python -m rtcli.ladder OUTDIR [options]: the binding ladder (the talk's classes through each
binding technique, at each level of the port; see python/ladder/README.md in the source tree).

The rung modules are built with the project, not installed, so this runs from a build folder's
package (PYTHONPATH=build/python): it finds the source tree through the build's CMakeCache.txt
and runs its python/ladder/ladder.py over that build.
"""

import os
import runpy
import sys


def _source_and_build():
    """(source tree, build folder) of the package this module was built into, or None."""
    build = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    try:
        with open(os.path.join(build, "CMakeCache.txt"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("CMAKE_HOME_DIRECTORY:INTERNAL="):
                    return line.split("=", 1)[1].strip(), build
    except OSError:
        pass
    return None


def main():
    found = _source_and_build()
    if found is None:
        print("rtcli.ladder: error: run it from a build folder's package (PYTHONPATH=build/python): "
              "the ladder's rung modules are built with the project, not installed", file=sys.stderr)
        return 1
    source, build = found
    script = os.path.join(source, "python", "ladder", "ladder.py")
    sys.argv = [script, "--build", build, *sys.argv[1:]]
    runpy.run_path(script, run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# Takes a Debian 12 machine from a fresh clone to rendered frames or a passing test suite.
#   scripts/setup.sh render   install what is missing, build Release, render frames/
#   scripts/setup.sh test     install what is missing, build Release, run every test (the wheel's
#                             too: built, installed in a fresh venv, rendering), then the
#                             sanitizer and fuzz stages of scripts/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-render}
case "$mode" in render | test) ;; *)
  echo "usage: scripts/setup.sh render|test" >&2
  exit 2
  ;;
esac

# The toolchain and C++ libraries come from Debian's archive; the Python modules from PyPI into
# the project's venv (.venv, below). python3-dev: the headers the package is built against;
# python3-venv: the venv itself; ccache: the package's second CMake build reuses the first's;
# python3-numpy and python3-scipy: Google Benchmark's compare.py (libbenchmark-tools) runs under
# Debian's /usr/bin/python3 and needs them; man-db and zsh: the tests read the generated man page
# and load the zsh completion; libsdl2-dev: the live view's window; xvfb, xdotool, imagemagick,
# tmux: the view's and the talk window's tests run them on a private X server or terminal.
packages=(g++ cmake ninja-build pkg-config libtbb-dev libstb-dev libcli11-dev nlohmann-json3-dev
  libgtest-dev libbenchmark-dev libbenchmark-tools libdeflate-dev zlib1g-dev libhwy-dev
  python3-dev python3-venv ccache python3-numpy python3-scipy clang libclang-rt-14-dev pngcheck
  openmpi-bin libopenmpi-dev man-db zsh libsdl2-dev xvfb xdotool imagemagick tmux
  cargo librust-pyo3-dev)  # the last two: the binding ladder's PyO3 rung (python/ladder)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The venv, from Debian's /usr/bin/python3 (3.11; never the first python3 on PATH, which may be
# another interpreter), with every module pinned in scripts/requirements.txt; remade only when
# that file changes. Wheels only: nothing from PyPI is compiled here.
venv=.venv
if ! cmp -s scripts/requirements.txt "$venv/requirements.txt"; then
  echo "setup: making $venv from scripts/requirements.txt" >&2
  rm -rf "$venv"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --only-binary=:all: \
    --requirement scripts/requirements.txt
  cp scripts/requirements.txt "$venv/requirements.txt"
fi

# ccache, with paths relative to the build folder: the package's build (build-package/) then
# reuses what build/ compiled from the same sources, given the same compiler by name (left to
# itself, scikit-build-core would name Python's, x86_64-linux-gnu-g++).
export CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1 CXX="${CXX:-c++}"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPython_EXECUTABLE="$PWD/$venv/bin/python" \
  >/dev/null
cmake --build build

# The package into the venv: `import rtcli` and the rtcli command on its PATH. A plain install
# (not editable), so that the venv holds what a user's pip install gives; without build
# isolation, so that it builds with the venv's pinned scikit-build-core and nanobind (the build
# tree's too) and nothing is downloaded again; in build-package/ (pyproject.toml), so that a
# second run rebuilds only what changed.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-build-isolation \
  --no-deps .

if [ "$mode" = render ]; then
  "$venv/bin/rtcli" render --out frames
else
  ctest --test-dir build --output-on-failure -j "$(nproc)"
  # Then the sanitizer and fuzz stages (about 15 minutes on 2 cores); RTCLI_SKIP_SANITIZERS=1
  # leaves them out of a quick local run. CI always runs them.
  if [ "${RTCLI_SKIP_SANITIZERS:-0}" != 1 ] || [ "${CI:-}" = true ]; then
    scripts/sanitize.sh all
  fi
fi

#!/usr/bin/env bash
# Takes a Debian 12 machine from a fresh clone to rendered frames or a passing test suite.
#   scripts/setup.sh render   install what is missing, build Release, render frames/
#   scripts/setup.sh test     install what is missing, build Release, run every test, then the
#                             sanitizer and fuzz stages of scripts/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-render}
case "$mode" in render | test) ;; *)
  echo "usage: scripts/setup.sh render|test" >&2
  exit 2
  ;;
esac

# Everything comes from Debian's archive; the Python registry is not reachable here.
packages=(g++ cmake ninja-build pkg-config libtbb-dev libstb-dev libcli11-dev nlohmann-json3-dev
  libgtest-dev libbenchmark-dev libbenchmark-tools libdeflate-dev zlib1g-dev libhwy-dev
  python3-matplotlib python3-numpy python3-scipy pybind11-dev python3-dev clang libclang-rt-14-dev
  pngcheck openmpi-bin libopenmpi-dev man-db zsh)

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

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build

if [ "$mode" = render ]; then
  build/rtcli render --out frames
else
  ctest --test-dir build --output-on-failure -j "$(nproc)"
  # Then the sanitizer and fuzz stages (about 15 minutes on 2 cores); RTCLI_SKIP_SANITIZERS=1
  # leaves them out of a quick local run. CI always runs them.
  if [ "${RTCLI_SKIP_SANITIZERS:-0}" != 1 ] || [ "${CI:-}" = true ]; then
    scripts/sanitize.sh all
  fi
fi

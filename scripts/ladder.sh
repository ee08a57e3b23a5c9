#!/usr/bin/env bash
# The binding ladder in one command (after the build: cmake --build build):
#   scripts/ladder.sh OUTDIR [ladder.py options, e.g. --runs 7]
# runs python/ladder/ladder.py with Debian's /usr/bin/python3 (the ABI the rung modules are built
# for, with numpy and matplotlib): OUTDIR gets ladder.txt (the table), ladder.json and ladder.png.
# RTCLI_BUILD names another build folder.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: scripts/ladder.sh OUTDIR [ladder.py options]" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
exec /usr/bin/python3 "$root/python/ladder/ladder.py" --build "${RTCLI_BUILD:-$root/build}" "$@"

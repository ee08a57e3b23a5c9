#!/usr/bin/env bash
# The binding ladder in one command (after the build: cmake --build build):
#   scripts/ladder.sh OUTDIR [ladder.py options, e.g. --runs 7]
# runs python/ladder/ladder.py with the project's venv (.venv, the interpreter the package and the
# rung modules are built for; else Debian's /usr/bin/python3): OUTDIR gets ladder.txt (the
# table), ladder.json and ladder.png. RTCLI_BUILD names another build folder.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: scripts/ladder.sh OUTDIR [ladder.py options]" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
python=/usr/bin/python3
[ -x "$root/.venv/bin/python" ] && python=$root/.venv/bin/python
exec "$python" "$root/python/ladder/ladder.py" --build "${RTCLI_BUILD:-$root/build}" "$@"

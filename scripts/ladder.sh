#!/usr/bin/env bash
# The talk's story in one command: the seed frame rendered four ways, from the pure-Python loop to
# whole native frames, then by rtcli bench, then plotted with the ratio tables.
#   scripts/ladder.sh OUTDIR     (after the build: cmake --build build; about 2 minutes)
# OUTDIR gets MODE.json and MODE.png for python, native-vectors, native-pixel, native-frame
# (python_reference.py), cpp.json (rtcli bench on 1 and all threads), ladder*.png (plot_report.py
# over all five reports) and ladder.txt (its tables). Every PNG must be equal: the script checks. RTCLI_BUILD names another build folder.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: scripts/ladder.sh OUTDIR" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
out=$1
build=${RTCLI_BUILD:-$root/build}
python="$root/.venv/bin/python"  # the project's venv (scripts/setup.sh): numpy, matplotlib
export PYTHONPATH="$build/python${PYTHONPATH:+:$PYTHONPATH}"
mkdir -p "$out"

modes=(python native-vectors native-pixel native-frame)
for mode in "${modes[@]}"; do
  # Three untimed frames each for throughput with an interval; native-frame times 200 frames.
  reps=3
  [ "$mode" = native-frame ] && reps=200
  "$python" "$root/scripts/python_reference.py" --mode "$mode" --repetitions "$reps" \
    --json "$out/$mode.json" --png "$out/$mode.png"
done
for mode in "${modes[@]:1}"; do
  cmp -s "$out/python.png" "$out/$mode.png" || {
    echo "ladder: $mode rendered other pixels than python" >&2
    exit 1
  }
done
threads=1
[ "$(nproc)" -gt 1 ] && threads="1,$(nproc)"
"$build/rtcli" bench --threads "$threads" --end-to-end-runs 0 --json "$out/cpp.json" --quiet
reports=()
for name in "${modes[@]}" cpp; do reports+=("$out/$name.json"); done
"$python" "$root/scripts/plot_report.py" "${reports[@]}" -o "$out/ladder.png" >"$out/ladder.txt"
cat "$out/ladder.txt"

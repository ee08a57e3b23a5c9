#!/usr/bin/env bash
# The sanitizer and fuzz stages of the test suite; scripts/setup.sh test runs them after the
# Release tests (so CI does), RTCLI_SKIP_SANITIZERS=1 skips them there for a quick local run.
#   scripts/sanitize.sh asan   clang, AddressSanitizer + UndefinedBehaviorSanitizer: everything
#                              built in build-asan/ (fuzz harnesses too), the whole ctest suite
#   scripts/sanitize.sh tsan   clang, ThreadSanitizer in build-tsan/: the parallel tests only
#   scripts/sanitize.sh fuzz   each libFuzzer harness of build-asan/ for RTCLI_FUZZ_SECONDS
#                              (default 20) seconds; any crash fails (run asan first)
#   scripts/sanitize.sh all    asan, tsan, fuzz
# Tests that run rtcli run the binary of their own build folder, so the sanitized one.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=$(nproc)
# Optimised, so that the end-to-end renders stay quick, but with assertions and frame pointers.
common_flags="-O2 -g -fno-omit-frame-pointer"

configure() {  # configure DIR SANITIZER_FLAGS EXTRA_CMAKE_ARGS...
  local dir=$1 flags=$2
  shift 2
  CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$common_flags" -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="$flags" "$@" >/dev/null
}

stage_asan() {
  # fuzzer-no-link adds libFuzzer's coverage hooks, so the harnesses share this build.
  configure build-asan "-fsanitize=address,undefined -fno-sanitize-recover=all \
-fsanitize=fuzzer-no-link" -DRTCLI_BUILD_FUZZERS=ON
  cmake --build build-asan
  ASAN_OPTIONS=detect_leaks=1:check_initialization_order=1:detect_stack_use_after_return=1 \
    LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp" \
    UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs"
}

# Tests that start threads: suites named for it, and the end-to-end runs of a parallel render.
tsan_tests='Parallel|TempFiles|Scheduler|WorkerArena|Concurrent|Interrupt|EndToEnd|Streaming|OrderedWindow|CheckpointWriter'

stage_tsan() {
  configure build-tsan "-fsanitize=thread"
  cmake --build build-tsan --target rtcli rtcli_tests
  TSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/tsan.supp:halt_on_error=1:second_deadlock_stack=1" \
    ctest --test-dir build-tsan --output-on-failure -j "$jobs" -R "$tsan_tests"
}

stage_fuzz() {
  local seconds=${RTCLI_FUZZ_SECONDS:-20}
  mkdir -p build-asan/fuzz-artifacts
  for target in scene dimensions checkpoints output_paths; do
    # New inputs go to the first folder (build-asan/); the seeds in tests/fuzz stay as they are.
    mkdir -p "build-asan/fuzz-corpus/$target"
    local dict=()
    [ -f "tests/fuzz/$target.dict" ] && dict=("-dict=tests/fuzz/$target.dict")
    echo "fuzz: $target for ${seconds}s" >&2
    local log="build-asan/fuzz-$target.log"
    if ! "build-asan/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 "${dict[@]}" \
      -artifact_prefix="build-asan/fuzz-artifacts/$target-" \
      "build-asan/fuzz-corpus/$target" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
      tail -n 60 "$log" >&2
      echo "fuzz: $target crashed; the input is in build-asan/fuzz-artifacts/ (make it a" \
        "regression: tests/fuzz/regressions/$target/)" >&2
      exit 1
    fi
    grep -E '^stat::(number_of_executed_units|new_units_added)' "$log" >&2 || true
  done
}

timed() {
  local start=$SECONDS
  "stage_$1"
  echo "sanitize: $1 stage took $((SECONDS - start)) s" >&2
}

case "${1:-}" in
  asan | tsan | fuzz) timed "$1" ;;
  # One statement each: in an && list, set -e would not stop on a failing stage.
  all)
    timed asan
    timed tsan
    timed fuzz
    ;;
  *)
    echo "usage: scripts/sanitize.sh asan|tsan|fuzz|all" >&2
    exit 2
    ;;
esac

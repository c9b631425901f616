#!/usr/bin/env bash
# Builds the RequestDecoder fuzz target and runs it for SECONDS (default 60); prints the execution count.
# libFuzzer (swiftc -sanitize=fuzzer,address) when the toolchain has it, else a deterministic random driver.
# usage: bash fuzz/run.sh [SECONDS]      FUZZ_DRIVER=random forces the fallback driver.
set -euo pipefail
seconds=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$root/.build/fuzz"
work="$here/corpus-work"          # new inputs found by libFuzzer (git-ignored)
mkdir -p "$out" "$work"
sources=("$root"/Sources/HTTP1/*.swift "$here/FuzzRequestDecoder.swift")

driver=${FUZZ_DRIVER:-libfuzzer}
if [[ "$driver" == libfuzzer ]]; then
  if ! swiftc -O -sanitize=fuzzer,address -parse-as-library -package-name cqo -module-name FuzzRequestDecoder \
      "${sources[@]}" -o "$out/fuzz-request-decoder" >"$out/build.log" 2>&1; then
    echo "# libFuzzer build failed (see $out/build.log); using the random driver" >&2
    driver=random
  fi
fi

if [[ "$driver" == libfuzzer ]]; then
  set +e
  "$out/fuzz-request-decoder" -max_total_time="$seconds" -print_final_stats=1 -max_len=4096 \
    -artifact_prefix="$out/" "$work" "$here/corpus" >"$out/run.log" 2>&1
  status=$?
  set -e
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb)|ERROR|Crash|crash-|precondition|Fatal" "$out/run.log" || true
  executions=$(awk '/stat::number_of_executed_units/ {print $2}' "$out/run.log")
  echo "executions: ${executions:-0} (libFuzzer, ${seconds}s, log $out/run.log)"
  exit $status
fi

swiftc -O -D FUZZ_RANDOM_DRIVER -parse-as-library -package-name cqo -module-name FuzzRequestDecoder \
  "${sources[@]}" "$here/RandomDriver.swift" -o "$out/fuzz-random-driver"
"$out/fuzz-random-driver" "$seconds" "$here"/corpus/* | tee "$out/run.log"
executions=$(awk '/stat::number_of_executed_units/ {print $2}' "$out/run.log")
echo "executions: ${executions:-0} (random driver, ${seconds}s)"

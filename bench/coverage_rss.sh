#!/usr/bin/env bash
# Load time and resident size of the coverage index on a prepared database (see bench/COVERAGE.md).
#
#   bench/coverage_rss.sh DB [BIN]
#
# Starts `cqo-registry serve` on a free loopback port, asks for coverage until the index has loaded (503 with
# Retry-After until then), prints the time that took and the server's VmRSS / VmHWM, and stops it by PID.
set -euo pipefail
db=${1:?usage: $0 DB [BIN]}
bin=${2:-.build/release/cqo-registry}
token=$("$bin" token create --role viewer --region 44 --label coverage-rss --db "$db")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log=$(mktemp "${TMPDIR:-/tmp}/coverage-rss.XXXXXX.log")
"$bin" serve --port "$port" --db "$db" --log-level warning >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
start=$(date +%s.%N)
curl -fsS -o /dev/null --retry 600 --retry-delay 1 --retry-connrefused --retry-all-errors \
  -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/coverage?region=44" 2>/dev/null
end=$(date +%s.%N)
python3 -c "print(f'index loaded after {$end - $start:.1f} s (Retry-After granularity 1 s)')"
grep -E 'VmRSS|VmHWM' "/proc/$pid/status"

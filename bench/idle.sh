#!/usr/bin/env bash
# Holds N idle keep-alive connections against cqo-registry (release) with ../shared/bench/idle.sh and reports RSS and
# /healthz latency while they are held.  usage: bench/idle.sh [N=10000] [HOLD_S=10] [WRK_S=5] [BATCH=100]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
B=${SHARED_BENCH:-$(cd "$root/../shared/bench" && pwd)}
PORT=${PORT:-8090}
cd "$root"
swift build -c release --product cqo-registry >&2
BIN=$(swift build -c release --show-bin-path)/cqo-registry
DB=$(mktemp -d)/idle.sqlite
"$BIN" serve --port "$PORT" --db "$DB" --log-level warning &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$(dirname "$DB")"' EXIT INT TERM
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
"$B/idle.sh" "url:http://127.0.0.1:$PORT" "${1:-10000}" "${2:-10}" "${3:-5}" "${4:-100}" --pid "$pid"

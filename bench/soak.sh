#!/usr/bin/env bash
# Soak: a demo city, a real server on a loopback port, and bench/soak.py's mixed load for SECONDS (default 600).
# usage: bench/soak.sh [path/to/cqo-registry] [seconds] [enterprises]
# Prints requests, errors, latency percentiles per kind, and the server's RSS after warm-up and at the end; exits
# non-zero on any error. Stops the server by PID.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${1:-$root/.build/release/cqo-registry}
SECONDS_TO_RUN=${2:-600}
ENTERPRISES=${3:-3000}
work=$(mktemp -d)
db="$work/soak.sqlite"
"$BIN" demo --db "$db" --enterprises "$ENTERPRISES" 2>/dev/null
regulator=$("$BIN" token create --role regulator --region 4420 --label soak --db "$db")
viewer=$("$BIN" token create --role viewer --region 4420 --label soak --db "$db")
sqlite3 "$db" "SELECT uscc FROM enterprise" > "$work/usccs.txt"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --port "$port" --db "$db" --log-level warning \
  --rate-limit-per-token 1000000 --rate-limit-per-address 1000000 2>"$work/serve.log" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 300); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
echo "soak: $ENTERPRISES enterprises, server pid $pid on port $port, $SECONDS_TO_RUN s, $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
python3 "$root/bench/soak.py" "$port" "$pid" "$SECONDS_TO_RUN" "$regulator" "$viewer" "$work/usccs.txt"

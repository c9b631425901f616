#!/usr/bin/env bash
# Coverage polling with and without concurrent roster changes (see bench/COVERAGE.md).
#
#   bench/coverage_under_writes.sh DB [BIN] [SECONDS]
#
# Serves DB, waits for the coverage index, runs `wrk -t2 -c8` on /v1/coverage (no If-None-Match, so every request
# counts) for SECONDS, then again while a writer flips one enterprise's sector 20 times a second through sqlite3
# (each flip is a change the index catches up on; flips come in pairs, so the data ends as it began).
set -euo pipefail
db=${1:?usage: $0 DB [BIN] [SECONDS]}
bin=${2:-.build/release/cqo-registry}
seconds=${3:-10}
token=$("$bin" token create --role viewer --region 44 --label coverage-writes --db "$db")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$bin" serve --port "$port" --db "$db" --log-level warning --rate-limit-per-token 1000000 >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
url="http://127.0.0.1:$port/v1/coverage?region=44&group_by=size_class"
curl -fsS -o /dev/null --retry 600 --retry-delay 1 --retry-connrefused --retry-all-errors \
  -H "Authorization: Bearer $token" "$url" 2>/dev/null
uscc=$(sqlite3 "$db" "SELECT uscc FROM enterprise WHERE sector IN ('product', 'service') LIMIT 1")
echo "== without writes"
wrk -t2 -c8 -d"$seconds" --latency -H "Authorization: Bearer $token" "$url" | grep -E "Latency|50%|99%|Requests/sec"
echo "== with 20 changes a second to $uscc"
python3 - "$db" "$uscc" "$seconds" <<'PY' &
import sqlite3, sys, time
db, uscc, seconds = sqlite3.connect(sys.argv[1], timeout=5), sys.argv[2], float(sys.argv[3])
flip = "UPDATE enterprise SET sector = CASE sector WHEN 'product' THEN 'service' ELSE 'product' END WHERE uscc = ?"
end, flips = time.time() + seconds, 0
while time.time() < end or flips % 2:
    db.execute(flip, (uscc,))
    db.commit()
    flips += 1
    time.sleep(0.05)
print("changes:", flips)
PY
writer=$!
wrk -t2 -c8 -d"$seconds" --latency -H "Authorization: Bearer $token" "$url" | grep -E "Latency|50%|99%|Requests/sec"
wait $writer

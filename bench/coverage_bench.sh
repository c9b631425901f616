#!/usr/bin/env bash
# Server-side timings of /v1/coverage and /v1/coverage/trend on a prepared database (see bench/COVERAGE.md).
#
#   bench/coverage_bench.sh DB [BIN] [N]
#     DB   our database, roster imported, appointments filed (bench/file_appointments.py) and certificates issued
#          (bench/file_certificates.py; without them the training rows count no one covered)
#     BIN  cqo-registry binary (default .build/release/cqo-registry)
#     N    requests per scenario (default 21)
#
# Starts `cqo-registry serve` on a free loopback port (info log, rate limit raised), creates a viewer token for
# region 44, makes one unrecorded request (which loads the coverage index), then N requests per scenario with a
# distinct X-Request-Id each, and reads each request's server time (duration_us) from the access log.
# Prints one line per scenario: median, min and max server time in ms, and curl's median total time.
set -euo pipefail
db=${1:?usage: $0 DB [BIN] [N]}
bin=${2:-.build/release/cqo-registry}
n=${3:-21}
log=$(mktemp "${TMPDIR:-/tmp}/coverage-bench.XXXXXX.log")
token=$("$bin" token create --role viewer --region 44 --label coverage-bench --db "$db")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$bin" serve --port "$port" --db "$db" --log-level info --rate-limit-per-token 1000000 2>"$log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
curl -fs --retry 100 --retry-delay 0 --retry-connrefused --retry-all-errors --max-time 2 "$base/readyz" >/dev/null
rows=$(sqlite3 "$db" "SELECT count(*) FROM enterprise" 2>/dev/null || echo "?")
auth="Authorization: Bearer $token"
start=$(date +%s.%N)
# 503 (Retry-After) until the index has loaded; curl retries those.
curl -fsS -o /dev/null --retry 300 --retry-delay 1 -H "$auth" "$base/v1/coverage?region=44"
echo "rows=$rows first request (loads the index): $(python3 -c "import time; print(f'{time.time() - $start:.2f}')") s"

scenario() {  # name path [If-None-Match]
  local name=$1 path=$2 conditional=${3:-}
  local totals=() etag=""
  if [[ -n "$conditional" ]]; then
    etag=$(curl -fsS -D - -o /dev/null -H "$auth" "$base$path" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
  fi
  for i in $(seq 1 "$n"); do
    local headers=(-H "$auth" -H "X-Request-Id: bench-$name-$i")
    [[ -n "$etag" ]] && headers+=(-H "If-None-Match: $etag")
    totals+=("$(curl -sS -o /dev/null -w '%{time_total}' "${headers[@]}" "$base$path")")
  done
  sleep 0.2  # let the access log lines reach the file
  python3 - "$log" "$name" "$n" "${totals[@]}" <<'PY'
import re, statistics, sys
log, name, n, totals = sys.argv[1], sys.argv[2], int(sys.argv[3]), [float(t) * 1000 for t in sys.argv[4:]]
us = []
for line in open(log, encoding="utf-8", errors="replace"):
    m = re.search(r"request_id=bench-" + re.escape(name) + r"-(\d+)\b", line)
    d = re.search(r"duration_us=(\d+)", line)
    if m and d:
        us.append(int(d.group(1)) / 1000)
if len(us) != n:
    print(f"{name}: found {len(us)} of {n} log lines", file=sys.stderr)
print(f"{name:<34} server median {statistics.median(us):8.3f} ms  min {min(us):8.3f}  max {max(us):8.3f}"
      f"   curl median {statistics.median(totals):8.3f} ms")
PY
}

scenario today-44-size-manufacturing "/v1/coverage?region=44&group_by=size_class&manufacturing=true"
scenario today-44-total "/v1/coverage?region=44"
scenario today-4403001-size "/v1/coverage?region=4403001&group_by=size_class"
scenario today-4420-by-town "/v1/coverage?region=4420&group_by=region"
scenario today-4420-town-above-manuf "/v1/coverage?region=4420&group_by=region&above_scale=true&manufacturing=true"
scenario today-44-by-city "/v1/coverage?region=44&group_by=region"
scenario today-44-by-industry "/v1/coverage?region=44&group_by=industry&manufacturing=true"
scenario past-2023-12-31-44-size "/v1/coverage?region=44&as_of=2023-12-31&group_by=size_class&manufacturing=true"
scenario past-2022-06-30-4403001 "/v1/coverage?region=4403001&as_of=2022-06-30&group_by=size_class"
scenario trend-36m-44-size "/v1/coverage/trend?region=44&from=2022-12-01&to=2025-11-30&group_by=size_class&manufacturing=true"
scenario trend-36m-4420-total "/v1/coverage/trend?region=4420&from=2022-12-01&to=2025-11-30"
scenario training-today-44-size-manuf "/v1/coverage?metric=training&region=44&group_by=size_class&manufacturing=true"
scenario training-today-4420-by-town "/v1/coverage?metric=training&region=4420&group_by=region"
scenario training-past-2023-12-31-44 "/v1/coverage?metric=training&region=44&as_of=2023-12-31&group_by=size_class&manufacturing=true"
scenario training-past-2022-06-30-4403001 "/v1/coverage?metric=training&region=4403001&as_of=2022-06-30&group_by=size_class"
scenario training-trend-36m-44-size "/v1/coverage/trend?metric=training&region=44&from=2022-12-01&to=2025-11-30&group_by=size_class&manufacturing=true"
scenario poll-304-44-size "/v1/coverage?region=44&group_by=size_class&manufacturing=true" conditional

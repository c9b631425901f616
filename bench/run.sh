#!/usr/bin/env bash
# Builds cqo-registry (release), loads the peers' generated roster into it, starts it with authentication and the
# rate limiter on (limit raised so its cost is counted, not its refusals), and runs ../shared/bench/compare.sh:
# wrk against ours and, in the same run, the Hummingbird and FlyingFox peers on the same SQLite data, and nginx.
#
# usage: bench/run.sh [compare.sh options…]     e.g. bench/run.sh --rounds 2 --duration 10
# env:   SHARED_BENCH (default ../shared/bench), BENCH_WORK (default ${TMPDIR:-/tmp}/cqo-bench), N (default 200000),
#        PORT (default 8080)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
B=${SHARED_BENCH:-$(cd "$root/../shared/bench" && pwd)}
W=${BENCH_WORK:-${TMPDIR:-/tmp}/cqo-bench}
N=${N:-200000}
PORT=${PORT:-8080}
export BENCH_WORK=$W

cd "$root"
swift build -c release --product cqo-registry >&2
BIN=$(swift build -c release --show-bin-path)/cqo-registry

data=$W/data/peers-$N
[[ -f $data.sqlite && -f $data.csv ]] || python3 "$B/gen_data.py" --n "$N" --csv >&2
DB=$W/ours-$N.sqlite
if [[ ! -f $DB ]]; then
  "$BIN" import enterprises "$data.csv" --db "$DB.tmp" >&2
  # The audit key travels with its database (keyed chain, issue 15).
  mv "$DB.tmp" "$DB"; for s in -wal -shm .audit-key; do [[ -f $DB.tmp$s ]] && mv "$DB.tmp$s" "$DB$s"; done
fi

"$BIN" serve --port "$PORT" --db "$DB" --rate-limit-per-token 1000000 --log-level warning &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT INT TERM
BENCH_TOKEN=$("$BIN" token create --role admin --region 44 --label bench --db "$DB")
export BENCH_TOKEN
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
# The coverage index is built in the background after start; one coverage query waits for it, so that start-up
# work is not measured as request work.
for _ in $(seq 120); do
  code=$(printf 'header = "Authorization: Bearer %s"\n' "$BENCH_TOKEN" \
    | curl -sS -K - -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v1/coverage?region=44" || true)
  [[ $code == 200 ]] && break
  sleep 0.5  # 503 + Retry-After while the index loads
done
"$B/compare.sh" --ours "http://127.0.0.1:$PORT" --pid "$pid" "$@"

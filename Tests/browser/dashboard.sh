#!/usr/bin/env bash
# Browser test of the coverage dashboard (GET /) in a real headless Chromium.
#
# Builds cqo-registry (debug) unless CQO_BIN names a binary, makes a demo city with appointments in a temporary
# database, serves it on a free loopback port, creates a viewer token, loads the page with the token (in the
# URL fragment, which never reaches the server), and checks that every figure on screen (elements marked
# data-check) equals the API's answer, that the page recorded no JavaScript error, and that Chromium logged no
# console error; then the same with the metric switched to training (certificates issued to 60 % of the registered
# CQOs by bench/file_certificates.py). Saves the DOMs and screenshots in $OUT (default: a temp dir, printed). Exit 0 only when all hold.
#
#   Tests/browser/dashboard.sh            # or: CQO_BIN=.build/release/cqo-registry OUT=/tmp/shots Tests/browser/dashboard.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
[[ -n "$chromium" ]] || { echo "dashboard.sh: chromium not found (set CHROMIUM)" >&2; exit 2; }
if [[ -z "${CQO_BIN:-}" ]]; then
  swift build --product cqo-registry >&2
  CQO_BIN="$root/.build/debug/cqo-registry"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/cqo-dashboard.XXXXXX")
OUT=${OUT:-$work}
mkdir -p "$OUT"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work/db" "$work/profile"
}
trap cleanup EXIT
mkdir -p "$work/db"
db="$work/db/demo.sqlite"
today=$(TZ=Asia/Shanghai date +%F)

"$CQO_BIN" demo --db "$db" --enterprises 2000 --seed 2025 >/dev/null 2>&1
python3 "$root/bench/file_appointments.py" --db "$db" --random 0.7 --seed 11 --today "$today"
python3 "$root/bench/file_certificates.py" --db "$db" --share 0.6 --seed 13 --today "$today"
token=$("$CQO_BIN" token create --role viewer --region 4420 --label browser-test --db "$db")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$CQO_BIN" serve --host 127.0.0.1 --port "$port" --db "$db" --log-level warning >"$OUT/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
curl -fs --retry 50 --retry-delay 0 --retry-connrefused --retry-all-errors --max-time 2 "$base/readyz" >/dev/null \
  || { echo "dashboard.sh: the server did not become ready; its log:" >&2; cat "$OUT/server.log" >&2; exit 1; }

url="$base/?poll=60000#token=$token"
flags=(--headless=new --no-sandbox --disable-gpu --no-first-run --hide-scrollbars --user-data-dir="$work/profile"
       --virtual-time-budget=15000 --enable-logging=stderr --v=0)
"$chromium" "${flags[@]}" --dump-dom "$url" >"$OUT/dom.html" 2>"$OUT/chromium.log"
"$chromium" "${flags[@]}" --window-size=1400,1300 --screenshot="$OUT/dashboard.png" "$url" >/dev/null 2>>"$OUT/chromium.log"
"$chromium" "${flags[@]}" --window-size=1400,1300 --screenshot="$OUT/dashboard-en.png" "$base/?lang=en&poll=60000#token=$token" \
  >/dev/null 2>>"$OUT/chromium.log"

"$chromium" "${flags[@]}" --dump-dom "$base/?metric=training&poll=60000#token=$token" >"$OUT/dom-training.html" \
  2>"$OUT/chromium-training.log"
"$chromium" "${flags[@]}" --window-size=1400,1300 --screenshot="$OUT/dashboard-training.png" \
  "$base/?metric=training&poll=60000#token=$token" >/dev/null 2>>"$OUT/chromium-training.log"

python3 "$root/Tests/browser/check_dashboard.py" --dom "$OUT/dom.html" --base "$base" --token "$token" \
  --chromium-log "$OUT/chromium.log" --screenshot "$OUT/dashboard.png"
python3 "$root/Tests/browser/check_dashboard.py" --dom "$OUT/dom-training.html" --base "$base" --token "$token" \
  --chromium-log "$OUT/chromium-training.log" --screenshot "$OUT/dashboard-training.png" --metric training
echo "dashboard.sh: ok (DOM, screenshots and logs in $OUT)"

#!/usr/bin/env bash
# Follows the README's "Try it with curl" section against a real server on a loopback port, with a fresh
# database, and fails on any unexpected answer. usage: Tests/smoke/readme.sh [path/to/cqo-registry]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${1:-$root/.build/debug/cqo-registry}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --port "$port" --db "$work/cqo-registry.sqlite" --log-level warning 2>"$work/serve.log" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
base=http://127.0.0.1:$port
fail() { echo "README smoke: $*" >&2; exit 1; }
expect() { local want=$1 got=$2 what=$3; [[ $got == "$want" ]] || fail "$what: expected $want, got $got"; echo "ok  $what ($got)"; }

TOKEN=$("$BIN" token create --role regulator --region 4420 --label demo --db "$work/cqo-registry.sqlite")
[[ $TOKEN == cqo_* ]] || fail "token create printed '$TOKEN'"

status=$(curl -s -o "$work/created.json" -w '%{http_code}' -X POST "$base/v1/enterprises" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"uscc":"91442000MA4UJ6R97W","name":"中山市华兴电器有限公司","region_code":"442000100001",
       "size_class":"medium","above_scale":true,"industry_code":"C3857","sector":"product"}')
expect 201 "$status" "create an enterprise"

status=$(curl -s -o "$work/read.json" -w '%{http_code}' "$base/v1/enterprises/91442000MA4UJ6R97W" -H "Authorization: Bearer $TOKEN")
expect 200 "$status" "read it"
grep -q '"name":"中山市华兴电器有限公司"' "$work/read.json" || fail "read body: $(cat "$work/read.json")"

status=$(curl -s -o "$work/list.json" -w '%{http_code}' "$base/v1/enterprises?region=4420&limit=10" -H "Authorization: Bearer $TOKEN")
expect 200 "$status" "list the roster"
grep -q '91442000MA4UJ6R97W' "$work/list.json" || fail "list body: $(cat "$work/list.json")"

ETAG=$(curl -s -o /dev/null -D - "$base/v1/enterprises/91442000MA4UJ6R97W" \
  -H "Authorization: Bearer $TOKEN" | tr -d '\r' | sed -n 's/^ETag: //Ip')
status=$(curl -s -o "$work/patched.json" -w '%{http_code}' -X PATCH "$base/v1/enterprises/91442000MA4UJ6R97W" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/merge-patch+json' -H "If-Match: $ETAG" \
  -d '{"employees":450}')
expect 200 "$status" "merge-patch it with If-Match"
grep -q '"employees":450' "$work/patched.json" || fail "patch body: $(cat "$work/patched.json")"

status=$(curl -s -o "$work/bad.json" -w '%{http_code}' -X POST "$base/v1/enterprises" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"uscc":"91442000MA4UJ6R97X"}')
expect 422 "$status" "a bad code is a 422"
grep -q '"field":"uscc","code":"checksum"' "$work/bad.json" || fail "problem body: $(cat "$work/bad.json")"

printf 'uscc,name,region_code,size_class,above_scale,industry_code,sector\n91442000MA4WXB1N1B,中山市明日光灯饰有限公司,442000105001,small,false,C3879,product\n' > "$work/roster.csv"
status=$(curl -s -o "$work/import.json" -w '%{http_code}' -X POST "$base/v1/enterprises/import?dry_run=true" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$work/roster.csv")
expect 200 "$status" "dry-run import"
grep -q '"created":1' "$work/import.json" || fail "import report: $(cat "$work/import.json")"

status=$(curl -s -o "$work/filed.json" -w '%{http_code}' -X POST "$base/v1/enterprises/91442000MA4UJ6R97W/appointments" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H 'Idempotency-Key: filing-1' \
  -d '{"role":"cqo","person":{"name":"张三明","id_number":"44200019800101005X","phone":"13812345678"},
       "position":"质量副总经理","is_principal":false,"appointed_on":"2025-03-01"}')
expect 201 "$status" "file an appointment"
grep -q '"status":"submitted"' "$work/filed.json" || fail "filing body: $(cat "$work/filed.json")"

status=$(curl -s -o "$work/registered.json" -w '%{http_code}' -X POST "$base/v1/appointments/1/register" -H "Authorization: Bearer $TOKEN")
expect 200 "$status" "register it"
grep -q '"status":"registered"' "$work/registered.json" || fail "register body: $(cat "$work/registered.json")"

status=$(curl -s -o "$work/events.json" -w '%{http_code}' "$base/v1/events?wait=10" -H "Authorization: Bearer $TOKEN")
expect 200 "$status" "read the change feed"
grep -q '"kind":"appointment.registered"' "$work/events.json" || fail "feed: $(cat "$work/events.json")"

status=$(curl -s -o "$work/roster.csv" -w '%{http_code}' "$base/v1/enterprises/export" -H "Authorization: Bearer $TOKEN")
expect 200 "$status" "export the roster"
grep -q '91442000MA4UJ6R97W,.*,true' "$work/roster.csv" || fail "export: $(cat "$work/roster.csv")"

status=$(curl -s -o "$work/session.json" -w '%{http_code}' -X POST "$base/v1/training-sessions" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"provider":"广东省质量协会","title":"首席质量官培训班","hours":16,"starts_on":"2025-03-10",
       "ends_on":"2025-03-11","mode":"offline","region_code":"4420"}')
expect 201 "$status" "record a training session"
grep -q '"id":1' "$work/session.json" || fail "session body: $(cat "$work/session.json")"

status=$(curl -s -o "$work/attendance.json" -w '%{http_code}' -X PUT "$base/v1/training-sessions/1/attendance" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '[{"person_id":1,"hours":16}]')
expect 200 "$status" "record its attendance"

status=$(curl -s -o "$work/exam.json" -w '%{http_code}' -X POST "$base/v1/exams" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"person_id":1,"taken_on":"2025-03-11","score":82,"session_id":1}')
expect 201 "$status" "a passed exam"
number=$(sed -n 's/.*"number":"\(CQO-2025-[0-9A-Z]*\)".*/\1/p' "$work/exam.json")
[[ -n $number ]] || fail "exam body: $(cat "$work/exam.json")"
grep -q '"expires_on":"2028-03-10"' "$work/exam.json" || fail "exam body: $(cat "$work/exam.json")"

status=$(curl -s -o "$work/verified.json" -w '%{http_code}' "$base/v1/certificates/$number")
expect 200 "$status" "verify the certificate without a token"
grep -q '"holder_name":"张\*明"' "$work/verified.json" || fail "verification: $(cat "$work/verified.json")"
grep -q '"status":"valid"' "$work/verified.json" || fail "verification: $(cat "$work/verified.json")"

status=$(curl -s -o "$work/pool.json" -w '%{http_code}' "$base/v1/talent-pool" -H "Authorization: Bearer $TOKEN")
expect 200 "$status" "the talent pool"
grep -q "$number" "$work/pool.json" || fail "pool: $(cat "$work/pool.json")"

status=$(curl -s -o /dev/null -w '%{http_code}' "$base/openapi.yaml")
expect 200 "$status" "the contract is served"
echo "README smoke: all good"

#!/usr/bin/env bash
# A rejected roster of 1.5 million invalid lines (12 MB): the answer's size, the server's RSS before, at its peak
# (sampled every 0.1 s) and after, and /healthz latency while the import is parsed (issue 15's figures).
# usage: bench/import_bounded.sh [path/to/cqo-registry]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${1:-$root/.build/release/cqo-registry}
work=$(mktemp -d)
python3 -c "open('$work/bad.csv','w').write('uscc,name,region_code,size_class,above_scale,industry_code,sector\\n' + 'bad,x,1\\n'*1500000)"
"$BIN" migrate --db "$work/d.sqlite" 2>/dev/null
token=$("$BIN" token create --role regulator --region 4420 --db "$work/d.sqlite")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --port "$port" --db "$work/d.sqlite" --log-level warning --max-body 67108864 2>/dev/null &
pid=$!
trap 'kill $pid; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
before=$(ps -o rss= -p $pid)
peak=$before
( while kill -0 $pid 2>/dev/null; do r=$(ps -o rss= -p $pid || echo 0); echo $r >> "$work/rss"; sleep 0.1; done ) &
sampler=$!
( for _ in $(seq 100); do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/healthz" >> "$work/health"; sleep 0.05; done ) &
prober=$!
start=$(date +%s.%N)
code=$(curl -s -o "$work/answer.json" -w '%{http_code}' -X POST "http://127.0.0.1:$port/v1/enterprises/import" \
  -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @"$work/bad.csv")
end=$(date +%s.%N)
# /healthz while nothing else runs, to see the loop answers
health=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/healthz")
sleep 1
after=$(ps -o rss= -p $pid)
kill $sampler 2>/dev/null || true
wait $prober 2>/dev/null || true
echo "healthz during the import: max $(sort -n "$work/health" | tail -1) s over $(wc -l < "$work/health") probes"
peak=$(sort -n "$work/rss" | tail -1)
echo "status $code, answer $(stat -c %s "$work/answer.json") bytes, $(python3 -c "print(round($end-$start,1))") s; RSS before $((before/1024)) MiB, peak $((peak/1024)) MiB, after $((after/1024)) MiB"
python3 -c "import json; a=json.load(open('$work/answer.json')); print('errors', len(a['errors']), 'error_total', a['error_total'], 'error_counts', a['error_counts'])"

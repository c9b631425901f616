#!/usr/bin/env bash
# Runs schemathesis (pinned below) with every check over every operation of openapi.yaml against the real server
# on a demo database, once with a token of each role, and fails on any failure. A fixed seed and a small number of
# examples per operation, on one worker, keep it reproducible and bounded (about 20 s per role on a 2-core machine).
# No check is excluded: what a schema cannot state is explained, one refusal at a time, in hooks.py and
# schemathesis.toml beside this script.
# usage: Tests/contract/schemathesis.sh [path/to/cqo-registry]
# env:   ST_MAX_EXAMPLES (default 12), ST_SEED (default 16), ST_ROLES (default "admin regulator enterprise trainer
#        viewer"), ST_SCHEMA (default: the schema the server serves at /openapi.yaml)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${1:-$root/.build/debug/cqo-registry}
version=4.32.5
max_examples=${ST_MAX_EXAMPLES:-12}
seed=${ST_SEED:-16}
roles=${ST_ROLES:-admin regulator enterprise trainer viewer}

# schemathesis in its own virtual environment, so that its dependencies never meet the system's.
venv=${XDG_CACHE_HOME:-$HOME/.cache}/cqo-registry/schemathesis-$version
if [[ ! -x $venv/bin/st ]] || [[ $("$venv/bin/st" --version) != *"$version"* ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "schemathesis==$version"
fi

work=$(mktemp -d)
pid=
cleanup() {
  if [[ -n $pid ]]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
db=$work/demo.sqlite
"$BIN" demo --db "$db" --enterprises 300 >/dev/null
uscc=$(sqlite3 "$db" "SELECT uscc FROM enterprise WHERE region_code LIKE '4420%' ORDER BY uscc LIMIT 1")
[[ -n $uscc ]] || { echo "contract: the demo city has no enterprise in 4420" >&2; exit 1; }
declare -A token
for role in $roles; do
  case $role in
    enterprise) token[$role]=$("$BIN" token create --role enterprise --uscc "$uscc" --label contract --db "$db") ;;
    *) token[$role]=$("$BIN" token create --role "$role" --region 4420 --label contract --db "$db") ;;
  esac
done

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --port "$port" --db "$db" --log-level error \
  --rate-limit-per-token 100000 --rate-limit-per-address 100000 2>"$work/serve.log" &
pid=$!
base=http://127.0.0.1:$port
for _ in $(seq 200); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "$base/healthz" >/dev/null || { echo "contract: the server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
schema=${ST_SCHEMA:-$base/openapi.yaml}

failed=()
for role in $roles; do
  printf '\n--- schemathesis as %s\n' "$role"
  # From the temp dir, so that schemathesis's own state (.schemathesis/) stays out of the work tree.
  if ! (cd "$work" && SCHEMATHESIS_HOOKS=hooks PYTHONPATH="$root/Tests/contract" "$venv/bin/st" --config-file "$root/Tests/contract/schemathesis.toml" run "$schema" --url "$base" --checks all \
    -H "Authorization: Bearer ${token[$role]}" \
    --max-examples "$max_examples" --seed "$seed" --generation-database none --no-color \
    --workers 1 --request-timeout 15 --phases examples,coverage,fuzzing \
    --report junit --report-dir "${ST_REPORT_DIR:-$work/report}/$role"); then
    failed+=("$role")
  fi
done
if kill -0 "$pid" 2>/dev/null; then :; else echo "contract: the server died" >&2; cat "$work/serve.log" >&2; exit 1; fi
if ((${#failed[@]})); then
  echo "contract: schemathesis failed as: ${failed[*]}" >&2
  exit 1
fi
echo "contract: schemathesis found no failure as: $roles"

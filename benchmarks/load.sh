#!/usr/bin/env bash
# Load on the unit's web application and the ingest API: wrk against the triage queue, an alert page and the ingest
# API, on loopback, with the store holding a simulated force (default: a year of 10,000 staff). Reports latency
# percentiles and errors per target; the figures go in docs/performance.md.
#
# Usage: benchmarks/load.sh [STAFF] [DAYS] [SECONDS] [CONNECTIONS]   (default: 10000 365 30 50)
# The bundle and the scored store are kept in .benchmarks/ (ignored by git) and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
staff=${1:-10000}
days=${2:-365}
seconds=${3:-30}
connections=${4:-50}
seed=7
command -v wrk > /dev/null || { apt-get update > /dev/null && apt-get install -y wrk > /dev/null; }
source benchmarks/simulated-force.sh

store=.benchmarks/load-$staff-$days-$seed
mkdir -p "$store"
db="sqlite:$PWD/$store/custodes.sqlite"
key="$PWD/$store/custodes.key"
if [ ! -f "$store/scored" ]; then
  rm -f "$store"/custodes.sqlite* "$key"
  echo "load: ingesting $bundle"
  /usr/bin/time -f "ingest: wall %e s, peak memory %M KiB" "$bin" ingest "$bundle" --db "$db" > /dev/null
  echo "load: detecting"
  /usr/bin/time -f "detect: wall %e s, peak memory %M KiB" \
    "$bin" detect --db "$db" --budget $(( staff * 2 / 1000 )) --pseudonym-key "$key" > /dev/null
  touch "$store/scored"
fi
user="load$(date +%s)"
password=$("$bin" user add "$user" --name "Load Test" --role head_of_unit --by benchmark --db "$db" \
  | sed -n 's/.*temporary password: //p')
token=$("$bin" token add --source rms --by benchmark --db "$db" | grep -o 'cst_[A-Za-z0-9_-]*')

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --db "$db" --port "$port" --detect-interval 0 --pseudonym-key "$key" 2> "$store/serve.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done

# Signs in through the real flow (password, second factor, new password) and prints the session cookie and the
# highest-risk alert's id.
read -r cookie alert < <(python3 - "http://127.0.0.1:$port" "$user" "$password" <<'PY'
import http.cookiejar, json, sys, urllib.request
sys.path.insert(0, "benchmarks")
from signin import sign_in
jar = http.cookiejar.CookieJar()
opener = sign_in(sys.argv[1], sys.argv[2], sys.argv[3], jar)
alerts = json.loads(opener.open(sys.argv[1] + "/api/v1/alerts").read())["alerts"]
print(next(c.value for c in jar if c.name == "custodes_session"), alerts[0]["id"])
PY
)
echo "load: $(wc -l < "$bundle/truth.csv") truth rows; store $(du -h "$store/custodes.sqlite" | cut -f1); signed in; alert $alert"

header="Cookie: custodes_session=$cookie"
for target in "/alerts" "/alerts?page=3" "/alerts/$alert" "/api/v1/alerts"; do
  echo "load: GET $target, $connections connections, $seconds s"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "$header" "http://127.0.0.1:$port$target" \
    | grep -E "^\s+(50|75|90|99)%|Requests/sec|Non-2xx|Socket errors|requests in"
done

# The ingest API: batches of 100 new rms events each, numbered per request so none is a re-delivery.
staff_id=$(sed -n 2p "$bundle/staff.csv" | cut -d, -f1)
person_id=$(sed -n 2p "$bundle/persons.csv" | cut -d, -f1)
cat > "$store/push.lua" <<LUA
counter = 0
request = function()
  counter = counter + 1
  local rows = {"event_id,at,staff_id,system,action,entity_type,entity_id,fields,workstation,reason"}
  for i = 1, 100 do
    rows[#rows + 1] = string.format("LOAD-%d-%d-%d,2026-01-01T10:%02d:%02dZ,$staff_id,rms,view,person,$person_id,summary,WS-1,",
      math.random(1, 1000000000), counter, i, i % 60, counter % 60)
  end
  return wrk.format("POST", "/api/v1/audit-events",
    {["Authorization"] = "Bearer $token", ["Content-Type"] = "text/csv"}, table.concat(rows, "\n") .. "\n")
end
LUA
# One batch at a time is what the gate admits (more connections are answered 429 with Retry-After, by design).
echo "load: POST /api/v1/audit-events (100 events a batch), 1 connection, $seconds s"
wrk -t1 -c1 -d"${seconds}s" --latency -s "$store/push.lua" "http://127.0.0.1:$port" \
  | grep -E "^\s+(50|75|90|99)%|Requests/sec|Non-2xx|Socket errors|requests in"
echo "load: stored events now: $(sqlite3 "$store/custodes.sqlite" 'SELECT COUNT(*) FROM audit_events' 2>/dev/null || echo '?')"

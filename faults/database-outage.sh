#!/usr/bin/env bash
# faults/database-outage.sh — stop PostgreSQL for $OUTAGE seconds under load: the portal must answer 503 with Retry-After
# (a Chinese "服务暂时不可用" page; RFC 7807 problem details under /api/) instead of 500s or hangs, report unhealthy, then
# recover by itself (same process, no restart) when the database returns, and its scheduler must catch up on the
# deadlines that fell due during the outage.
#
# A real portal process (Release build, scheduler on, deadline job every 5 s) on a throwaway PostgreSQL. $DUE
# applications returned for 补正 get a supplement deadline that passes in the middle of the outage. $WORKERS curl loops
# request a page that reads the database (/notices), the public calculation API and /healthz throughout; each answer's
# status and time is recorded.
#
#   faults/database-outage.sh
#   OUTAGE=60 WORKERS=8 faults/database-outage.sh
#   PORTAL_DLL=/app/PolicyPortal.Web.dll faults/database-outage.sh
#
# Needs the throwaway cluster (it stops and starts the server itself). Prints its figures, then PASS or FAIL; exits 0 only
# on PASS. Bounded by $TIMEOUT seconds. Talks to 127.0.0.1 only.

source "$(dirname "$0")/../scripts/lib/common.sh"
[ "${PP_USE_EXISTING_PG:-0}" != 1 ] || pp_die "this script stops the database server: run it on its throwaway cluster (unset PP_USE_EXISTING_PG)"

OUTAGE="${OUTAGE:-30}"
WORKERS="${WORKERS:-6}"
DUE="${DUE:-40}"
TIMEOUT="${TIMEOUT:-600}"
DB="pp_outage_$(date +%s)"
trap 'exit 124' TERM
( trap 'kill $s 2>/dev/null; exit 0' TERM; sleep "$TIMEOUT" & s=$!; wait $s; echo "FAIL: timed out after $TIMEOUT s" >&2; kill -TERM $$ ) & PP_PIDS+=($!)

pp_start_postgres
pp_build_portal
psql -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $DB"
q() { psql -d "$DB" -v ON_ERROR_STOP=1 -Atqc "$1"; }
pg_ctl_() { pp_as_postgres "$PP_PG_BIN/pg_ctl" -D "$PP_PG_DIR/data" "$@"; }

PORT="$(pp_free_port)"
URL="http://127.0.0.1:$PORT"
pp_start_portal portal "$PORT" "$DB" Accounts__SeedDemoAccounts=true Scheduler__DeadlineSeconds=5 Scheduler__HeartbeatSeconds=5 Scheduler__MailSeconds=5 \
  RateLimits__PublicApiPerMinute=1000000  # the load is from one address: the API limiter is not under test
pp_wait_healthy "$PORT"
portal_pid="$(cat "$PP_WORK/portal.pid")"

# Deadlines that fall due during the outage: supplement deadlines a third of the way into it.
due_in=$(( OUTAGE / 3 + 5 ))
q "INSERT INTO \"Applications\" (\"EnterpriseId\", \"District\", \"Year\", \"Status\", \"CatalogVersion\", \"TrackingNumber\",
     \"CreatedAt\", \"UpdatedAt\", \"SubmittedAt\", \"SupplementDeadline\", \"SupplementRequest\", \"ContactName\", \"ContactPhone\", \"Version\")
   SELECT e.\"Id\", 'shijingshan', 2026, 'ReturnedForSupplement', 1, 'OUTAGE-' || lpad(g::text, 6, '0'),
     now() - interval '30 days', now() - interval '30 days', now() - interval '30 days', now() + interval '$due_in seconds', '补充合同', '张明', '13800138000', 0
   FROM generate_series(1, $DUE) g, (SELECT \"Id\" FROM \"Enterprises\" ORDER BY \"Id\" LIMIT 1) e"
expired() { q "SELECT count(*) FROM \"Applications\" WHERE \"TrackingNumber\" LIKE 'OUTAGE-%' AND \"Status\" = 'Expired'"; }
pp_log "$DUE applications whose supplement deadline passes in $due_in s"

# Load: each worker cycles through a database page, the API and /healthz, one request at a time.
BODY='{"district":"shijingshan","year":2026,"claims":[{"id":"c1","clause":"shijingshan.7.1","project":"p","amount":400000}]}'
worker() {
  local n="$1" out="$PP_WORK/load-$1.txt"
  while [ ! -f "$PP_WORK/stop" ]; do
    for target in page api health; do
      case "$target" in
        page) r="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 60 "$URL/notices" || true)" ;;
        api) r="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 60 -H 'Content-Type: application/json' -d "$BODY" "$URL/api/v1/calculations" || true)" ;;
        health) r="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 60 "$URL/healthz" || true)" ;;
      esac
      echo "$(date +%s.%N) $target $r" >>"$out"
    done
  done
}
for ((w = 0; w < WORKERS; w++)); do worker "$w" & PP_PIDS+=($!); done
sleep 5

pp_log "stopping PostgreSQL for $OUTAGE s"
down_at="$(date +%s.%N)"
pg_ctl_ -m fast -w stop >/dev/null
sleep 3
# What a person and an API client see during the outage.
curl -s -D "$PP_WORK/page.headers" -o "$PP_WORK/page.html" --max-time 60 "$URL/notices" || true
curl -s -D "$PP_WORK/health.headers" -o "$PP_WORK/health.json" --max-time 60 "$URL/healthz" || true
sleep "$(python3 -c "import time; print(max(0.0, $OUTAGE - (time.time() - $down_at)))")"
pg_ctl_ -l "$PP_PG_DIR/server.log" -o "-p $PGPORT -k $PP_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" -w -t 60 start >/dev/null
up_at="$(date +%s.%N)"
pp_log "PostgreSQL is back"

# Recovery: /healthz and the page answer 200 again, from the same process.
healthy_at=""; page_at=""
for ((i = 0; i < 1200; i++)); do
  [ -z "$healthy_at" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$URL/healthz" || true)" = 200 ] && healthy_at="$(date +%s.%N)"
  [ -z "$page_at" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$URL/notices" || true)" = 200 ] && page_at="$(date +%s.%N)"
  [ -n "$healthy_at" ] && [ -n "$page_at" ] && break
  sleep 0.1
done
# Catch-up: the deadline job expires every application whose deadline passed while the database was down.
caught_up_at=""
for ((i = 0; i < 900; i++)); do
  if [ "$(expired)" -ge "$DUE" ]; then caught_up_at="$(date +%s.%N)"; break; fi
  sleep 0.2
done
sleep 3
touch "$PP_WORK/stop"
sleep 2
same_process=no; kill -0 "$portal_pid" 2>/dev/null && same_process=yes
events="$(q "SELECT count(*) FROM \"AuditEntries\" ev JOIN \"Applications\" a ON a.\"Id\" = ev.\"ApplicationId\" WHERE a.\"TrackingNumber\" LIKE 'OUTAGE-%' AND ev.\"Action\" = 'Expire'")"

cat "$PP_WORK"/load-*.txt >"$PP_WORK/load.txt"
read -r total during during_503 during_500 during_hang during_other during_ok max_during <<<"$(python3 - "$PP_WORK/load.txt" "$down_at" "$up_at" <<'PY'
import sys
path, down, up = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
total = during = s503 = s500 = hang = other = ok = 0; worst = 0.0
for line in open(path):
    parts = line.split()
    if len(parts) < 4: continue
    end, target, code, secs = float(parts[0]), parts[1], parts[2], float(parts[3])
    total += 1
    start = end - secs
    if start >= down and start < up:
        during += 1; worst = max(worst, secs)
        if code == "503": s503 += 1
        elif code.startswith("5"): s500 += 1
        elif code == "000": hang += 1
        elif code == "200": ok += 1
        else: other += 1
print(total, during, s503, s500, hang, other, ok, f"{worst:.1f}")
PY
)"
after_5xx="$(python3 - "$PP_WORK/load.txt" "${page_at:-0}" <<'PY'
import sys
n = 0
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) >= 4 and float(p[0]) - float(p[3]) > float(sys.argv[2]) + 1 and p[2].startswith("5"): n += 1
print(n)
PY
)"
page_status="$(head -1 "$PP_WORK/page.headers" | awk '{print $2}')"
retry_after="$(grep -i '^retry-after:' "$PP_WORK/page.headers" | tr -d '\r' | awk '{print $2}')"
page_chinese=no; grep -q '服务暂时不可用' "$PP_WORK/page.html" && page_chinese=yes
health_status="$(head -1 "$PP_WORK/health.headers" | awk '{print $2}')"
api_codes="$(awk '$2 == "api" {print $3}' "$PP_WORK/load.txt" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')"

echo
echo "== faults/database-outage.sh: PostgreSQL stopped for $OUTAGE s under load =="
echo "requests in all                     $total ($WORKERS workers: /notices, POST /api/v1/calculations, /healthz)"
echo "started while the database was down $during: 503×$during_503, 200×$during_ok (API from the catalog cache, none needing the database), 5xx other than 503×$during_500, no answer×$during_hang, other×$during_other"
echo "slowest answer during the outage    $max_during s"
echo "API answers over the run            $api_codes"
echo "page during the outage              HTTP $page_status, Retry-After: ${retry_after:-none}, Chinese message: $page_chinese"
echo "/healthz during the outage          HTTP $health_status"
python3 - "$up_at" "${healthy_at:-0}" "${page_at:-0}" "${caught_up_at:-0}" <<'PY'
import sys
up, h, p, c = map(float, sys.argv[1:])
f = lambda t: f"{t - up:.1f} s" if t else "never"
print(f"/healthz 200 again after            {f(h)} (after PostgreSQL was back)")
print(f"page 200 again after                {f(p)}")
print(f"missed deadlines caught up after    {f(c)}")
PY
echo "5xx answers after recovery          $after_5xx"
echo "expired / Expire events             $(expired) / $events of $DUE"
echo "same portal process throughout      $same_process (pid $portal_pid)"

ok=1
[ "$during_500" -eq 0 ] || { echo "FAIL: $during_500 answers during the outage were 5xx other than 503" >&2; ok=0; }
[ "$during_hang" -eq 0 ] || { echo "FAIL: $during_hang requests during the outage got no answer within 60 s" >&2; ok=0; }
[ "$during_503" -gt 0 ] || { echo "FAIL: no request was answered 503 during the outage" >&2; ok=0; }
[ "$page_status" = 503 ] && [ -n "$retry_after" ] && [ "$page_chinese" = yes ] || { echo "FAIL: the page during the outage was not a 503 with Retry-After and the Chinese message" >&2; ok=0; }
[ "$health_status" = 503 ] || { echo "FAIL: /healthz did not report the outage" >&2; ok=0; }
[ -n "$healthy_at" ] && [ -n "$page_at" ] || { echo "FAIL: the portal did not recover by itself" >&2; ok=0; }
[ "$after_5xx" -eq 0 ] || { echo "FAIL: $after_5xx 5xx answers after the portal had recovered" >&2; ok=0; }
[ -n "$caught_up_at" ] && [ "$events" -eq "$DUE" ] || { echo "FAIL: the scheduler did not catch up on the deadlines missed during the outage" >&2; ok=0; }
[ "$same_process" = yes ] || { echo "FAIL: the portal process did not survive the outage" >&2; ok=0; }
if [ "$ok" = 1 ]; then echo "PASS: 503 with Retry-After during the outage, recovered by itself, missed deadlines caught up"; else echo "FAIL"; fi
[ "$ok" = 1 ]

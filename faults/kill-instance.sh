#!/usr/bin/env bash
# faults/kill-instance.sh — kill -9 one of two portal instances in the middle of a job; the other must finish it, once.
#
# Two real portal processes (the published PolicyPortal.Web.dll) run on one PostgreSQL database with Quartz clustered.
# The database holds $APPLICATIONS applications whose 补正 (supplement) deadline has passed; the deadline job expires
# each one with a timeline event and a notice to the enterprise, one guarded update at a time. When the job is running
# on one instance and has done some of the work, that process is killed with SIGKILL. The other instance must notice
# (Quartz cluster check-in, 10 s), run the job and finish the rest; afterwards every application must be expired with
# exactly one "Expire" event and exactly one "申报已过期" notice.
#
#   faults/kill-instance.sh                      # throwaway PostgreSQL from /usr/lib/postgresql/*/bin
#   APPLICATIONS=8000 KILL_AT=0.3 faults/kill-instance.sh
#   PP_USE_EXISTING_PG=1 PGHOST=... PGUSER=... PGPASSWORD=... faults/kill-instance.sh
#   PORTAL_DLL=/app/PolicyPortal.Web.dll faults/kill-instance.sh      # a published portal instead of a Release build
#
# Prints what it measured and exits 0 only when the work was completed exactly once. Needs dotnet, curl, python3, psql.

source "$(dirname "$0")/../scripts/lib/common.sh"

APPLICATIONS="${APPLICATIONS:-4000}"
KILL_AT="${KILL_AT:-0.2}"          # kill once this fraction of the applications has been expired
DB="pp_kill_$(date +%s)"

pp_start_postgres
pp_build_portal
psql -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $DB"
q() { psql -d "$DB" -v ON_ERROR_STOP=1 -Atqc "$1"; }

PORT_A="$(pp_free_port)"
PORT_B="$(pp_free_port)"
SETTINGS=(Accounts__SeedDemoAccounts=true Scheduler__DeadlineSeconds=5 Scheduler__HeartbeatSeconds=5 Scheduler__MailSeconds=5)

# 1. One instance creates the database (migrations, catalog, demo accounts) and stops.
pp_start_portal seed "$PORT_A" "$DB" "${SETTINGS[@]}"
pp_wait_healthy "$PORT_A"
pp_stop_portal seed

# 2. The work: applications returned for supplement whose deadline passed yesterday.
q "INSERT INTO \"Applications\" (\"EnterpriseId\", \"District\", \"Year\", \"Status\", \"CatalogVersion\", \"TrackingNumber\",
     \"CreatedAt\", \"UpdatedAt\", \"SubmittedAt\", \"SupplementDeadline\", \"SupplementRequest\", \"ContactName\", \"ContactPhone\", \"Version\")
   SELECT e.\"Id\", 'shijingshan', 2026, 'ReturnedForSupplement', 1, 'KILL-' || lpad(g::text, 6, '0'),
     now() - interval '30 days', now() - interval '30 days', now() - interval '30 days', now() - interval '1 day', '补充合同', '张明', '13800138000', 0
   FROM generate_series(1, $APPLICATIONS) g, (SELECT \"Id\" FROM \"Enterprises\" ORDER BY \"Id\" LIMIT 1) e"
pp_log "$APPLICATIONS applications past their supplement deadline"

# 3. Two instances at once.
pp_start_portal a "$PORT_A" "$DB" "${SETTINGS[@]}"
pp_start_portal b "$PORT_B" "$DB" "${SETTINGS[@]}"
pp_wait_healthy "$PORT_A"
pp_wait_healthy "$PORT_B"
instance_of() { curl -s "http://127.0.0.1:$1/healthz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["checks"]["scheduler"]["data"]["instance"])'; }
INSTANCE_A="$(instance_of "$PORT_A")"
INSTANCE_B="$(instance_of "$PORT_B")"
pp_log "scheduler instances: a=$INSTANCE_A b=$INSTANCE_B"

expired() { q "SELECT count(*) FROM \"Applications\" WHERE \"TrackingNumber\" LIKE 'KILL-%' AND \"Status\" = 'Expired'"; }

# 4. Wait until the deadline job is running on one of them and has done KILL_AT of the work; kill that process.
threshold="$(python3 -c "print(max(1, int($APPLICATIONS * $KILL_AT)))")"
victim=""
for ((i = 0; i < 1200; i++)); do
  running="$(q "SELECT instance_name FROM qrtz_fired_triggers WHERE job_name = 'deadlines' AND state = 'EXECUTING' LIMIT 1")"
  done_now="$(expired)"
  if [ -n "$running" ] && [ "$done_now" -ge "$threshold" ]; then victim="$running"; break; fi
  [ "$done_now" -ge "$APPLICATIONS" ] && pp_die "the job finished before it could be killed: raise APPLICATIONS or lower KILL_AT"
  sleep 0.1
done
[ -n "$victim" ] || pp_die "the deadline job never ran"
if [ "$victim" = "$INSTANCE_A" ]; then victim_name=a; survivor_name=b; survivor="$INSTANCE_B"
elif [ "$victim" = "$INSTANCE_B" ]; then victim_name=b; survivor_name=a; survivor="$INSTANCE_A"
else pp_die "the job runs on an instance that is neither a nor b: $victim"; fi
victim_pid="$(cat "$PP_WORK/$victim_name.pid")"
kill -9 "$victim_pid"
killed_at="$(date +%s.%N)"
at_kill="$(expired)"
pp_log "kill -9 $victim_name (pid $victim_pid, $victim) with $at_kill of $APPLICATIONS expired"

# 5. The survivor must take the job over and finish it.
resumed_at=""
for ((i = 0; i < 1800; i++)); do
  if [ -z "$resumed_at" ] && [ -n "$(q "SELECT 1 FROM qrtz_fired_triggers WHERE job_name = 'deadlines' AND instance_name = '$survivor' AND state = 'EXECUTING'")" ]; then
    resumed_at="$(date +%s.%N)"
    pp_log "the survivor ($survivor_name) runs the deadline job"
  fi
  finished="$(q "SELECT count(*) FROM \"JobRuns\" WHERE \"JobName\" = 'deadlines' AND \"Instance\" = '$survivor' AND \"StartedAt\" > to_timestamp($killed_at)")"
  if [ "$(expired)" -ge "$APPLICATIONS" ] && [ "$finished" -gt 0 ]; then break; fi
  sleep 0.1
done
done_at="$(date +%s.%N)"
final="$(expired)"

# 6. Exactly once?
read -r events_one events_none events_more <<<"$(q "SELECT count(*) FILTER (WHERE c = 1), count(*) FILTER (WHERE c = 0), count(*) FILTER (WHERE c > 1)
  FROM (SELECT a.\"Id\", count(ev.\"Id\") c FROM \"Applications\" a
        LEFT JOIN \"AuditEntries\" ev ON ev.\"ApplicationId\" = a.\"Id\" AND ev.\"Action\" = 'Expire'
        WHERE a.\"TrackingNumber\" LIKE 'KILL-%' GROUP BY a.\"Id\") x" | tr '|' ' ')"
read -r notices_one notices_none notices_more <<<"$(q "SELECT count(*) FILTER (WHERE c = 1), count(*) FILTER (WHERE c = 0), count(*) FILTER (WHERE c > 1)
  FROM (SELECT a.\"Id\", count(n.\"Id\") c FROM \"Applications\" a
        LEFT JOIN \"Notifications\" n ON n.\"Title\" = '申报已过期：' || a.\"TrackingNumber\"
        WHERE a.\"TrackingNumber\" LIKE 'KILL-%' GROUP BY a.\"Id\") x" | tr '|' ' ')"
runs="$(q "SELECT \"Instance\" || ' ' || to_char(\"StartedAt\", 'HH24:MI:SS.MS') || '–' || to_char(\"FinishedAt\", 'HH24:MI:SS.MS') || ' ' || CASE WHEN \"Succeeded\" THEN 'ok' ELSE 'failed' END
  FROM \"JobRuns\" WHERE \"JobName\" = 'deadlines' ORDER BY \"Id\"")"
victim_runs="$(q "SELECT count(*) FROM \"JobRuns\" WHERE \"JobName\" = 'deadlines' AND \"Instance\" = '$victim' AND \"FinishedAt\" > to_timestamp($killed_at)")"

echo
echo "== faults/kill-instance.sh: kill -9 mid-job =="
echo "applications                      $APPLICATIONS"
echo "killed                            $victim_name ($victim) at $at_kill expired"
python3 - "$killed_at" "${resumed_at:-$killed_at}" "$done_at" <<'PY'
import sys
k, r, d = map(float, sys.argv[1:])
print(f"survivor took over after           {r - k:.1f} s")
print(f"work complete after                {d - k:.1f} s")
PY
echo "expired at the end                $final"
echo "Expire events per application     one: $events_one  none: $events_none  more: $events_more"
echo "notices per application           one: $notices_one  none: $notices_none  more: $notices_more"
echo "runs of the deadline job (instance start–finish):"
sed 's/^/  /' <<<"$runs"

ok=1
[ "$final" -eq "$APPLICATIONS" ] || { echo "FAILED: $((APPLICATIONS - final)) applications were never expired" >&2; ok=0; }
[ "$events_more" -eq 0 ] && [ "$notices_more" -eq 0 ] || { echo "FAILED: some applications were expired twice (duplicate events or notices)" >&2; ok=0; }
[ "$events_none" -eq 0 ] && [ "$notices_none" -eq 0 ] || { echo "FAILED: $events_none applications lost their Expire event and $notices_none their notice (expired, but the event and notice were not saved when the process died)" >&2; ok=0; }
[ "$victim_runs" -eq 0 ] || { echo "FAILED: the killed instance recorded a run after it was killed" >&2; ok=0; }
[ "$ok" = 1 ] && echo "PASSED: the surviving instance completed the job; every application expired exactly once"
[ "$ok" = 1 ]

#!/usr/bin/env bash
# faults/kill-during-submissions.sh — SIGKILL the portal in the middle of a storm of submissions, restart it, and check
# that every submission it acknowledged is there and whole, and that nothing is half-written.
#
# A real portal process (Release build) on a throwaway PostgreSQL. tools/PolicyPortal.SubmissionStorm registers
# $ENTERPRISES enterprises over HTTP, gives each a draft with a project and a claim, then submits them all at once with
# $CONCURRENCY requests in flight, appending each acknowledgement (the redirect to the receipt) to a file as it arrives.
# When $KILL_AT of them are acknowledged the portal is killed with SIGKILL; it is then restarted on the same database.
# Checked afterwards, in the database:
#   - every acknowledged application: Submitted, its 受理编号, submission time, catalog version and frozen total; each of its
#     claims with a frozen amount and explanation; exactly one "Submit" audit entry; the "申报已受理" notice;
#   - no application anywhere is half-written: none Submitted without all of the above, none numbered without being
#     submitted, no claim of a submitted application without its frozen amount;
#   - one application per enterprise, no 受理编号 twice.
#
#   faults/kill-during-submissions.sh
#   ENTERPRISES=300 CONCURRENCY=48 KILL_AT=0.5 faults/kill-during-submissions.sh
#   PP_USE_EXISTING_PG=1 PGHOST=... faults/kill-during-submissions.sh     PORTAL_DLL=/app/PolicyPortal.Web.dll ...
#
# Prints its figures, then PASS or FAIL; exits 0 only on PASS. Bounded: gives up after $TIMEOUT seconds. Talks to 127.0.0.1 only.

source "$(dirname "$0")/../scripts/lib/common.sh"

ENTERPRISES="${ENTERPRISES:-150}"
CONCURRENCY="${CONCURRENCY:-32}"
KILL_AT="${KILL_AT:-0.3}"
TIMEOUT="${TIMEOUT:-600}"
DB="pp_killsub_$(date +%s)"
deadline=$(( $(date +%s) + TIMEOUT ))
trap 'exit 124' TERM
( trap 'kill $s 2>/dev/null; exit 0' TERM; sleep "$TIMEOUT" & s=$!; wait $s; echo "FAIL: timed out after $TIMEOUT s" >&2; kill -TERM $$ ) & PP_PIDS+=($!)

pp_start_postgres
pp_build_portal
pp_log "building the storm driver ..."
dotnet build "$PP_ROOT/tools/PolicyPortal.SubmissionStorm" -c Release --nologo -v quiet >"$PP_WORK/driver-build.log" 2>&1 \
  || { cat "$PP_WORK/driver-build.log" >&2; pp_die "driver build failed"; }
DRIVER="$PP_ROOT/tools/PolicyPortal.SubmissionStorm/bin/Release/net10.0/PolicyPortal.SubmissionStorm.dll"
psql -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $DB"
q() { psql -d "$DB" -v ON_ERROR_STOP=1 -Atqc "$1"; }

PORT="$(pp_free_port)"
URL="http://127.0.0.1:$PORT"
# Demo data opens this year's windows. Every request comes from 127.0.0.1, so the per-address limits on registration and
# sign-in (not under test here) are raised; the driver's HttpClient speaks plain http to 127.0.0.1 and, unlike a browser,
# never sends a Secure cookie there, so the sign-in cookie follows the request's scheme.
SETTINGS=(Accounts__SeedDemoAccounts=true Scheduler__HeartbeatSeconds=5 RateLimits__RegistrationPerWindow=100000 RateLimits__SignInPerWindow=100000
  RateLimits__UploadsPerWindowPerAddress=100000 RateLimits__UploadsPerWindowPerUser=100000 Accounts__CookieSecurePolicy=SameAsRequest)
pp_start_portal portal "$PORT" "$DB" "${SETTINGS[@]}"
pp_wait_healthy "$PORT"

ACKS="$PP_WORK/acks.txt"
: >"$ACKS"
dotnet "$DRIVER" "$URL" "$ENTERPRISES" "$CONCURRENCY" "$ACKS" >"$PP_WORK/driver.log" 2>&1 &
driver=$!
PP_PIDS+=("$driver")

# Kill once the storm is under way: KILL_AT of the prepared drafts acknowledged.
acked() { grep -c '^ack ' "$ACKS" || true; }
until grep -q '^ready ' "$ACKS"; do
  kill -0 "$driver" 2>/dev/null || { cat "$PP_WORK/driver.log" >&2; pp_die "the driver ended before the storm"; }
  [ "$(date +%s)" -lt "$deadline" ] || pp_die "drafts not ready in time"
  sleep 0.2
done
ready="$(awk '/^ready /{print $2}' "$ACKS")"
[ "$ready" -gt 0 ] || { tail -20 "$PP_WORK/driver.log" >&2; pp_die "no draft could be prepared"; }
threshold="$(python3 -c "print(max(1, int($ready * $KILL_AT)))")"
pp_log "$ready drafts ready; the storm is on; SIGKILL at $threshold acknowledged"
storm_started="$(date +%s.%N)"
until [ "$(acked)" -ge "$threshold" ]; do
  kill -0 "$driver" 2>/dev/null || pp_die "the storm ended before the kill point (raise ENTERPRISES or lower KILL_AT)"
  sleep 0.02
done
portal_pid="$(cat "$PP_WORK/portal.pid")"
kill -9 "$portal_pid"
killed_at="$(date +%s.%N)"
at_kill="$(acked)"
in_db_at_kill="$(q "SELECT count(*) FROM \"Applications\" WHERE \"Status\" = 'Submitted'")"
pp_log "SIGKILL portal (pid $portal_pid) with $at_kill acknowledged"
wait "$driver" || true
cat "$PP_WORK/driver.log"

# Restart on the same database (on another port: the dead process's port is still recorded as its own).
PORT="$(pp_free_port)"
pp_start_portal portal2 "$PORT" "$DB" "${SETTINGS[@]}"
pp_wait_healthy "$PORT"
restarted_at="$(date +%s.%N)"

acked_ids="$(awk '/^ack /{print $2}' "$ACKS" | sort -u | paste -sd, -)"
acked_total="$(awk '/^ack /{print $2}' "$ACKS" | sort -u | wc -l)"
[ -n "$acked_ids" ] || acked_ids="0"

# Each acknowledged submission whole?
whole="$(q "SELECT count(*) FROM \"Applications\" a
  WHERE a.\"Id\" IN ($acked_ids) AND a.\"Status\" = 'Submitted' AND a.\"TrackingNumber\" IS NOT NULL AND a.\"SubmittedAt\" IS NOT NULL
    AND a.\"CatalogVersion\" IS NOT NULL AND a.\"FrozenTotalFen\" IS NOT NULL AND a.\"SubmissionKey\" IS NOT NULL
    AND EXISTS (SELECT 1 FROM \"Projects\" p JOIN \"Claims\" c ON c.\"ProjectId\" = p.\"Id\" WHERE p.\"ApplicationId\" = a.\"Id\")
    AND NOT EXISTS (SELECT 1 FROM \"Projects\" p JOIN \"Claims\" c ON c.\"ProjectId\" = p.\"Id\" WHERE p.\"ApplicationId\" = a.\"Id\"
                    AND (c.\"FrozenGrantedFen\" IS NULL OR c.\"FrozenExplanationJson\" IS NULL))
    AND (SELECT count(*) FROM \"AuditEntries\" e WHERE e.\"ApplicationId\" = a.\"Id\" AND e.\"Action\" = 'Submit') = 1
    AND EXISTS (SELECT 1 FROM \"Notifications\" n WHERE n.\"Title\" = '申报已受理：' || a.\"TrackingNumber\")")"
numbers_match="$(awk '/^number /{print $2, $3}' "$ACKS" | while read -r id number; do
  [ "$(q "SELECT \"TrackingNumber\" FROM \"Applications\" WHERE \"Id\" = $id")" = "$number" ] && echo ok || echo "mismatch $id $number"; done | grep -vc '^ok$' || true)"
numbers_read="$(grep -c '^number ' "$ACKS" || true)"

# Anything half-written anywhere?
half="$(q "SELECT count(*) FROM \"Applications\" a WHERE
    (a.\"Status\" = 'Submitted' AND (a.\"TrackingNumber\" IS NULL OR a.\"SubmittedAt\" IS NULL OR a.\"FrozenTotalFen\" IS NULL OR a.\"CatalogVersion\" IS NULL
       OR (SELECT count(*) FROM \"AuditEntries\" e WHERE e.\"ApplicationId\" = a.\"Id\" AND e.\"Action\" = 'Submit') <> 1
       OR EXISTS (SELECT 1 FROM \"Projects\" p JOIN \"Claims\" c ON c.\"ProjectId\" = p.\"Id\" WHERE p.\"ApplicationId\" = a.\"Id\" AND c.\"FrozenGrantedFen\" IS NULL)))
    OR (a.\"Status\" = 'Draft' AND (a.\"TrackingNumber\" IS NOT NULL OR a.\"SubmittedAt\" IS NOT NULL
       OR EXISTS (SELECT 1 FROM \"AuditEntries\" e WHERE e.\"ApplicationId\" = a.\"Id\" AND e.\"Action\" = 'Submit')))")"
per_enterprise="$(q "SELECT count(*) FROM (SELECT \"EnterpriseId\" FROM \"Applications\" GROUP BY \"EnterpriseId\", \"District\", \"Year\" HAVING count(*) > 1) x")"
submitted="$(q "SELECT count(*) FROM \"Applications\" WHERE \"Status\" = 'Submitted'")"
drafts="$(q "SELECT count(*) FROM \"Applications\" WHERE \"Status\" = 'Draft'")"
numbers="$(q "SELECT count(DISTINCT \"TrackingNumber\") || ' ' || coalesce(min(\"TrackingNumber\"), '-') || ' ' || coalesce(max(\"TrackingNumber\"), '-') FROM \"Applications\" WHERE \"TrackingNumber\" IS NOT NULL")"

echo
echo "== faults/kill-during-submissions.sh: SIGKILL mid-storm =="
echo "enterprises with a draft            $ready (concurrency $CONCURRENCY)"
echo "acknowledged when killed            $at_kill (Submitted in the database at that moment: $in_db_at_kill)"
echo "acknowledged in all                 $acked_total (receipt numbers read: $numbers_read)"
python3 - "$storm_started" "$killed_at" "$restarted_at" <<'PY'
import sys
s, k, r = map(float, sys.argv[1:])
print(f"killed after                        {k - s:.2f} s of storm")
print(f"healthy again after restart         {r - k:.1f} s after the kill")
PY
echo "acknowledged and whole              $whole of $acked_total"
echo "receipt numbers not as stored       $numbers_match"
echo "submitted / drafts in the database  $submitted / $drafts (acknowledged ones among the submitted: $whole; the rest were submitted, not answered)"
echo "distinct 受理编号 (first, last)     $numbers"
echo "half-written applications          $half"
echo "enterprises with two applications   $per_enterprise"

ok=1
[ "$acked_total" -gt 0 ] || { echo "FAIL: nothing was acknowledged" >&2; ok=0; }
[ "$whole" -eq "$acked_total" ] || { echo "FAIL: $((acked_total - whole)) acknowledged submissions are missing or not whole" >&2; ok=0; }
[ "$numbers_match" -eq 0 ] || { echo "FAIL: $numbers_match receipts show a 受理编号 the database does not hold" >&2; ok=0; }
[ "$half" -eq 0 ] || { echo "FAIL: $half applications are half-written" >&2; ok=0; }
[ "$per_enterprise" -eq 0 ] || { echo "FAIL: an enterprise has two applications for one district and year" >&2; ok=0; }
[ "$(awk '{print $1}' <<<"$numbers")" -eq "$submitted" ] || { echo "FAIL: 受理编号 are not one per submitted application" >&2; ok=0; }
if [ "$ok" = 1 ]; then echo "PASS: every acknowledged submission survived SIGKILL whole; nothing half-written"; else echo "FAIL"; fi
[ "$ok" = 1 ]

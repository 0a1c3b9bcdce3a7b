#!/usr/bin/env bash
# scripts/backup-restore-check.sh — prove that scripts/backup.sh and scripts/restore.sh give back the same database.
#
#  1. a PostgreSQL server (throwaway cluster from /usr/lib/postgresql/*/bin, or PP_USE_EXISTING_PG=1 with PGHOST …);
#  2. a new database, created and seeded by the portal itself (migrations, catalogs, Accounts__SeedDemoAccounts=true
#     demo accounts and data) until /healthz answers 200, then SCALE enterprises of bulk data (scripts/lib/bulk-data.sql)
#     and a signed-in browser session (cookie jar) of the demo enterprise;
#  3. scripts/backup.sh while the portal keeps running, from an exported snapshot, and the figures of that snapshot:
#     per table the row count, the sum of every *Fen (money) column and an md5 of all rows;
#  4. scripts/restore.sh into a new database and the same figures there; any difference fails the check, loudly;
#  5. the portal started on the restored database: healthy, and the session from before the backup still signed in
#     (the Data Protection keys came back with the data).
#
#   scripts/backup-restore-check.sh              # SCALE=20000 by default
#   SCALE=100000 scripts/backup-restore-check.sh
#   TAMPER_RESTORED=1 scripts/backup-restore-check.sh   # self-test: alters the restore by one fen, must FAIL
#
# Prints the figures, sizes and timings; exits non-zero on any difference. Needs dotnet, curl, python3 and the
# PostgreSQL client tools (psql, pg_dump, pg_restore, createdb).
source "$(dirname "$0")/lib/common.sh"

SCALE="${SCALE:-20000}"
SOURCE="pp_backup_source"
TARGET="pp_backup_restored"
DUMP="$PP_WORK/policyportal.dump"
now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }

pp_start_postgres
pp_build_portal
PGOPTIONS="-c client_min_messages=warning" psql -d postgres -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS $SOURCE" -c "DROP DATABASE IF EXISTS $TARGET" -c "CREATE DATABASE $SOURCE"

# 2. Seed through the portal, then bulk data.
PORT="$(pp_free_port)"
t0="$(now)"
pp_start_portal source "$PORT" "$SOURCE" Accounts__SeedDemoAccounts=true
pp_wait_healthy "$PORT"
t1="$(now)"
pp_log "the portal created and seeded $SOURCE in $(secs "$t0" "$t1") s"
psql -d "$SOURCE" -q -v scale="$SCALE" -f "$PP_ROOT/scripts/lib/bulk-data.sql" >/dev/null
t2="$(now)"
pp_log "bulk data for $SCALE enterprises in $(secs "$t1" "$t2") s"

JAR="$PP_WORK/cookies.txt"
sign_in() {
  local base="http://127.0.0.1:$1" page token handler
  page="$(curl -s -c "$JAR" -b "$JAR" "$base/account/login")"
  token="$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')"
  handler="$(grep -o 'name="_handler" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')"
  [ -n "$token" ] || pp_die "no antiforgery token on the sign-in page"
  curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" "$base/account/login" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=$handler" \
    --data-urlencode "Input.UserName=demo-enterprise" --data-urlencode "Input.Password=Demo@2026"
}
signed_in() { curl -s -b "$JAR" "http://127.0.0.1:$1/workbench" | grep -c '示例科技有限公司' || true; }
[ "$(sign_in "$PORT")" = 302 ] || pp_die "the demo enterprise could not sign in on the source"
[ "$(signed_in "$PORT")" -gt 0 ] || pp_die "the demo enterprise's workbench is not shown on the source"
pp_log "demo-enterprise signed in on the source (cookie jar kept)"

# The figures: per table rows, money (sum of each *Fen column) and an md5 over all rows in a fixed order.
FIGURES_SQL_BUILDER="SELECT string_agg(format(
    'SELECT %L AS t, count(*) AS n, %s AS fen, md5(coalesce(string_agg(x::text, E''\\n'' ORDER BY x::text), '''')) AS h FROM %I x',
    c.relname,
    coalesce((SELECT string_agg(format('%L || ''='' || coalesce(sum(%I), 0)', a.attname, a.attname), ' || '' '' || ' ORDER BY a.attname)
              FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attname LIKE '%Fen'), '''-'''),
    c.relname), ' UNION ALL ' ORDER BY c.relname) || ' ORDER BY 1'
  FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'"

# 3. Back up while the portal runs, from a snapshot held open here, and take the figures from that same snapshot.
coproc SNAP { psql -d "$SOURCE" -Atq -F '|' -v ON_ERROR_STOP=1 2>&1; }
echo "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; SELECT pg_export_snapshot();" >&"${SNAP[1]}"
read -r snapshot <&"${SNAP[0]}"
[[ "$snapshot" =~ ^[0-9A-F-]+$ ]] || pp_die "could not export a snapshot: $snapshot"
echo "$FIGURES_SQL_BUILDER; SELECT '--end--';" >&"${SNAP[1]}"
figures_sql=""
while read -r line <&"${SNAP[0]}"; do [ "$line" = "--end--" ] && break; figures_sql+="$line"; done
echo "$figures_sql; SELECT '--end--';" >&"${SNAP[1]}"
: >"$PP_WORK/source.figures"
while read -r line <&"${SNAP[0]}"; do [ "$line" = "--end--" ] && break; echo "$line" >>"$PP_WORK/source.figures"; done
t3="$(now)"
PP_DUMP_SNAPSHOT="$snapshot" "$PP_ROOT/scripts/backup.sh" "$SOURCE" "$DUMP" | tee "$PP_WORK/backup.out"
t4="$(now)"
echo "COMMIT;" >&"${SNAP[1]}"
exec {SNAP[1]}>&-
source_size="$(psql -d postgres -Atqc "SELECT pg_database_size('$SOURCE')")"
pp_stop_portal source

# 4. Restore into a new database and compare.
t5="$(now)"
"$PP_ROOT/scripts/restore.sh" "$DUMP" "$TARGET"
t6="$(now)"
if [ "${TAMPER_RESTORED:-0}" = 1 ]; then
  # Self-test of the comparison: one approved amount changed by one fen in the restored database must fail the check.
  psql -d "$TARGET" -v ON_ERROR_STOP=1 -qc 'UPDATE "Claims" SET "ApprovedFen" = "ApprovedFen" + 1 WHERE "Id" = (SELECT min("Id") FROM "Claims" WHERE "ApprovedFen" IS NOT NULL)'
  pp_log "TAMPER_RESTORED=1: changed one approved amount by 1 fen in $TARGET; the comparison must now fail"
fi
psql -d "$TARGET" -Atq -F '|' -v ON_ERROR_STOP=1 -c "$figures_sql" >"$PP_WORK/restored.figures"
restored_size="$(psql -d postgres -Atqc "SELECT pg_database_size('$TARGET')")"

echo
echo "== per table: rows, money (sum of fen columns), content md5 (source = restored) =="
python3 - "$PP_WORK/source.figures" "$PP_WORK/restored.figures" <<'PY'
import sys
def load(path):
    rows = {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line:
            t, n, fen, h = line.split("|")
            rows[t] = (int(n), fen, h)
    return rows
src, dst = load(sys.argv[1]), load(sys.argv[2])
bad = 0
total_rows = 0
money = {}
for t in sorted(set(src) | set(dst)):
    s, d = src.get(t), dst.get(t)
    same = s == d
    bad += not same
    if s:
        total_rows += s[0]
        if s[1] != "-":
            for part in s[1].split(" "):
                k, v = part.split("=")
                money[f"{t}.{k}"] = int(v)
    shown = s or d
    print(f"{'  ' if same else '!!'} {t:34} {shown[0]:>9} rows  {shown[1] if shown[1] != '-' else ''}")
    if not same:
        print(f"     source:   {s}\n     restored: {d}")
print(f"tables {len(src)}, rows {total_rows:,}, money columns {len(money)}, money total {sum(money.values()):,} fen = {sum(money.values()) / 100:,.2f} yuan")
if bad:
    print(f"FAILED: {bad} tables differ between the backup's snapshot and the restored database", file=sys.stderr)
    sys.exit(1)
print("identical: every table's row count, money sums and content hash")
PY

# 5. The portal on the restored database: healthy, and the old session is still signed in.
PORT2="$(pp_free_port)"
t7="$(now)"
pp_start_portal restored "$PORT2" "$TARGET"
pp_wait_healthy "$PORT2"
t8="$(now)"
[ "$(signed_in "$PORT2")" -gt 0 ] || pp_die "the session from before the backup is not signed in on the restored database"
grep -q 'Applying' "$PP_WORK/restored.log" && pp_die "the restored database had pending migrations" || true
pp_log "the portal started on the restored database in $(secs "$t7" "$t8") s; the session from before the backup is still signed in"
pp_stop_portal restored

echo
echo "== backup-restore-check: PASSED =="
python3 - "$SCALE" "$source_size" "$restored_size" "$(stat -c %s "$DUMP")" "$(secs "$t0" "$t1")" "$(secs "$t1" "$t2")" "$(secs "$t3" "$t4")" "$(secs "$t5" "$t6")" "$(secs "$t7" "$t8")" <<'PY'
import sys
scale, src, dst, dump = (int(x) for x in sys.argv[1:5])
seed, bulk, backup, restore, start = sys.argv[5:]
mib = lambda b: f"{b / 1048576:.1f} MiB"
print(f"scale                 {scale} bulk enterprises")
print(f"database size         source {mib(src)}, restored {mib(dst)}")
print(f"dump size             {mib(dump)} ({dump:,} bytes, custom format)")
print(f"timings               seed by the portal {seed} s, bulk data {bulk} s, backup {backup} s, restore {restore} s, portal start on the restore {start} s")
PY

#!/usr/bin/env bash
# scripts/backup.sh — back up the portal's PostgreSQL database with pg_dump's custom format (compressed, restorable
# table by table, in parallel). Safe while the portal runs: pg_dump reads one consistent snapshot.
#
#   scripts/backup.sh DATABASE [OUT_FILE]
#
# DATABASE is a database name (the server from PGHOST, PGPORT, PGUSER, PGPASSWORD / ~/.pgpass) or a libpq URI,
# e.g. postgresql://policyportal@db:5432/policyportal. OUT_FILE defaults to policyportal-<date>T<time>.dump.
# pg_dump must be the server's major version or newer.
#
# The dump holds everything: accounts (password hashes), enterprise files, the Data Protection keys (whoever has them
# can forge sign-in cookies) and Quartz's tables. Keep it as secret as the database. Evidence files are NOT in it: back
# up the evidence store (the S3 bucket, or Storage:Folder) alongside.
set -euo pipefail

database="${1:?usage: scripts/backup.sh DATABASE [OUT_FILE]}"
out="${2:-policyportal-$(date +%Y-%m-%dT%H%M%S).dump}"
partial="$out.partial"

started="$(date +%s.%N)"
pg_dump --format=custom --file="$partial" ${PP_DUMP_SNAPSHOT:+--snapshot="$PP_DUMP_SNAPSHOT"} --dbname="$database"
# A dump that cannot list its own contents is not a backup.
pg_restore --list "$partial" >/dev/null
mv "$partial" "$out"
finished="$(date +%s.%N)"

bytes="$(stat -c %s "$out")"
entries="$(pg_restore --list "$out" | grep -c ' TABLE DATA ' || true)"
python3 - "$out" "$bytes" "$entries" "$started" "$finished" <<'PY'
import sys
out, size, tables, start, end = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
print(f"backup {out}: {size:,} bytes ({size / 1048576:.2f} MiB), {tables} tables with data, {end - start:.2f} s")
PY

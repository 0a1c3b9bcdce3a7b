#!/usr/bin/env bash
# scripts/restore.sh — restore a dump made by scripts/backup.sh into a NEW database.
#
#   scripts/restore.sh DUMP_FILE NEW_DATABASE
#
# The server comes from PGHOST, PGPORT, PGUSER, PGPASSWORD; the user must be allowed to create databases. The target
# must not exist (this script never overwrites a database: restore beside the old one, check, then switch the portal's
# ConnectionStrings__PolicyPortal). RESTORE_OWNER=role makes that role own the database and every object in it (the
# portal's login role); RESTORE_JOBS=n restores with n parallel jobs (default 2).
#
# After the restore the portal can start on it: pending migrations (a dump older than the code) are applied at start,
# sign-in cookies issued before the backup stay valid (the Data Protection keys are in the dump), and Quartz treats the
# scheduler instances recorded in the dump as failed and recovers their work after its check-in interval.
set -euo pipefail

dump="${1:?usage: scripts/restore.sh DUMP_FILE NEW_DATABASE}"
target="${2:?usage: scripts/restore.sh DUMP_FILE NEW_DATABASE}"
[ -f "$dump" ] || { echo "no such dump: $dump" >&2; exit 1; }
pg_restore --list "$dump" >/dev/null || { echo "$dump is not a pg_dump custom-format archive" >&2; exit 1; }

exists="$(psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '${target//\'/\'\'}'")"
[ -z "$exists" ] || { echo "database $target already exists: restore into a new database" >&2; exit 1; }

started="$(date +%s.%N)"
createdb ${RESTORE_OWNER:+--owner="$RESTORE_OWNER"} "$target"
pg_restore --dbname="$target" --no-owner --no-privileges --exit-on-error \
  --jobs="${RESTORE_JOBS:-2}" ${RESTORE_OWNER:+--role="$RESTORE_OWNER"} "$dump"
psql -d "$target" -v ON_ERROR_STOP=1 -qc 'ANALYZE'
finished="$(date +%s.%N)"
python3 -c "import sys; print(f'restored {sys.argv[1]} into {sys.argv[2]} in {float(sys.argv[4]) - float(sys.argv[3]):.2f} s')" "$dump" "$target" "$started" "$finished"

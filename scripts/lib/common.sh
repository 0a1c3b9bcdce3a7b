# Shared by scripts/backup-restore-check.sh and faults/kill-instance.sh (sourced, not run).
#
#   pp_start_postgres        a throwaway PostgreSQL cluster on a free port (as the postgres user when run as root),
#                            stopped and removed on exit; or, with PP_USE_EXISTING_PG=1, the server the libpq variables
#                            (PGHOST, PGPORT, PGUSER, PGPASSWORD) name, whose user may create databases.
#   pp_connection_string DB  the portal's (Npgsql) connection string for database DB on that server.
#   pp_build_portal          builds the portal (Release) once, or uses $PORTAL_DLL (a published PolicyPortal.Web.dll;
#                            its folder is the content root unless PORTAL_CONTENT_ROOT says otherwise).
#   pp_start_portal NAME PORT DB [VAR=VALUE ...]
#                            starts `dotnet PolicyPortal.Web.dll` on PORT against DB in the background (exec'd, so
#                            the recorded pid is the portal itself); log in $PP_WORK/NAME.log, pid in $PP_WORK/NAME.pid.
#   pp_wait_healthy PORT [SECONDS]   waits for GET /healthz to answer 200 (fails at once if that portal exited).
#   pp_stop_portal NAME      SIGTERM, then waits for it to end.

set -euo pipefail

PP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PP_WORK="${PP_WORK:-$(mktemp -d /tmp/policyportal-XXXXXX)}"
PP_PIDS=()
PP_PG_DIR=""

pp_log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
pp_die() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

pp_cleanup() {
  local pid
  for pid in "${PP_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PP_PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  if [ -n "$PP_PG_DIR" ] && [ -d "$PP_PG_DIR/data" ]; then
    pp_as_postgres "$PP_PG_BIN/pg_ctl" -D "$PP_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ "${PP_KEEP_WORK:-0}" != 1 ]; then rm -rf "$PP_WORK"; else pp_log "kept $PP_WORK"; fi
}
trap pp_cleanup EXIT

pp_as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pp_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

pp_start_postgres() {
  if [ "${PP_USE_EXISTING_PG:-0}" = 1 ]; then
    : "${PGHOST:?PP_USE_EXISTING_PG=1 needs PGHOST (and PGPORT, PGUSER, PGPASSWORD as needed)}"
    export PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
    psql -d postgres -Atqc 'SELECT 1' >/dev/null || pp_die "the server PGHOST=$PGHOST PGPORT=$PGPORT does not answer"
    pp_log "using PostgreSQL at $PGHOST:$PGPORT as $PGUSER"
    return
  fi
  PP_PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -x "$PP_PG_BIN/initdb" ] || pp_die "PostgreSQL server binaries are missing (Debian: apt-get install -y postgresql), or set PP_USE_EXISTING_PG=1 with PGHOST etc."
  PP_PG_DIR="$PP_WORK/pg"
  mkdir -p "$PP_PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PP_PG_DIR" && chmod 755 "$PP_WORK"
  export PGHOST=127.0.0.1 PGPORT PGUSER=postgres
  PGPORT="$(pp_free_port)"
  pp_as_postgres "$PP_PG_BIN/initdb" -D "$PP_PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  pp_as_postgres "$PP_PG_BIN/pg_ctl" -D "$PP_PG_DIR/data" -l "$PP_PG_DIR/server.log" \
    -o "-p $PGPORT -k $PP_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" -w -t 60 start >/dev/null
  pp_log "throwaway PostgreSQL $("$PP_PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT ($PP_PG_DIR)"
}

pp_connection_string() {
  local cs="Host=${PGHOST};Port=${PGPORT};Username=${PGUSER};Database=$1"
  [ -n "${PGPASSWORD:-}" ] && cs="$cs;Password=${PGPASSWORD}"
  printf '%s' "$cs"
}

pp_build_portal() {
  if [ -n "${PORTAL_DLL:-}" ]; then
    [ -f "$PORTAL_DLL" ] || pp_die "PORTAL_DLL=$PORTAL_DLL does not exist"
    PORTAL_DLL="$(realpath "$PORTAL_DLL")"
    PORTAL_CONTENT_ROOT="$(realpath "${PORTAL_CONTENT_ROOT:-$(dirname "$PORTAL_DLL")}")"
    return
  fi
  # A Release build run from the project folder (its content root: appsettings.json, wwwroot). Not `dotnet publish`:
  # on a working copy that has been built before, publish stops with NETSDK1152 (wwwroot/lib twice; see the report).
  pp_log "building the portal (dotnet build -c Release) ..."
  dotnet build "$PP_ROOT/src/PolicyPortal.Web" -c Release --nologo -v quiet >"$PP_WORK/build.log" 2>&1 \
    || { cat "$PP_WORK/build.log" >&2; pp_die "dotnet build failed"; }
  PORTAL_DLL="$PP_ROOT/src/PolicyPortal.Web/bin/Release/net10.0/PolicyPortal.Web.dll"
  PORTAL_CONTENT_ROOT="$PP_ROOT/src/PolicyPortal.Web"
}

pp_start_portal() {
  local name="$1" port="$2" db="$3"; shift 3
  mkdir -p "$PP_WORK/$name-data"
  (
    cd "$PORTAL_CONTENT_ROOT"
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Database__Provider=Postgres Database__DataFolder="$PP_WORK/$name-data" \
      ConnectionStrings__PolicyPortal="$(pp_connection_string "$db")"
    local kv
    for kv in "$@"; do export "${kv?}"; done
    exec dotnet "$PORTAL_DLL"
  ) >"$PP_WORK/$name.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$PP_WORK/$name.pid"
  echo "$port" >"$PP_WORK/$name.port"
  PP_PIDS+=("$pid")
  pp_log "started portal $name (pid $pid) on http://127.0.0.1:$port against $db"
}

pp_wait_healthy() {
  local port="$1" seconds="${2:-180}" i name pid
  for ((i = 0; i < seconds * 2; i++)); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true)" = 200 ]; then return 0; fi
    for name in "$PP_WORK"/*.pid; do
      pid="$(cat "$name")"
      if [ "$(cat "$PP_WORK/$(basename "$name" .pid).port" 2>/dev/null)" = "$port" ] && ! kill -0 "$pid" 2>/dev/null; then
        tail -20 "${name%.pid}.log" >&2
        pp_die "the portal on port $port exited (log: ${name%.pid}.log)"
      fi
    done
    sleep 0.5
  done
  pp_die "the portal on port $port was not healthy within $seconds s (see $PP_WORK/*.log)"
}

pp_stop_portal() {
  local pid
  pid="$(cat "$PP_WORK/$1.pid")"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # Forgotten once stopped: a later portal on the same port must not be judged by this one having exited.
  rm -f "$PP_WORK/$1.pid" "$PP_WORK/$1.port"
  pp_log "stopped portal $1 (pid $pid)"
}

#!/usr/bin/env bash
# The load benchmarks of issue 7 items 12–14 in one bounded run (about 10 minutes after the builds; docs/performance.md, "Load benchmarks").
#
#   bash bench/load/run.sh                 everything: throughput ratios, submissions, memory at 2,000 connections, recompute
#   PHASES="reads memory" bash bench/load/run.sh        only some phases (reads, submit, memory, recompute)
#
# Starts a throwaway PostgreSQL cluster and the portal in Release on it (reference endpoints on: Benchmark:ReferenceEndpoints),
# seeds 200,000 applications with tools/PolicyPortal.Seed, signs a reviewer in, then runs wrk at 32 connections, alternating
# reference and real endpoints round by round, and prints each ratio against its target. Traffic goes to 127.0.0.1 only.
# Settings: ROUNDS (3), SECONDS_PER_RUN (8), CONNECTIONS (32), MEMORY_CONNECTIONS (2000), PP_KEEP_WORK=1 keeps the logs.
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib/common.sh"

LOAD_DIR="$PP_ROOT/bench/load"
ROUNDS="${ROUNDS:-3}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-8}"
CONNECTIONS="${CONNECTIONS:-32}"
MEMORY_CONNECTIONS="${MEMORY_CONNECTIONS:-2000}"
PHASES="${PHASES:-reads submit memory recompute}"
THREADS=2
DB=policyportal
mkdir -p "$PP_WORK"
RESULTS="$PP_WORK/results.txt"
: >"$RESULTS"

command -v wrk >/dev/null || pp_die "wrk is missing (Debian: apt-get install -y wrk)"
command -v pgbench >/dev/null || PGBENCH="$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1)"
PGBENCH="${PGBENCH:-pgbench}"
# 2,000 concurrent connections need 2,000 sockets on each side (the portal inherits this limit).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

has_phase() { [[ " $PHASES " == *" $1 "* ]]; }
record() { printf '%s\n' "$*" | tee -a "$RESULTS"; }
psql_db() { psql -d "$DB" -Atq "$@"; }

# --- set-up -------------------------------------------------------------------------------------------------------------
pp_start_postgres
createdb "$DB"
pp_build_portal
pp_log "building the seeding tool (Release) ..."
dotnet build "$PP_ROOT/tools/PolicyPortal.Seed" -c Release --nologo -v quiet >"$PP_WORK/seed-build.log" 2>&1 || { cat "$PP_WORK/seed-build.log" >&2; pp_die "seed tool build failed"; }
SEED_DLL="$PP_ROOT/tools/PolicyPortal.Seed/bin/Release/net10.0/PolicyPortal.Seed.dll"

PORT="$(pp_free_port)"
BASE="http://127.0.0.1:$PORT"
# Demo accounts give the reviewer and this year's application windows; the scheduler is off so that no job writes in the
# middle of a measurement; the public API's rate limit is lifted, or wrk would measure 429s.
# PORTAL_ENV adds settings for an experiment, e.g. PORTAL_ENV="DOTNET_gcServer=0".
# shellcheck disable=SC2086
pp_start_portal bench "$PORT" "$DB" Accounts__SeedDemoAccounts=true Benchmark__ReferenceEndpoints=true Scheduler__Enabled=false \
  RateLimits__PublicApiPerMinute=1000000000 ${PORTAL_ENV:-}
# /healthz reports the (switched-off) scheduler as unhealthy: wait for the database check instead.
for _ in $(seq 360); do
  curl -s "$BASE/healthz" | grep -q '"database":{"status":"Healthy"' && break
  kill -0 "$(cat "$PP_WORK/bench.pid")" 2>/dev/null || { tail -20 "$PP_WORK/bench.log" >&2; pp_die "the portal exited"; }
  sleep 0.5
done
PORTAL_PID="$(cat "$PP_WORK/bench.pid")"
pp_log "seeding ..."
dotnet "$SEED_DLL" seed --connection "$(pp_connection_string "$DB")" | tee "$PP_WORK/seed.log" >&2

sign_in() { # user → the Cookie header value of a signed-in session
  local jar="$PP_WORK/$1.jar" page token
  page="$(curl -s -c "$jar" -b "$jar" "$BASE/account/login")"
  token="$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
    --data-urlencode "Input.UserName=$1" --data-urlencode "Input.Password=Demo@2026" "$BASE/account/login"
  awk '$6 ~ /^PolicyPortal/ { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar"
}

rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }

# wrk NAME PATH|URL [extra wrk args ...] → "rps p99" (and the full output in $PP_WORK/NAME.wrk)
run_wrk() {
  local name="$1" script="$2" url="$3"; shift 3
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "${SECONDS_PER_RUN}s" --latency -s "$LOAD_DIR/$script" "$url" -- "$@" >"$PP_WORK/$name.wrk" 2>&1 || true
  local result status
  result="$(grep '^RESULT' "$PP_WORK/$name.wrk" | tail -1)"
  status="$(grep '^STATUS' "$PP_WORK/$name.wrk" | tail -1)"
  [ -n "$result" ] || { cat "$PP_WORK/$name.wrk" >&2; pp_die "wrk $name gave no result"; }
  [[ "$status" == *"other=0"* ]] || pp_log "WARNING $name: $status (non-200 answers are not counted as throughput)"
  sed -E 's/RESULT rps=([0-9.]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+)/\1 \3/' <<<"$result"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == ">=" ? v >= t : v < t); print (ok ? "met" : "MISSED") }'; }

record "# PolicyPortal load benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- item 12: reads ----------------------------------------------------------------------------------------------------
if has_phase reads || has_phase memory; then
  COOKIE="$(sign_in reviewer-shijingshan)"
  [ -n "$COOKIE" ] || pp_die "the reviewer could not sign in"
  # The queue page as a reviewer uses it: pending, at least 50 万元, page after the 300th match (keyset), oldest first.
  AFTER="$(psql_db -c "SELECT \"Id\" FROM \"Applications\" WHERE \"District\" = 'shijingshan' AND \"Status\" IN ('Submitted','UnderReview','AwaitingSecondReview','ReturnedForSupplement') AND \"FrozenTotalFen\" >= 50000000 ORDER BY \"Id\" OFFSET 300 LIMIT 1")"
  QUERY="status=pending&min=50&after=$AFTER"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/review?$QUERY")" = 200 ] || pp_die "the signed-in reviewer cannot open /review"
  ROWS="$(curl -s -H "Cookie: $COOKIE" "$BASE/review?$QUERY" | grep -c 'data-testid="queue-row"' || true)"
  pp_log "queue page: $ROWS rows (after id $AFTER)"
fi

if has_phase reads; then
  pp_log "warming up ..."
  SECONDS_PER_RUN=3 run_wrk warm-single get.lua "$BASE/bench/single-row" "" >/dev/null
  # Long enough for tiered compilation to settle on the page's code (a first profile showed the JIT busy for a minute).
  SECONDS_PER_RUN=10 run_wrk warm-page get.lua "$BASE/review?$QUERY" "$COOKIE" >/dev/null
  SECONDS_PER_RUN=3 run_wrk warm-raw get.lua "$BASE/bench/queue-raw?district=shijingshan&$QUERY" "" >/dev/null
  SECONDS_PER_RUN=5 run_wrk warm-ef get.lua "$BASE/bench/queue-ef?district=shijingshan&$QUERY" "" >/dev/null
  SECONDS_PER_RUN=3 run_wrk warm-calc calculate.lua "$BASE/api/v1/calculations" >/dev/null
  PEAK_RSS="$(rss_kb "$PORTAL_PID")"
  page_ratios="" ef_ratios="" calc_ratios="" page_p99s=""
  for round in $(seq "$ROUNDS"); do
    read -r single _ < <(run_wrk "single-$round" get.lua "$BASE/bench/single-row" "")
    read -r page page_p99 < <(run_wrk "page-$round" get.lua "$BASE/review?$QUERY" "$COOKIE")
    read -r raw _ < <(run_wrk "raw-$round" get.lua "$BASE/bench/queue-raw?district=shijingshan&$QUERY" "")
    read -r ef _ < <(run_wrk "ef-$round" get.lua "$BASE/bench/queue-ef?district=shijingshan&$QUERY" "")
    read -r calc _ < <(run_wrk "calc-$round" calculate.lua "$BASE/api/v1/calculations")
    rss="$(rss_kb "$PORTAL_PID")"; [ "$rss" -gt "$PEAK_RSS" ] && PEAK_RSS="$rss"
    record "round $round: single-row $single/s · queue page $page/s (p99 $page_p99 ms) · queue raw $raw/s · queue EF $ef/s · calculation API $calc/s · RSS $((rss / 1024)) MB"
    page_ratios+=" $(ratio "$page" "$single")"; ef_ratios+=" $(ratio "$ef" "$raw")"; calc_ratios+=" $(ratio "$calc" "$single")"; page_p99s+=" $page_p99"
  done
  PAGE="$(median <<<"$page_ratios")"; EF="$(median <<<"$ef_ratios")"; CALC="$(median <<<"$calc_ratios")"; P99="$(median <<<"$page_p99s")"
  record "queue page / raw single row:        $PAGE (rounds:$page_ratios) target >= 0.35: $(verdict "$PAGE" 0.35 '>=')"
  record "queue page p99 (median of rounds):  $P99 ms target < 100 ms: $(verdict "$P99" 100 '<')"
  record "EF queue query / raw same SQL:      $EF (rounds:$ef_ratios) target >= 0.85: $(verdict "$EF" 0.85 '>=')"
  record "calculation API / raw single row:   $CALC (rounds:$calc_ratios) target >= 0.5: $(verdict "$CALC" 0.5 '>=')"
  record "peak RSS during the reads:          $((PEAK_RSS / 1024)) MB target < 400 MB: $(verdict "$((PEAK_RSS / 1024))" 400 '<')"
fi

# --- item 13: submissions ------------------------------------------------------------------------------------------------
if has_phase submit; then
  # Submissions take one shared row: their district-year's tracking-number counter. Spread out: drafts of two districts
  # (two counter rows); one hot row: drafts of one district. Districts with budget pools (yizhuang, binjiang) also sum the
  # year's approved pool claims at every submission, so they are measured apart (docs/performance.md).
  drafts() { psql_db -c "SELECT \"Id\" FROM \"Applications\" WHERE \"Status\" = 'Draft' AND \"District\" IN ($1) AND \"EnterpriseId\" IN (SELECT \"Id\" FROM \"Enterprises\" WHERE \"OwnerUserId\" LIKE 'seed-owner-%') ORDER BY random()"; }
  drafts "'tongzhou', 'fengtai'" >"$PP_WORK/spread.ids"
  drafts "'shijingshan'" >"$PP_WORK/hot.ids"
  drafts "'yizhuang', 'binjiang'" >"$PP_WORK/pools.ids"
  submit_run() { # name ids → "rate p99"; the rate from the database's submission times (first to last), the p99 from wrk
    local name="$1" ids="$2" started
    started="$(psql_db -c "SELECT now()")"
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "${SUBMIT_SECONDS:-12}s" --timeout 10s --latency -s "$LOAD_DIR/submit.lua" "$BASE" -- "$ids" "$THREADS" >"$PP_WORK/$name.wrk" 2>&1 || true
    local status p99 rate
    status="$(grep '^STATUS' "$PP_WORK/$name.wrk")"
    p99="$(grep '^RESULT' "$PP_WORK/$name.wrk" | sed -E 's/.*p99_ms=([0-9.]+).*/\1/')"
    rate="$(psql_db -c "SELECT round(count(*) / greatest(extract(epoch FROM max(\"SubmittedAt\") - min(\"SubmittedAt\")), 0.001), 1) FROM \"Applications\" WHERE \"SubmittedAt\" >= '$started' AND \"Id\" IN ($(paste -sd, "$ids"))")"
    pp_log "$name: $status; $rate submissions/s; p99 $p99 ms"
    echo "$rate $p99 $status"
  }
  read -r SPREAD SPREAD_P99 SPREAD_STATUS < <(submit_run submit-spread "$PP_WORK/spread.ids")
  read -r HOT HOT_P99 HOT_STATUS < <(submit_run submit-hot "$PP_WORK/hot.ids")
  read -r POOLS POOLS_P99 POOLS_STATUS < <(submit_run submit-pools "$PP_WORK/pools.ids")

  pp_log "pgbench TPC-B at $CONNECTIONS clients on the same server ..."
  createdb pgbench
  "$PGBENCH" -i -q -s "$CONNECTIONS" pgbench >"$PP_WORK/pgbench-init.log" 2>&1
  "$PGBENCH" -c "$CONNECTIONS" -j "$THREADS" -T "${SUBMIT_SECONDS:-12}" -M prepared pgbench >"$PP_WORK/pgbench.log" 2>&1
  TPS="$(grep -E '^tps' "$PP_WORK/pgbench.log" | head -1 | sed -E 's/tps = ([0-9.]+).*/\1/')"
  record "submissions spread over two districts:  $SPREAD/s, p99 $SPREAD_P99 ms ($SPREAD_STATUS); pgbench TPC-B: $TPS tps"
  record "submissions into one district:          $HOT/s, p99 $HOT_P99 ms ($HOT_STATUS)"
  record "submissions in districts with pools:    $POOLS/s, p99 $POOLS_P99 ms ($POOLS_STATUS)"
  record "spread-out submission rate:         $SPREAD/s target >= 150/s: $(verdict "$SPREAD" 150 '>=')"
  record "spread-out submission p99:          $SPREAD_P99 ms target < 500 ms: $(verdict "$SPREAD_P99" 500 '<')"
  record "submissions / pgbench TPC-B:        $(ratio "$SPREAD" "$TPS") target >= 0.5: $(verdict "$(ratio "$SPREAD" "$TPS")" 0.5 '>=')"
  record "one hot row / spread-out:           $(ratio "$HOT" "$SPREAD") target >= 0.3: $(verdict "$(ratio "$HOT" "$SPREAD")" 0.3 '>=')"
fi

# --- item 12: memory at 2,000 concurrent users --------------------------------------------------------------------------
if has_phase memory; then
  SECONDS_PER_RUN=3 run_wrk mem-warm get.lua "$BASE/review?$QUERY" "$COOKIE" >/dev/null
  sleep 2
  BEFORE="$(rss_kb "$PORTAL_PID")"
  MAX=0
  wrk -t "$THREADS" -c "$MEMORY_CONNECTIONS" -d 20s --timeout 10s --latency -s "$LOAD_DIR/get.lua" "$BASE/review?$QUERY" -- "$COOKIE" >"$PP_WORK/mem.wrk" 2>&1 &
  WRK_PID=$!
  while kill -0 "$WRK_PID" 2>/dev/null; do
    rss="$(rss_kb "$PORTAL_PID")"; [ "$rss" -gt "$MAX" ] && MAX="$rss"
    sleep 0.5
  done
  wait "$WRK_PID" || true
  AFTER_RSS="$(rss_kb "$PORTAL_PID")"
  PER_USER="$(awk -v a="$MAX" -v b="$BEFORE" -v n="$MEMORY_CONNECTIONS" 'BEGIN { printf "%.1f", (a - b) / n }')"
  record "$MEMORY_CONNECTIONS connections on the queue page: RSS before $((BEFORE / 1024)) MB, peak $((MAX / 1024)) MB, after $((AFTER_RSS / 1024)) MB; $(grep '^STATUS' "$PP_WORK/mem.wrk"); $(grep '^RESULT' "$PP_WORK/mem.wrk")"
  record "growth per concurrent user:         $PER_USER KB target < 14 KB: $(verdict "$PER_USER" 14 '<')"
  record "peak working set:                   $((MAX / 1024)) MB target < 400 MB: $(verdict "$((MAX / 1024))" 400 '<')"
fi

# --- item 14: a district-year recomputed from the database --------------------------------------------------------------
if has_phase recompute; then
  pp_stop_portal bench # the recomputation has the machine to itself, as a batch job would
  dotnet "$SEED_DLL" recompute --connection "$(pp_connection_string "$DB")" --runs 5 | tee "$PP_WORK/recompute.log" >&2
  record "$(tail -1 "$PP_WORK/recompute.log")"
  record "$(grep '^run 5' "$PP_WORK/recompute.log")"
fi

record "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "=== results ($RESULTS) ==="
cat "$RESULTS"

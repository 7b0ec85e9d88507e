#!/usr/bin/env bash
# FamilyTime load benchmark. Measures, on this machine:
#   1. the ceiling: a bare Kestrel GET /ping (bench/FamilyTime.Ceiling) on 127.0.0.1:5090;
#   2. FamilyTime on SQLite, and on PostgreSQL when PG_CONN is set, on 127.0.0.1:5081,
#      with the mychildren, child and api scenarios at each user count.
# Results: bench/results/ (git-ignored), summary in bench/results/summary.md.
#
# Knobs (environment):
#   PG_CONN             Npgsql connection string; enables the postgres run (use a fresh database)
#   BENCH_PROVIDERS     "sqlite postgres" (default) | "sqlite" | "postgres" | "none" (ceiling only)
#   BENCH_CHILDREN      demo children to seed (default 20000)
#   BENCH_USERS         user counts, comma separated (default 1,8,32)
#   BENCH_SECONDS       measured seconds per run (default 20); BENCH_WARMUP (default 5)
#   BENCH_SEED_TIMEOUT  seconds to wait for /health after start (default 900)
#   BENCH_KEEP_DB=1     reuse bench/results/bench.db instead of seeding a fresh one
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
RESULTS="$REPO/bench/results"
SUMMARY="$RESULTS/summary.md"
CEILING_URL="http://127.0.0.1:5090"
SERVER_URL="http://127.0.0.1:5081"

PROVIDERS="${BENCH_PROVIDERS:-sqlite postgres}"
CHILDREN="${BENCH_CHILDREN:-20000}"
USERS="${BENCH_USERS:-1,8,32}"
RUN_SECONDS="${BENCH_SECONDS:-20}"
WARMUP="${BENCH_WARMUP:-5}"
SEED_TIMEOUT="${BENCH_SEED_TIMEOUT:-900}"
BENCH_USER="${BENCH_USER:-socialworker1}"
BENCH_PASSWORD="${BENCH_PASSWORD:-Demo-family-time-2026}"

die() { echo "run-load: $*" >&2; exit 1; }
log() { echo "run-load: $*" >&2; }

# Bounded inputs: a typo must not turn into an hour-long run or a thousand sockets.
[[ "$USERS" =~ ^[1-9][0-9]{0,2}(,[1-9][0-9]{0,2}){0,9}$ ]] || die "BENCH_USERS must look like 1,8,32"
for n in ${USERS//,/ }; do (( n >= 1 && n <= 256 )) || die "each BENCH_USERS value must be 1..256"; done
check_int() { # check_int NAME VALUE MIN MAX
    [[ "$2" =~ ^(0|[1-9][0-9]{0,6})$ ]] && (( $2 >= $3 && $2 <= $4 )) && return 0
    die "$1 must be an integer $3..$4 (got '$2')"
}
check_int BENCH_SECONDS "$RUN_SECONDS" 1 600
check_int BENCH_WARMUP "$WARMUP" 0 120
check_int BENCH_SEED_TIMEOUT "$SEED_TIMEOUT" 10 3600
check_int BENCH_CHILDREN "$CHILDREN" 0 1000000
command -v curl >/dev/null || die "curl is required"

# --- background process handling -------------------------------------------------------------
# Each server runs in its own session (setsid), so one signal to its process group also reaches
# the app that `dotnet run` spawns. The EXIT trap stops it on success, failure and Ctrl-C alike.
BG_PGID=""

start_bg() { # start_bg LOGFILE COMMAND... ; sets BG_PGID
    local logfile="$1"; shift
    setsid "$@" >"$logfile" 2>&1 </dev/null &
    BG_PGID=$!   # setsid runs in our (non-leader) child, so it keeps this pid: pid == pgid
}

stop_bg() {
    [[ -n "$BG_PGID" ]] || return 0
    kill -TERM -- "-$BG_PGID" 2>/dev/null || true
    for _ in $(seq 1 40); do   # up to 20 s for a graceful shutdown
        kill -0 -- "-$BG_PGID" 2>/dev/null || { BG_PGID=""; return 0; }
        sleep 0.5
    done
    log "process group $BG_PGID ignored SIGTERM; killing it"
    kill -KILL -- "-$BG_PGID" 2>/dev/null || true
    BG_PGID=""
}

trap stop_bg EXIT
trap 'log "interrupted"; exit 130' INT TERM

ensure_port_free() { # a leftover server on the port would be measured instead of ours
    if curl -s -o /dev/null --max-time 2 "$1/"; then die "something already answers on $1; stop it first"; fi
}

wait_ready() { # wait_ready URL TIMEOUT_SECONDS LOGFILE
    local url="$1" timeout="$2" logfile="$3" started=$SECONDS
    until curl -fs -o /dev/null --max-time 5 "$url"; do
        if ! kill -0 -- "-$BG_PGID" 2>/dev/null; then
            tail -n 40 "$logfile" >&2 || true
            die "server exited before $url answered (log: $logfile)"
        fi
        (( SECONDS - started < timeout )) || { tail -n 40 "$logfile" >&2 || true; die "$url not ready after ${timeout}s"; }
        sleep 2
    done
}

server_rss_mib() { # largest resident set in the server's session, in MiB
    ps -o rss= -s "$BG_PGID" 2>/dev/null | sort -n | tail -n 1 | awk '{ printf "%d", $1 / 1024 }'
}

LOAD_FAILED=0
run_load() { # run_load NAME ARGS... ; exit 3 from the client means non-2xx answers were counted
    local name="$1"; shift
    local rc=0
    dotnet "$LOAD_DLL" --users "$USERS" --seconds "$RUN_SECONDS" --warmup "$WARMUP" \
        --out "$RESULTS/$name.json" --md "$RESULTS/$name.md" "$@" >"$RESULTS/$name.txt" || rc=$?
    case "$rc" in
        0) ;;
        3) log "$name: some answers were not 2xx or failed; see $RESULTS/$name.md"; LOAD_FAILED=1 ;;
        *) die "$name: load client failed (exit $rc)" ;;
    esac
}

# --- build -------------------------------------------------------------------------------------
mkdir -p "$RESULTS"
log "building load client and ceiling app (Release)"
dotnet build bench/FamilyTime.Load -c Release -v quiet -nologo >"$RESULTS/build-bench.log" 2>&1 \
    || { tail -n 30 "$RESULTS/build-bench.log" >&2; die "bench build failed"; }
dotnet build bench/FamilyTime.Ceiling -c Release -v quiet -nologo >>"$RESULTS/build-bench.log" 2>&1 \
    || { tail -n 30 "$RESULTS/build-bench.log" >&2; die "ceiling build failed"; }
LOAD_DLL="$REPO/bench/FamilyTime.Load/bin/Release/net10.0/FamilyTime.Load.dll"
CEILING_DLL="$REPO/bench/FamilyTime.Ceiling/bin/Release/net10.0/FamilyTime.Ceiling.dll"

{
    echo "# FamilyTime load benchmark"
    echo
    echo "- Run (UTC): $(date -u +%Y-%m-%dT%H:%M:%SZ); commit $(git rev-parse --short HEAD 2>/dev/null || echo none)$(git diff --quiet HEAD 2>/dev/null || echo ' (uncommitted changes)')"
    echo "- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs), $(free -g 2>/dev/null | awk '/^Mem:/ { print $2 " GiB RAM" }'), $(uname -sr)"
    echo "- .NET SDK $(dotnet --version); load client and server share the machine"
    echo "- Closed loop (no think time), users $USERS; each run ${WARMUP}s warm-up + ${RUN_SECONDS}s measured"
    echo "- Latency = request sent to last body byte received, in ms; non-2xx = HTTP answers outside 200-299; errors = no HTTP answer"
    echo
} >"$SUMMARY"

# --- 1. ceiling --------------------------------------------------------------------------------
ensure_port_free "$CEILING_URL"
log "ceiling: bare Kestrel on $CEILING_URL"
start_bg "$RESULTS/ceiling-server.log" dotnet "$CEILING_DLL" --urls "$CEILING_URL"
run_load ceiling --base "$CEILING_URL" --scenario ceiling --ready-timeout 60
stop_bg
{ echo "## Ceiling: bare Kestrel GET /ping"; echo; cat "$RESULTS/ceiling.md"; } >>"$SUMMARY"

# --- 2. FamilyTime per provider -----------------------------------------------------------------
SERVER_BUILT=0
for provider in sqlite postgres; do
    [[ " $PROVIDERS " == *" $provider "* ]] || continue
    if [[ "$provider" == postgres && -z "${PG_CONN:-}" ]]; then
        log "postgres: skipped (set PG_CONN to include it)"
        continue
    fi

    if (( SERVER_BUILT == 0 )); then
        # Built once up front so the seed time below measures start-up and seeding, not compilation.
        log "building src/FamilyTime.Web (Release)"
        dotnet build src/FamilyTime.Web -c Release -v quiet -nologo >"$RESULTS/build-web.log" 2>&1 \
            || { tail -n 30 "$RESULTS/build-web.log" >&2; die "FamilyTime.Web build failed"; }
        SERVER_BUILT=1
    fi

    db_env=()
    if [[ "$provider" == sqlite ]]; then
        if [[ "${BENCH_KEEP_DB:-0}" != 1 ]]; then rm -f "$RESULTS"/bench.db "$RESULTS"/bench.db-wal "$RESULTS"/bench.db-shm; fi
        # Absolute path: `dotnet run` may not use the repo root as the working directory.
        db_env=(Database__Provider=Sqlite "ConnectionStrings__Sqlite=Data Source=$RESULTS/bench.db")
    else
        db_env=(Database__Provider=Postgres "ConnectionStrings__Postgres=$PG_CONN")
    fi

    ensure_port_free "$SERVER_URL"
    log "$provider: starting FamilyTime on $SERVER_URL with $CHILDREN demo children (waiting up to ${SEED_TIMEOUT}s for /health)"
    server_log="$RESULTS/server-$provider.log"
    started=$SECONDS
    # Every virtual user signs in from 127.0.0.1: lift the per-address sign-in limit for the run.
    start_bg "$server_log" env ASPNETCORE_URLS="$SERVER_URL" ASPNETCORE_ENVIRONMENT=Production \
        Demo__Enabled=true Demo__Children="$CHILDREN" Security__SignInAttemptsPerMinute=1000 "${db_env[@]}" \
        dotnet run --project src/FamilyTime.Web -c Release --no-launch-profile --no-build
    wait_ready "$SERVER_URL/health" "$SEED_TIMEOUT" "$server_log"
    ready_after=$(( SECONDS - started ))
    log "$provider: /health answered after ${ready_after}s"

    run_load "$provider" --base "$SERVER_URL" --scenario all --user "$BENCH_USER" --password "$BENCH_PASSWORD" --ready-timeout 60
    rss="$(server_rss_mib)"
    stop_bg
    {
        echo
        echo "## FamilyTime on $provider"
        echo
        echo "- Demo children: $CHILDREN; start-up until /health 200 (migrate + seed): ${ready_after}s$([[ "$provider" == sqlite && "${BENCH_KEEP_DB:-0}" == 1 ]] && echo ' (existing database reused)')"
        echo "- Server resident memory after the runs: ${rss:-?} MiB"
        echo
        cat "$RESULTS/$provider.md"
    } >>"$SUMMARY"
done

log "done: $SUMMARY"
cat "$SUMMARY"
exit "$(( LOAD_FAILED ? 3 : 0 ))"

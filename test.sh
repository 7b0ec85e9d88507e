#!/usr/bin/env bash
# Runs every test: unit, integration on SQLite and PostgreSQL, and browser tests in Debian's Chromium.
# Installs what is missing (Debian packages postgresql, chromium, nginx and poppler-utils; npm packages through the build),
# starts a throwaway PostgreSQL cluster on loopback, and stops it at the end, also on failure.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# The browser tests put the app behind nginx terminating TLS, as a council runs it.
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v npm >/dev/null || missing+=(nodejs npm)
# Letters are read back with poppler's pdftotext, a PDF reader nobody here wrote.
[ -x /usr/bin/pdftotext ] || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}…"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- throwaway PostgreSQL on loopback ----------------------------------------------------------
PGBIN="$(pg_bin)"
PGROOT="$(mktemp -d /tmp/familytime-pg.XXXXXX)"
PGPORT="${FAMILYTIME_PG_PORT:-$(( 55000 + RANDOM % 5000 ))}"
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PGROOT"
stop_pg() {
  run_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGROOT"
}
trap stop_pg EXIT
run_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
# fsync off: a test cluster is thrown away, durability there only costs time.
run_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/log" -w -o "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
export FAMILYTIME_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Include Error Detail=true"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') running on 127.0.0.1:$PGPORT"

# --- build and test ----------------------------------------------------------------------------
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
dotnet build FamilyTime.slnx -c Release -nologo -v quiet
results="$(mktemp -d)"
status=0
dotnet test FamilyTime.slnx -c Release --no-build -nologo --logger "console;verbosity=minimal" --logger "trx" --results-directory "$results" || status=$?

# One plain closing line across all test projects.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
rm -rf "$results"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then echo "No test ran." >&2; exit 1; fi
exit "$status"

#!/usr/bin/env bash
# FamilyTime robustness harnesses, against a real server process (see bench/README.md, "Robustness harnesses"):
#   crash  kill -9 rounds under concurrent writes, on SQLite and (with PG_CONN) PostgreSQL
#   races  two-writer iterations on one record
#   fuzz   malformed requests over every route in the route matrix
# Reports: bench/harness-output/*.md (committed); server logs and databases beside them (git-ignored).
# Knobs: PG_CONN (Npgsql connection string of a server; a fresh database per run is made on it),
#        HARNESS_ROUNDS (100), HARNESS_ITERATIONS (1000), HARNESS_REQUESTS (100000), HARNESS_ONLY ("crash races fuzz").
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
ROUNDS="${HARNESS_ROUNDS:-100}"
ITERATIONS="${HARNESS_ITERATIONS:-1000}"
REQUESTS="${HARNESS_REQUESTS:-100000}"
ONLY="${HARNESS_ONLY:-crash races fuzz}"

dotnet build src/FamilyTime.Web -c Release -nologo -v quiet
dotnet build bench/FamilyTime.Harness -c Release -nologo -v quiet
harness() { dotnet bench/FamilyTime.Harness/bin/Release/net10.0/FamilyTime.Harness.dll "$@"; }

fresh_pg() { # fresh_pg NAME: prints a connection string to a new, empty database on PG_CONN's server
    local db="familytime_harness_$1"
    command -v psql >/dev/null || { echo "psql is needed for the PostgreSQL runs" >&2; exit 1; }
    psql "$(pg_uri)" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
    echo "$PG_CONN;Database=$db"
}
pg_uri() { # the server of PG_CONN as a libpq URI (Host, Port, Username only)
    local host port user
    host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$PG_CONN"); port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$PG_CONN")
    user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$PG_CONN")
    echo "postgresql://${user:-postgres}@${host:-127.0.0.1}:${port:-5432}/postgres"
}

status=0
for what in $ONLY; do
    case "$what" in
        crash)
            harness crash --engine sqlite --rounds "$ROUNDS" || status=1
            if [[ -n "${PG_CONN:-}" ]]; then harness crash --engine postgres --postgres "$(fresh_pg crash)" --rounds "$ROUNDS" || status=1; fi ;;
        races)
            harness races --engine sqlite --iterations "$ITERATIONS" || status=1
            if [[ -n "${PG_CONN:-}" ]]; then harness races --engine postgres --postgres "$(fresh_pg races)" --iterations "$ITERATIONS" || status=1; fi ;;
        fuzz)
            harness fuzz --engine sqlite --requests "$REQUESTS" || status=1 ;;
        *) echo "unknown harness '$what'" >&2; exit 2 ;;
    esac
done
exit $status

#!/usr/bin/env bash
# Builds and starts FamilyTime on http://localhost:5080 with SQLite and the demo data set.
set -euo pipefail
cd "$(dirname "$0")"

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is needed: https://dot.net" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js and npm are needed to build the GOV.UK Frontend styles." >&2; exit 1; }

echo "Building FamilyTime…"
dotnet build src/FamilyTime.Web -c Release -nologo -v quiet

cat <<'INFO'

FamilyTime is starting on http://localhost:5080 (SQLite in ./data, demo data on first start).
Demo sign-ins, all with the password  Demo-family-time-2026
  socialworker1    social worker with allocated children
  contactworker1   contact worker assigned to sessions
  coordinator1     family time coordinator for the North area (the rota: /Rota; the area's week: /Week/Area)
  manager1         team manager
  headofservice1   head of service
  iro1             independent reviewing officer
  carer1           foster carer with children living with them
  parent1          parent of children in care (parent portal: sessions, confirming, travel)
  youngperson1     young person with their own account (their say about family time)
  admin            administrator (users, audit log; no case access)
Press Ctrl+C to stop.

INFO
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
export Demo__Enabled="${Demo__Enabled:-true}"
# The demo sign-ins have no authenticator app: with demo data, two-factor sign-in is not enforced unless asked for
# (Mfa__RequiredFor=AllStaff ./run.sh). A real deployment enforces it (see the README).
if [ "$Demo__Enabled" = true ]; then export Mfa__RequiredFor="${Mfa__RequiredFor:-None}"; fi
export ConnectionStrings__Sqlite="${ConnectionStrings__Sqlite:-Data Source=$PWD/data/familytime.db}"
exec dotnet run --project src/FamilyTime.Web -c Release --no-build --no-launch-profile

#!/usr/bin/env bash
# Generates one migration, with the same name, for every database provider.
# Usage: scripts/add-migration.sh NameOfChange
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh NameOfChange}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  # A fresh clone has no obj/project.assets.json yet, without which dotnet ef cannot read the project.
  dotnet restore "src/FamilyTime.Migrations.$provider" -v quiet
  dotnet ef migrations add "$name" \
    --project "src/FamilyTime.Migrations.$provider" \
    --startup-project "src/FamilyTime.Migrations.$provider" \
    --output-dir Migrations
done

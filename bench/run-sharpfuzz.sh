#!/usr/bin/env bash
# Fuzzes every parser of outside input with SharpFuzz and afl-fuzz (Debian's afl++), one target after another, and
# writes bench/harness-output/sharpfuzz.md. See "SharpFuzz" in bench/README.md.
#
#   bench/run-sharpfuzz.sh                      every target, FUZZ_SECONDS each (default 300)
#   FUZZ_SECONDS=60 bench/run-sharpfuzz.sh json-bodies home-guard
#
# Settings: FUZZ_SECONDS (per target), FUZZ_REUSE_BUILD=1, FUZZ_TIMEOUT_MS (one input slower than this is a hang; default 5000),
# SHARPFUZZ (the instrumenting tool; installed into the work folder when missing), AFL_FUZZ (default afl-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZ_SECONDS="${FUZZ_SECONDS:-300}"
FUZZ_TIMEOUT_MS="${FUZZ_TIMEOUT_MS:-5000}"
AFL_FUZZ="${AFL_FUZZ:-afl-fuzz}"
PROJECT=bench/FamilyTime.Fuzz
WORK=bench/harness-output/work/sharpfuzz
OUT=bench/harness-output/sharpfuzz.md
BIN="$WORK/bin"

command -v "$AFL_FUZZ" >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 1; }
if [[ -z "${SHARPFUZZ:-}" ]]; then
  if command -v sharpfuzz >/dev/null; then
    SHARPFUZZ=sharpfuzz
  else
    SHARPFUZZ="$WORK/tools/sharpfuzz"
    [[ -x "$SHARPFUZZ" ]] || dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$WORK/tools" >/dev/null
  fi
fi

# A fresh publish each run: the instrumented copies must never be mixed with a build's own. FUZZ_REUSE_BUILD=1 keeps
# the last run's instrumented folder (to fuzz again without the wait).
if [[ "${FUZZ_REUSE_BUILD:-0}" != 1 || ! -f "$BIN/FamilyTime.Fuzz.dll" ]]; then
  rm -rf "$BIN"
  dotnet publish "$PROJECT" -c Release -o "$BIN" -nologo -v quiet
  # Crashes are replayed on a copy left as built: instrumented code run outside afl has no shared memory to write to.
  rm -rf "$WORK/plain" && cp -r "$BIN" "$WORK/plain"
  # Only the service's own code is instrumented: afl is steered by the paths taken through FamilyTime's parsers.
  for dll in FamilyTime.Domain.dll FamilyTime.Web.dll; do
    "$SHARPFUZZ" "$BIN/$dll"
  done
fi
mkdir -p "$WORK/findings"

if [[ $# -gt 0 ]]; then targets=("$@"); else mapfile -t targets < <(dotnet "$BIN/FamilyTime.Fuzz.dll" list); fi

# A container cannot change the CPU governor or core_pattern; the target is `dotnet`, which afl cannot see
# instrumented (SharpFuzz's own fork server speaks to afl); .NET starts slowly; the machine is shared.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
export AFL_FORKSRV_INIT_TMOUT=60000

stat_of() { awk -F' *: *' -v k="$2" '$1 == k { print $2 }' "$1" 2>/dev/null; }

rows=()
crashes_found=0
for t in "${targets[@]}"; do
  findings="$WORK/findings/$t"
  rm -rf "$findings"
  echo "== $t: ${FUZZ_SECONDS}s" >&2
  "$AFL_FUZZ" -V "$FUZZ_SECONDS" -t "$FUZZ_TIMEOUT_MS" -m none -i "$PROJECT/corpus/$t" -o "$findings" \
    -- dotnet "$BIN/FamilyTime.Fuzz.dll" "$t" > "$WORK/$t.afl.log" 2>&1 || echo "afl-fuzz stopped with $? on $t (see $WORK/$t.afl.log)" >&2
  stats="$findings/default/fuzzer_stats"
  if [[ ! -f "$stats" ]]; then
    rows+=("| \`$t\` | did not run (see \`$WORK/$t.afl.log\`) | | | | | |")
    continue
  fi
  crashes="$(stat_of "$stats" saved_crashes)"
  crashes_found=$((crashes_found + ${crashes:-0}))
  rows+=("| \`$t\` | $(stat_of "$stats" execs_done) | $(stat_of "$stats" execs_per_sec) | $(stat_of "$stats" corpus_count) | $(stat_of "$stats" bitmap_cvg) | $crashes | $(stat_of "$stats" saved_hangs) |")
done

{
  echo "# SharpFuzz (afl++) over FamilyTime's parsers of outside input"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'), ${FUZZ_SECONDS}s per target, a hang is over ${FUZZ_TIMEOUT_MS} ms;"
  echo "$("$AFL_FUZZ" -h 2>&1 | grep -o 'afl-fuzz++[0-9.a-z]*' | head -n1), SharpFuzz 2.3.0, $(nproc) cores shared with other work."
  echo "Figures are afl's fuzzer_stats: executions, per second, paths kept (corpus_count), edge coverage, crashes, hangs."
  echo
  echo "| Target | Executions | Execs/s | Paths | Coverage | Crashes | Hangs |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  found=0
  for t in "${targets[@]}"; do
    dir="$WORK/findings/$t/default/crashes"
    [[ -d "$dir" ]] || continue
    for f in "$dir"/id:*; do
      [[ -f "$f" ]] || continue
      if [[ $found -eq 0 ]]; then echo "## Crashes (replayed)"; echo; found=1; fi
      echo "\`$t\` $(basename "$f"), input \`$(head -c 120 "$f" | od -An -c | tr -s ' \n' ' ' | head -c 300)\`:"
      echo
      echo '```'
      { dotnet "$WORK/plain/FamilyTime.Fuzz.dll" replay "$t" "$f" 2>&1 || true; } | grep -v '^   at System\.' | sed -n '1,4p' | cut -c1-300
      echo '```'
      echo
    done
  done
  [[ $found -eq 1 ]] || echo "No crashes were saved."
} > "$OUT"
echo "Wrote $OUT" >&2
cat "$OUT"

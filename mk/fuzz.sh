#!/bin/sh
# Runs the libFuzzer harnesses tests/fuzz/fuzz_*.c (built by 'make fuzz-build'
# into build/fuzz with clang, ASan+UBSan). Each harness names its seed folders
# (or file globs) on its first line:  /* fuzz-seeds: tests/data/x/bad ... */
#   FUZZ_SECONDS  seconds per harness (default 60; 0 is refused: libFuzzer
#                 reads -max_total_time=0 as "no limit")
#   FUZZ_ONLY     run only this harness (fuzz_efgread or efgread)
#   FUZZ_FRESH=1  start from the seeds alone in a scratch corpus (make check);
#                 otherwise the corpus build/fuzz/corpus-NAME grows run by run
# The output of each run is in build/fuzz/NAME.log (FUZZ_FRESH: check-NAME.log); one line per harness
# (libFuzzer's last status line) goes to stdout. Exits 1 on the first finding
# (its input is saved as build/fuzz/NAME-crash-..., -leak-..., -oom-..., -timeout-...).
set -e
secs=${FUZZ_SECONDS:-60}
case "$secs" in '' | *[!0-9]* | 0) echo "fuzz: FUZZ_SECONDS must be a positive integer (got '$secs')" >&2; exit 2 ;; esac
out=build/fuzz
[ -n "$FUZZ_BUILT" ] || ${MAKE:-make} --no-print-directory fuzz-build
only=${FUZZ_ONLY#fuzz_}
found=0
for h in tests/fuzz/fuzz_*.c; do
  name=$(basename "$h" .c)
  [ -n "$only" ] && [ "$only" != "${name#fuzz_}" ] && continue
  found=1
  seeds=$(sed -n '1s|^/\* fuzz-seeds: \(.*\) \*/$|\1|p' "$h")
  [ -n "$seeds" ] || { echo "fuzz: $h: first line must be /* fuzz-seeds: DIR ... */" >&2; exit 2; }
  if [ -n "$FUZZ_FRESH" ]; then corpus="$out/check-$name"; rm -rf "$corpus"; else corpus="$out/corpus-$name"; fi
  mkdir -p "$corpus"
  n=0
  for s in $seeds; do
    if [ -d "$s" ]; then set -- "$s"/*; else set -- $s; fi
    for f in "$@"; do [ -f "$f" ] && cp "$f" "$corpus/seed-$(basename "$f")" && n=$((n + 1)); done
  done
  [ "$n" -gt 0 ] || { echo "fuzz: $name: no seed files in: $seeds" >&2; exit 2; }
  log="$out/${FUZZ_FRESH:+check-}$name.log"
  if ! "$out/$name" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$out/$name-" "$corpus" > "$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "fuzz: $name FAILED after $(grep -c . "$log") log lines (input: $(ls -t "$out/$name"-* 2>/dev/null | head -1); log $log)" >&2
    exit 1
  fi
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  echo "fuzz: $name ${secs}s ok, $n seeds, $execs executions: $last"
done
[ "$found" -eq 1 ] || { echo "fuzz: no harness named '$FUZZ_ONLY'" >&2; exit 2; }

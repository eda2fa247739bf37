#!/bin/sh
# bench/compare.sh: the project's own benchmarks run for two builds side by
# side in one run (e.g. before and after a refactoring), at sizes that take a
# few minutes in all. Not a test: timings depend on the machine and its load;
# each pair is run back to back so that both see the same load.
#   usage: sh bench/compare.sh OLD_BIN NEW_BIN [REAL_DIR]
# REAL_DIR: a folder of .qdimacs files (e.g. the unpacked real competition
# instances); each is solved by both builds with --lenient and 'solve'
# (10 s each) and the summed solver seconds are printed.
set -u
old=$1; new=$2; real=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
pair () { # title, command using $BIN
  title=$1; shift
  for b in "$old" "$new"; do
    echo "== $title: $b"
    BIN=$b sh -c "$*" 2>&1 | tail -n 8
  done
}
pair "spe (bench/game.sh)" 'STAGES="16 20" sh '"$here"'/game.sh "$BIN"'
pair "sse vs spe (bench/commit.sh)" 'STAGES="12 16" SEEDS="1 2" sh '"$here"'/commit.sh "$BIN"'
pair "mixed (bench/mixed.sh)" 'STAGES="10 13" SEEDS="1 2" sh '"$here"'/mixed.sh "$BIN"'
pair "spe pruning and cache (bench/spe-prune.sh)" 'STAGES="16 20" PLAIN_TIMEOUT=30 sh '"$here"'/spe-prune.sh "$BIN"'
pair "verify (bench/verify.sh)" 'SIZES="12 16 20" SEEDS=3 sh '"$here"'/verify.sh "$BIN"'
if [ -n "$real" ]; then
  for b in "$old" "$new"; do
    t0=$(date +%s.%N); solved=0; n=0
    for f in "$real"/*.qdimacs; do
      n=$((n + 1))
      timeout 12 "$b" solve --lenient --timeout 10 "$f" >/dev/null 2>&1
      case $? in 10|20) solved=$((solved + 1)) ;; esac
    done
    t1=$(date +%s.%N)
    printf '== real QBF instances: %s: %d of %d solved, %.1f s in all\n' "$b" "$solved" "$n" "$(echo "$t1 - $t0" | bc -l)"
  done
fi

#!/bin/sh
# Benchmark of scnfg game --concept spe (not a timed test): leaves per second
# and peak resident memory on seeded random perfect-information win/lose
# games with 16, 20 and 24 binary stages (2N random 3-literal clauses).
# Memory must stay flat: the 24-stage peak below 1.2x the 16-stage one.
#   usage: sh bench/game.sh [BIN]   (default bin/scnfg; STAGES="16 20 24", SEED=1)
set -e
bin=${1:-bin/scnfg}
stages=${STAGES:-"16 20 24"}
seed=${SEED:-1}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf '%-7s %-10s %-9s %-12s %-10s %s\n' stages leaves seconds leaves/s maxrss_kb leader
first_rss=""
for n in $stages; do
  "$bin" gengame random-game --win-lose --stages "$n" --seed "$seed" -o "$dir/g$n.xml"
  /usr/bin/time -v "$bin" game "$dir/g$n.xml" --concept spe --max-profile 0 >"$dir/out$n" 2>"$dir/time$n"
  leaves=$(sed -n 's/^c nodes [0-9]* leaves \([0-9]*\) seconds.*/\1/p' "$dir/out$n")
  secs=$(sed -n 's/^c nodes [0-9]* leaves [0-9]* seconds \([0-9.]*\)/\1/p' "$dir/out$n")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\)/\1/p' "$dir/time$n")
  value=$(sed -n 's/^reward L (leader) \(.*\)/\1/p' "$dir/out$n")
  rate=$(awk -v l="$leaves" -v s="$secs" 'BEGIN { if (s > 0) printf "%.0f", l / s; else print "inf" }')
  printf '%-7s %-10s %-9s %-12s %-10s %s\n' "$n" "$leaves" "$secs" "$rate" "$rss" "$value"
  [ -z "$first_rss" ] && first_rss=$rss
  last_rss=$rss
done
awk -v a="$first_rss" -v b="$last_rss" 'BEGIN { r = b / a; printf "peak RSS ratio last/first: %.3f (%s)\n", r, r < 1.2 ? "flat" : "NOT flat" }'

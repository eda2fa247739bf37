#!/bin/sh
# The plots of docs/suites.md: sweeps of random QBF run as job lists by GNU parallel -j2,
# merged, then plotted (bench/plot.sh):
#   phase          the phase transition at n = 20 (QBF side and depqbf)
#   scaling        every side vs n = 6..32; the game side's node budget cuts it from n = 20
#   scaling-large  QBF side and depqbf vs n = 24..60 with tighter budgets, where peak memory grows
#   sh bench/plots.sh bin/scnfg docs/plots
set -eu
scnfg=${1:-bin/scnfg}
out=${2:-docs/plots}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run () { # name, plots (time|mem|""), limits text, sweep args...
  name=$1 which=$2 limits=$3; shift 3
  nice "$scnfg" sweep "$@" --csv "$tmp/$name.csv" --emit-jobs "$tmp/$name.jobs" --quiet
  if command -v parallel >/dev/null; then nice parallel -j2 < "$tmp/$name.jobs"; else nice sh "$tmp/$name.jobs"; fi
  "$scnfg" merge --csv "$out/$name.csv" "$tmp/$name.csv".part-*.csv
  LIMITS=$limits sh bench/plot.sh "$out/$name.csv" "$out/$name" $which
}
run phase "" "" --family random --param ratio=4..16:1 --count 40 --seed 1 --size 20 --sides qd
run scaling time "game side 2,000,000 nodes" --family random --param size=6..32:2 --count 6 --seed 1
run scaling-large "" "QBF side 20,000 SAT calls, depqbf 20 s" --family random --param size=24..60:6 --count 2 \
  --seed 1 --sides qd --qbf-max-nodes 20000 --depqbf-timeout 20

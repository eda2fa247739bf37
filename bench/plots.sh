#!/bin/sh
# The plots of docs/suites.md: sweeps of random QBF (phase transition at n = 20; both
# sides vs n), run as job lists by GNU parallel -j2, merged, then plotted.
#   sh bench/plots.sh bin/scnfg docs/plots
set -eu
scnfg=${1:-bin/scnfg}
out=${2:-docs/plots}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run () { # name, sweep args...
  name=$1; shift
  "$scnfg" sweep "$@" --csv "$tmp/$name.csv" --emit-jobs "$tmp/$name.jobs"
  if command -v parallel >/dev/null; then parallel -j2 < "$tmp/$name.jobs"; else sh "$tmp/$name.jobs"; fi
  "$scnfg" merge --csv "$out/$name.csv" "$tmp/$name.csv".part-*.csv
  sh bench/plot.sh "$out/$name.csv"
}
run phase --family random --param ratio=4..16:1 --count 40 --seed 1 --size 20 --sides qd
run scaling --family random --param size=6..32:2 --count 6 --seed 1

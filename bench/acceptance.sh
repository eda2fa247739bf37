#!/bin/sh
# Issue 10's acceptance: the documented certified suite, made twice into fresh
# directories; everything but timing.csv must be byte-identical.
#   sh bench/acceptance.sh bin/scnfg
set -eu
scnfg=${1:-bin/scnfg}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for d in a b; do
  /usr/bin/time -f "run $d: %e s wall, %U s user, %M KB peak" \
    "$scnfg" suite --family chen-interian,qparity,random,ssat --params bench/acceptance.params \
      --per-size 10 --seed 2026 -j2 --quiet --out "$tmp/$d"
done
diff -r -x timing.csv "$tmp/a" "$tmp/b" && echo "acceptance: identical but timing.csv"
echo "acceptance: $(($(wc -l < "$tmp/a/index.csv") - 1)) certified instances; answers:"
tail -n +2 "$tmp/a/index.csv" | awk -F'"' '{print $3}' | cut -d, -f7 |
  sed 's|^[0-9]*/[0-9]*$|ssat-value|;s|^[01]$|ssat-value|' | sort | uniq -c

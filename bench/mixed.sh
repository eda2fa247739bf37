#!/bin/sh
# Benchmark of scnfg game --concept mixed on trees (the Letchford-Conitzer
# frontier construction; not a timed test): seeded random full
# perfect-information trees (scnfg gentree) with 10, 13 and 16 binary stages
# (1024 to 65536 leaves), SEEDS seeds each, in two reward families:
# independent rewards (conflict 0) and rewards in conflict (conflict 4: the
# follower's reward is 10 minus the leader's, plus noise of at most 2). Per game: leaves, choice nodes,
# largest and mean frontier (pieces), time of the bottom-up pass and in total
# (with realising the commitment and the follower's response), peak RSS.
# Then, per family, the growth exponent a of time ~ leaves^a, fitted by least
# squares on log-log over all its runs, for the bottom-up pass and the total.
#   usage: sh bench/mixed.sh [BIN]
#   (default bin/scnfg; STAGES="10 13 16", SEEDS="1 2 3 4 5", CONFLICTS="0 4")
set -e
bin=${1:-bin/scnfg}
stages=${STAGES:-"10 13 16"}
seeds=${SEEDS:-"1 2 3 4 5"}
conflicts=${CONFLICTS:-"0 4"}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf '%-8s %-7s %-5s %-8s %-8s %-6s %-6s %-9s %-9s %-10s %s\n' conflict stages seed leaves choice fmax fmean pass_s total_s maxrss_kb leader
for c in $conflicts; do
: >"$dir/fit$c"
for n in $stages; do
  for s in $seeds; do
    "$bin" gentree --stages "$n" --seed "$s" --conflict "$c" -o "$dir/g.xml"
    /usr/bin/time -v "$bin" game "$dir/g.xml" --concept mixed --xml -o "$dir/r.xml" 2>"$dir/time"
    st=$(grep '<stats' "$dir/r.xml")
    get() { printf '%s\n' "$st" | sed -n "s/.* $1=\"\([^\"]*\)\".*/\1/p"; }
    leaves=$(get leaves); choice=$(get choice-nodes); fmax=$(get frontier-max); ftot=$(get frontier-total)
    pass=$(get frontier-seconds); total=$(get seconds)
    value=$(sed -n 's/.*<reward player="L" value="\([^"]*\)".*/\1/p' "$dir/r.xml")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\)/\1/p' "$dir/time")
    fmean=$(awk -v t="$ftot" -v c="$choice" 'BEGIN { printf "%.2f", t / c }')
    # leaves of the tree (the 'leaves' stat counts every leaf visit, realisation included)
    nl=$(awk -v n="$n" 'BEGIN { printf "%d", 2 ^ n }')
    printf '%-8s %-7s %-5s %-8s %-8s %-6s %-6s %-9s %-9s %-10s %s\n' "$c" "$n" "$s" "$nl" "$choice" "$fmax" "$fmean" "$pass" "$total" "$rss" "$value"
    echo "$nl $pass $total" >>"$dir/fit$c"
  done
done
done
for c in $conflicts; do
awk '{ x = log($1); if ($2 > 0) { y = log($2); n1++; sx1 += x; sy1 += y; sxx1 += x * x; sxy1 += x * y }
       if ($3 > 0) { z = log($3); n2++; sx2 += x; sy2 += z; sxx2 += x * x; sxy2 += x * z } }
     END { a1 = (n1 * sxy1 - sx1 * sy1) / (n1 * sxx1 - sx1 * sx1);
           a2 = (n2 * sxy2 - sx2 * sy2) / (n2 * sxx2 - sx2 * sx2);
           printf "conflict %s: fitted growth exponent (time ~ leaves^a): bottom-up pass a = %.2f, total a = %.2f\n", c, a1, a2 }' c="$c" "$dir/fit$c"
done

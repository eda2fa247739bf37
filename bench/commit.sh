#!/bin/sh
# Benchmark of scnfg game --concept sse against --concept spe (not a timed
# test): wall time and peak resident memory on the same seeded random
# perfect-information win/lose games (binary stages, 2N random 3-literal
# clauses). SSE there uses the achievable-pairs construction (no policy
# enumeration), depth-first. Two modes: values only (--max-profile 0) and
# with the full profile (default limits: the SSE profile is rebuilt on the
# explicit tree when it has at most 2^20 nodes).
#   usage: sh bench/commit.sh [BIN]   (default bin/scnfg; STAGES="12 16 20", SEEDS="1 2 3",
#          CLAUSES=M: M clauses instead of 2N, e.g. CLAUSES=8 gives games the leader often wins)
set -e
bin=${1:-bin/scnfg}
stages=${STAGES:-"12 16 20"}
seeds=${SEEDS:-"1 2 3"}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
run () { # concept file extra... -> "seconds maxrss value"
  c=$1; f=$2; shift 2
  /usr/bin/time -v "$bin" game "$f" --concept "$c" "$@" >"$dir/out" 2>"$dir/time"
  secs=$(sed -n 's/^c nodes [0-9]* leaves [0-9]* seconds \([0-9.]*\)/\1/p' "$dir/out")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\)/\1/p' "$dir/time")
  val=$(sed -n 's/^reward L (leader) \(.*\)/\1/p' "$dir/out")
  echo "$secs $rss $val"
}
printf '%-6s %-5s %-8s | %-9s %-9s %-9s %-9s %-6s | %-9s %-9s %-9s %-9s\n' stages seed mode spe_s sse_s spe_kb sse_kb ratio_t spe_L sse_L "" ""
for n in $stages; do
  for s in $seeds; do
    "$bin" gengame random-game --win-lose --stages "$n" --seed "$s" ${CLAUSES:+--clauses "$CLAUSES"} -o "$dir/g.xml"
    for mode in values profile; do
      extra=""; [ "$mode" = values ] && extra="--max-profile 0"
      set -- $(run spe "$dir/g.xml" $extra); a_s=$1; a_kb=$2; a_v=$3
      set -- $(run sse "$dir/g.xml" $extra); b_s=$1; b_kb=$2; b_v=$3
      ratio=$(awk -v a="$a_s" -v b="$b_s" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "-" }')
      printf '%-6s %-5s %-8s | %-9s %-9s %-9s %-9s %-6s | %-9s %-9s\n' "$n" "$s" "$mode" "$a_s" "$b_s" "$a_kb" "$b_kb" "$ratio" "$a_v" "$b_v"
    done
  done
done

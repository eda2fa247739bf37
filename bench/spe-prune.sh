#!/bin/sh
# Benchmark of the SPE search's pruning and cache (not a timed test): leaves
# visited and solver seconds, plain vs --prune vs --prune --cache-mb, on
# reduction games (scnfg reduce) of seeded random 3-CNF QBFs with one variable
# per quantifier block, alternating, innermost exists, RATIO clauses per
# variable (default 4.2, near the 3-SAT threshold); CHANCE=1 turns every third
# variable into an 'r 1/2' variable (SSAT). Every run stops at PLAIN_TIMEOUT s (shown as >).
#   usage: sh bench/spe-prune.sh [BIN]
#   env: STAGES="16 20 24 28" RATIO=4.2 CHANCE=0 SEED=1 CACHE_MB=64 PLAIN_TIMEOUT=300
#        MODES="plain prune both" (the runs to make; the others print '-')
set -e
bin=${1:-bin/scnfg}
stages=${STAGES:-"16 20 24 28"}
ratio=${RATIO:-4.2}
chance=${CHANCE:-0}
seed=${SEED:-1}
mb=${CACHE_MB:-64}
tmo=${PLAIN_TIMEOUT:-300}
modes=${MODES:-"plain prune both"}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# QDIMACS generator: Park-Miller minimal standard LCG (every product < 2^46,
# exact in any awk's doubles, so the same bytes everywhere).
gen () { # n seed
  awk -v n="$1" -v seed="$2" -v ratio="$ratio" -v chance="$chance" '
    function rnd(k) { s = (s * 16807) % 2147483647; return s % k }
    BEGIN {
      s = seed + 1; m = int(n * ratio + 0.5)
      printf "c random 3-CNF, n=%d ratio=%s chance=%s seed=%s\np cnf %d %d\n", n, ratio, chance, seed, n, m
      for (v = 1; v <= n; v++) {
        q = ((n - v) % 2 == 0) ? "e" : "a"
        if (chance + 0 && v % 3 == 2) q = "r 1/2"
        printf "%s %d 0\n", q, v
      }
      for (j = 0; j < m; j++) {
        a = 1 + rnd(n); do b = 1 + rnd(n); while (b == a); do c = 1 + rnd(n); while (c == a || c == b)
        printf "%d %d %d 0\n", (rnd(2) ? a : -a), (rnd(2) ? b : -b), (rnd(2) ? c : -c)
      }
    }'
}

# run NAME OPTIONS...: sets leaves_NAME secs_NAME nodes_NAME value_NAME hits_NAME
run () {
  name=$1; shift
  case " $modes " in
    *" $name "*) ;;
    *) eval "leaves_$name=- secs_$name=- nodes_$name=- value_$name= hits_$name=-"; return 0 ;;
  esac
  st=0
  "$bin" game "$dir/g.xml" --concept spe --max-profile 0 -v "$@" >"$dir/out" 2>"$dir/err" || st=$?
  if [ "$st" -eq 3 ]; then
    eval "leaves_$name='>'\$(sed -n 's/^c nodes [0-9]* leaves \([0-9]*\) .*/\1/p' \"\$dir/err\")"
    eval "secs_$name='>$tmo'"
  else
    [ "$st" -eq 0 ] || { cat "$dir/err" >&2; exit 1; }
    eval "leaves_$name=\$(sed -n 's/^c nodes [0-9]* leaves \([0-9]*\) .*/\1/p' \"\$dir/err\")"
    eval "secs_$name=\$(sed -n 's/^c nodes .* seconds \([0-9.]*\)/\1/p' \"\$dir/err\")"
  fi
  eval "nodes_$name=\$(sed -n 's/^c nodes \([0-9]*\) .*/\1/p' \"\$dir/err\")"
  eval "value_$name=\$(sed -n 's/^reward L (leader) //p' \"\$dir/out\")"
  eval "hits_$name=\$(sed -n 's/^c cache .* hits \([0-9]*\) .*determined \([0-9]*\)/\1\/\2/p' \"\$dir/err\")"
}

printf '%-6s %-7s %-6s | %-11s %-8s | %-9s %-7s | %-8s %-8s %-7s %s\n' stages clauses value \
  plain-lvs plain-s prune-lvs prune-s p+c-lvs p+c-nds p+c-s hits/determined
for n in $stages; do
  gen "$n" "$seed" >"$dir/f.qdimacs"
  "$bin" reduce "$dir/f.qdimacs" -o "$dir/g.xml" 2>/dev/null
  m=$(sed -n 's/^p cnf [0-9]* \([0-9]*\)/\1/p' "$dir/f.qdimacs")
  run plain --timeout "$tmo"
  run prune --prune --timeout "$tmo"
  run both --prune --cache-mb "$mb" --timeout "$tmo"
  value=
  for v in "$value_plain" "$value_prune" "$value_both"; do
    [ -n "$v" ] || continue
    if [ -n "$value" ] && [ "$v" != "$value" ]; then echo "MISMATCH at $n: $value vs $v" >&2; exit 1; fi
    value=$v
  done
  printf '%-6s %-7s %-6s | %-11s %-8s | %-9s %-7s | %-8s %-8s %-7s %s\n' "$n" "$m" "${value:-?}" \
    "$leaves_plain" "$secs_plain" "$leaves_prune" "$secs_prune" "$leaves_both" "$nodes_both" "$secs_both" "$hits_both"
done

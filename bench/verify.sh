#!/bin/sh
# bench/verify.sh: verify on random 3-block formulas (exists-forall-exists,
# n/4 + n/4 + n/2 variables, 1+1+3 literals a clause, 9n clauses: the
# generator's default shape, near the 50% point) of growing n, 5 seeds each,
# 10 s per side per instance. Prints per n: instances completed (no limit),
# median seconds of the QBF side, the game side (SPE), SSE+S-CNE, the
# certificate and the round trip, and the certificate's share of the total.
# Not a test: timings depend on the machine and its load.
#   usage: [VERIFY_FLAGS="--no-commitment"] sh bench/verify.sh [BIN] [N_MAX]
bin=${1:-bin/scnfg}
nmax=${2:-32}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%4s %5s %9s %9s %9s %9s %9s %7s\n' n done qbf-s spe-s commit-s cert-s rt-s cert%
n=12
while [ "$n" -le "$nmax" ]; do
  a=$((n / 4)); c=$((n - 2 * a)); m=$((9 * n))
  : > "$tmp/rows"
  for seed in 1 2 3 4 5; do
    f="$tmp/f$n-$seed.qdimacs"
    "$bin" gen random --seed "$seed" --vars "$a,$a,$c" --lits 1,1,3 --clauses "$m" -o "$f"
    # shellcheck disable=SC2086
    "$bin" verify "$f" --timeout 10 --quiet --report "$tmp/r.xml" $VERIFY_FLAGS > /dev/null
    # one line: state qbf-s spe-s sse-s scne-s cert-s rt-s
    tr -d '\n' < "$tmp/r.xml" | sed 's/>[[:space:]]*</>\n</g' | awk '
      /<instance /   { ok = ($0 ~ /agree="ok"/) }
      /<qbf-side /   { match($0, /seconds="[^"]*"/); q = substr($0, RSTART + 9, RLENGTH - 10) }
      /<game-side /  { match($0, /seconds="[^"]*"/); g = substr($0, RSTART + 9, RLENGTH - 10) }
      /<commitment / { match($0, /seconds="[^"]*"/); k += substr($0, RSTART + 9, RLENGTH - 10) }
      /<certificate /{ match($0, /seconds="[^"]*"/); c = substr($0, RSTART + 9, RLENGTH - 10) }
      /<round-trip / { match($0, /seconds="[^"]*"/); r = substr($0, RSTART + 9, RLENGTH - 10) }
      END { print ok, q, g, k, c, r }' >> "$tmp/rows"
  done
  med () { cut -d' ' -f"$1" "$tmp/rows" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  done=$(awk '{ s += $1 } END { print s }' "$tmp/rows")
  share=$(awk '{ t += $2 + $3 + $4 + $5 + $6; c += $5 } END { printf "%.1f", (t > 0 ? 100 * c / t : 0) }' "$tmp/rows")
  printf '%4d %3d/5 %9.3f %9.3f %9.3f %9.3f %9.3f %6s%%\n' "$n" "$done" "$(med 2)" "$(med 3)" "$(med 4)" "$(med 5)" \
    "$(med 6)" "$share"
  [ "$(awk '{ s += $1 } END { print s }' "$tmp/rows")" -eq 0 ] && break
  n=$((n + 4))
done

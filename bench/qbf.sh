#!/bin/sh
# bench/qbf.sh: scnfg solve (clausal abstraction over PicoSAT) against depqbf
# on the generated QBF families of issue 3. Not a test: timings depend on
# the machine and its load.
#
#   sh bench/qbf.sh [-t SECONDS] [-o DIR] [-f "fam1 fam2 ..."] [-s SEEDS]
#
# -t  per-instance timeout, both solvers (default 10)
# -o  output directory (instances, results.csv, table.md; default: a new temp dir)
# -f  families (default: kbkf qparity equality cr chen-interian random)
# -s  seeds for the random families (default 10)
#
# Per family: instances, solved by each solver, median wall time (an unsolved
# instance counts as 2T, shown as ">T" when the median is unsolved), PAR-2
# (mean of the time if solved, else 2T) and the PAR-2 ratio scnfg/depqbf.
# The crafted families (false for every n) grow until both solvers time out
# at one size. Answers are compared: any disagreement is reported (and makes
# the exit status 1).
set -u
T=10
OUT=
FAMS="kbkf qparity equality cr chen-interian random"
SEEDS=10
while [ $# -gt 0 ]; do
  case $1 in
    -t) T=$2; shift 2 ;;
    -o) OUT=$2; shift 2 ;;
    -f) FAMS=$2; shift 2 ;;
    -s) SEEDS=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "qbf.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
TOP=$(cd "$(dirname "$0")/.." && pwd)
SCNFG=$TOP/bin/scnfg
[ -x "$SCNFG" ] || { echo "qbf.sh: build first (make)" >&2; exit 2; }
command -v depqbf >/dev/null || { echo "qbf.sh: depqbf not installed" >&2; exit 2; }
[ -n "$OUT" ] || OUT=$(mktemp -d /tmp/scnfg-bench-qbf.XXXXXX)
mkdir -p "$OUT/inst"
CSV=$OUT/results.csv
echo "family,instance,solver,result,seconds" > "$CSV"

now () { date +%s.%N; }

# run SOLVER FILE -> prints "result seconds" (result 10/20, or -1 unsolved)
run () {
  a=$(now)
  if [ "$1" = scnfg ]; then timeout "$T" "$SCNFG" solve "$2" >/dev/null 2>&1; rc=$?
  else timeout "$T" depqbf "$2" >/dev/null 2>&1; rc=$?; fi
  b=$(now)
  case $rc in 10|20) ;; *) rc=-1 ;; esac
  echo "$rc $(echo "$b - $a" | bc -l)"
}

DISAGREE=0
# bench FAMILY NAME FILE -> appends to CSV; returns 0 if someone solved it
bench_one () {
  set -- "$1" "$2" "$3" $(run scnfg "$3") $(run depqbf "$3")
  printf '%s,%s,scnfg,%s,%.3f\n%s,%s,depqbf,%s,%.3f\n' "$1" "$2" "$4" "$5" "$1" "$2" "$6" "$7" >> "$CSV"
  printf '  %-28s scnfg %3s %7.2fs   depqbf %3s %7.2fs\n' "$2" "$4" "$5" "$6" "$7" >&2
  if [ "$4" != -1 ] && [ "$6" != -1 ] && [ "$4" != "$6" ]; then
    echo "qbf.sh: DISAGREEMENT on $2: scnfg $4, depqbf $6" >&2; DISAGREE=1
  fi
  [ "$4" != -1 ] || [ "$6" != -1 ]
}

crafted () {
  fam=$1; shift
  for n in "$@"; do
    f=$OUT/inst/$fam-$n.qdimacs
    "$SCNFG" gen "$fam" --n "$n" -o "$f" || exit 2
    bench_one "$fam" "$fam-$n" "$f" || break
  done
}

for fam in $FAMS; do
  echo "$fam:" >&2
  case $fam in
    kbkf) crafted kbkf 2 4 6 8 10 12 14 16 18 20 24 28 32 40 48 64 ;;
    qparity) crafted qparity 5 10 15 20 25 30 40 50 75 100 150 200 300 500 750 1000 2000 5000 10000 ;;
    equality) crafted equality 4 6 8 10 12 14 16 18 20 22 24 26 28 30 35 40 ;;
    cr) crafted cr 2 3 4 5 6 7 8 10 12 16 20 24 32 48 64 96 128 192 256 384 512 768 1000 ;;
    chen-interian)
      for m in 240 250 260 270 280 290 300; do
        s=1
        while [ $s -le "$SEEDS" ]; do
          f=$OUT/inst/ci-$m-s$s.qdimacs
          "$SCNFG" gen chen-interian --seed $s --forall 20 --exists 30 --forall-lits 2 --exists-lits 3 --clauses $m -o "$f" || exit 2
          bench_one chen-interian "ci-$m-s$s" "$f" || :
          s=$((s + 1))
        done
      done ;;
    random)
      # near-threshold random prefix CNF with 3, 4 and 5 blocks (innermost exists):
      # one literal from every outer block and three innermost ones per clause
      for cfg in "3 15,15,40 1,1,3 560" "4 10,10,10,40 1,1,1,3 500" "5 8,8,8,8,40 1,1,1,1,3 700"; do
        set -- $cfg
        s=1
        while [ $s -le "$SEEDS" ]; do
          f=$OUT/inst/random-k$1-s$s.qdimacs
          "$SCNFG" gen random --seed $s --blocks $1 --vars $2 --lits $3 --clauses $4 -o "$f" || exit 2
          bench_one random "random-k$1-s$s" "$f" || :
          s=$((s + 1))
        done
      done ;;
    *) echo "qbf.sh: unknown family $fam" >&2; exit 2 ;;
  esac
done

# table
awk -F, -v T="$T" -v fams="$FAMS" '
  NR == 1 { next }
  { k = $1 SUBSEP $3; n[k]++; solved[k] += ($4 != -1); t = ($4 != -1) ? $5 : 2 * T
    par[k] += t; times[k, n[k]] = t; if (!($1 in seen)) { seen[$1] = 1 } }
  function median (k,   m, i, j, a, tmp) {
    m = n[k]; for (i = 1; i <= m; i++) a[i] = times[k, i]
    for (i = 2; i <= m; i++) { tmp = a[i]; for (j = i - 1; j >= 1 && a[j] > tmp; j--) a[j + 1] = a[j]; a[j + 1] = tmp }
    tmp = (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
    return tmp > T ? sprintf (">%g", T) : sprintf ("%.2f", tmp)
  }
  END {
    printf "| family | instances | solved scnfg | solved depqbf | median scnfg (s) | median depqbf (s) | PAR-2 scnfg | PAR-2 depqbf | PAR-2 ratio |\n"
    printf "|---|---|---|---|---|---|---|---|---|\n"
    nf = split (fams, F, " ")
    for (i = 1; i <= nf; i++) {
      f = F[i]; a = f SUBSEP "scnfg"; b = f SUBSEP "depqbf"; if (!n[a]) continue
      printf "| %s | %d | %d | %d | %s | %s | %.2f | %.2f | %.2f |\n", f, n[a], solved[a], solved[b], median(a), median(b),
        par[a] / n[a], par[b] / n[b], par[b] ? par[a] / par[b] : 0
      N += n[a]; SA += solved[a]; SB += solved[b]; PA += par[a]; PB += par[b]
    }
    printf "| **all** | %d | %d | %d | | | %.2f | %.2f | %.2f |\n", N, SA, SB, PA / N, PB / N, PA / PB
  }' "$CSV" | tee "$OUT/table.md"
echo "results: $CSV" >&2
exit $DISAGREE

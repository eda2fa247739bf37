#!/bin/sh
# bench/real.sh: scnfg solve against depqbf on real QBF files listed in a
# manifest (default ../shared/qbf-real/, next to the checkout). Not a test:
# timings depend on the machine and its load.
#
#   sh bench/real.sh [T] [DIR] [-b SCNFG] [-a "SOLVE ARGS"] [-o OUT] [-n]
#
# T   timeout per instance and solver in seconds (default 30)
# DIR folder holding manifest.tsv (file, repo, path, family, bytes) and
#     instances/FILE.xz
# -b  the scnfg binary (default: bin/scnfg of this checkout)
# -a  extra arguments for 'scnfg solve' (e.g. "--cegar expand=0")
# -o  output folder (instances, results.csv, table.md; default a new temp dir)
# -n  no depqbf: reuse OUT/depqbf.csv from an earlier run with the same -o and T
#
# Each instance is decompressed once; scnfg and depqbf then run on it back
# to back, one process at a time, under 'timeout T'. Per family and in total:
# instances, solved by each, PAR-2 (mean of the time if solved, else 2T) and
# the PAR-2 ratio scnfg/depqbf. Then the disagreements, rejections (exit 2)
# and crashes (any other exit status than 10, 20, 0 or a timeout). Exit
# status 1 if anything disagreed or crashed.
set -u
T=30
DIR=
SCNFG=
ARGS=
OUT=
NODEP=0
TOP=$(cd "$(dirname "$0")/.." && pwd)
while [ $# -gt 0 ]; do
  case $1 in
    -b) SCNFG=$2; shift 2 ;;
    -a) ARGS=$2; shift 2 ;;
    -o) OUT=$2; shift 2 ;;
    -n) NODEP=1; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    -*) echo "real.sh: unknown option $1" >&2; exit 2 ;;
    *) if [ -z "$DIR" ] && [ -d "$1" ]; then DIR=$1; else T=$1; fi; shift ;;
  esac
done
case $T in ''|*[!0-9]*) echo "real.sh: timeout must be whole seconds: $T" >&2; exit 2 ;; esac
[ -n "$DIR" ] || DIR=$TOP/../shared/qbf-real
[ -f "$DIR/manifest.tsv" ] || { echo "real.sh: no manifest.tsv in $DIR (pass the folder)" >&2; exit 2; }
[ -n "$SCNFG" ] || SCNFG=$TOP/bin/scnfg
[ -x "$SCNFG" ] || { echo "real.sh: no scnfg binary $SCNFG (build first: make)" >&2; exit 2; }
[ "$NODEP" = 1 ] || command -v depqbf >/dev/null || { echo "real.sh: depqbf not installed" >&2; exit 2; }
[ -n "$OUT" ] || OUT=$(mktemp -d /tmp/scnfg-bench-real.XXXXXX)
mkdir -p "$OUT/inst"
CSV=$OUT/results.csv
DEP=$OUT/depqbf.csv
[ "$NODEP" = 1 ] && [ ! -f "$DEP" ] && { echo "real.sh: -n needs $DEP from an earlier run" >&2; exit 2; }
echo "family,instance,solver,status,seconds" > "$CSV"
[ "$NODEP" = 1 ] || : > "$DEP"

now () { date +%s.%N; }

# run CMD... -> prints "status seconds": 10/20 solved, -1 unsolved, 2 rejected, cN crashed (exit N)
run () {
  a=$(now)
  timeout "$T" "$@" >/dev/null 2>&1
  rc=$?
  b=$(now)
  case $rc in 10|20|2) ;; 0|124|137) rc=-1 ;; *) rc=c$rc ;; esac
  echo "$rc $(echo "$b - $a" | bc -l)"
}

BAD=0
# shellcheck disable=SC2086
tail -n +2 "$DIR/manifest.tsv" | while IFS="$(printf '\t')" read -r file repo path fam bytes; do
  f=$OUT/inst/$file
  [ -f "$f" ] || xz -dc "$DIR/instances/$file.xz" > "$f" || { echo "real.sh: cannot decompress $file" >&2; exit 2; }
  set -- $(run "$SCNFG" solve $ARGS "$f")
  s=$1 st=$2
  if [ "$NODEP" = 1 ]; then
    line=$(grep "^$fam,$file,depqbf," "$DEP" | head -1)
    d=$(echo "$line" | cut -d, -f4) dt=$(echo "$line" | cut -d, -f5)
  else
    set -- $(run depqbf "$f")
    d=$1 dt=$2
    printf '%s,%s,depqbf,%s,%.3f\n' "$fam" "$file" "$d" "$dt" >> "$DEP"
  fi
  printf '%s,%s,scnfg,%s,%.3f\n%s,%s,depqbf,%s,%.3f\n' "$fam" "$file" "$s" "$st" "$fam" "$file" "$d" "$dt" >> "$CSV"
  printf '  %-52s scnfg %4s %7.2fs   depqbf %4s %7.2fs\n' "$file" "$s" "$st" "$d" "$dt" >&2
done

awk -F, -v T="$T" '
  NR == 1 { next }
  { k = $1 SUBSEP $3; if (!($1 in seen)) { seen[$1] = 1; fam[++nf] = $1 }
    n[k]++; ok = ($4 == 10 || $4 == 20); solved[k] += ok; par[k] += ok ? $5 : 2 * T
    ans[$2, $3] = $4
    if ($4 == 2) rej = rej " " $2 " (" $3 ")"
    if ($4 ~ /^c/) crash = crash " " $2 " (" $3 " exit " substr ($4, 2) ")" }
  END {
    printf "| family | instances | solved scnfg | solved depqbf | PAR-2 scnfg | PAR-2 depqbf | PAR-2 ratio |\n"
    printf "|---|---|---|---|---|---|---|\n"
    for (i = 1; i <= nf; i++) {
      f = fam[i]; a = f SUBSEP "scnfg"; b = f SUBSEP "depqbf"
      printf "| %s | %d | %d | %d | %.2f | %.2f | %.2f |\n", f, n[a], solved[a], solved[b], par[a] / n[a],
        par[b] / n[b], par[b] ? par[a] / par[b] : 0
      N += n[a]; SA += solved[a]; SB += solved[b]; PA += par[a]; PB += par[b]
    }
    printf "| **all** | %d | %d | %d | %.2f | %.2f | %.2f |\n", N, SA, SB, PA / N, PB / N, PB ? PA / PB : 0
    for (k in ans) {
      split (k, p, SUBSEP)
      if (p[2] != "scnfg") continue
      x = ans[p[1], "scnfg"]; y = ans[p[1], "depqbf"]
      if ((x == 10 || x == 20) && (y == 10 || y == 20) && x != y) dis = dis " " p[1] " (scnfg " x ", depqbf " y ")"
    }
    printf "\ntimeout %d s; disagreements:%s\nrejections:%s\ncrashes:%s\n", T, dis ? dis : " none",
      rej ? rej : " none", crash ? crash : " none"
    exit (dis || crash) ? 1 : 0
  }' "$CSV" > "$OUT/table.md"
st=$?
cat "$OUT/table.md"
echo "results: $CSV" >&2
exit $st

#!/bin/sh
# PNG plots of a 'scnfg sweep' CSV with gnuplot (Debian package gnuplot-nox).
#   bench/plot.sh OUT.csv [PREFIX]
# A ratio sweep gives PREFIX-phase.png (share true and median times vs clauses per
# variable); a size sweep gives PREFIX-time.png (median seconds of each side vs n,
# log scale) and PREFIX-mem.png (peak resident memory of each side vs n).
# PREFIX defaults to OUT without .csv.
set -eu
[ $# -ge 1 ] || { echo "usage: bench/plot.sh OUT.csv [PREFIX]" >&2; exit 2; }
csv=$1
prefix=${2:-${csv%.csv}}
command -v gnuplot >/dev/null || { echo "plot.sh: gnuplot not installed (apt-get install gnuplot-nox, or make plots)" >&2; exit 2; }
[ -r "$csv" ] || { echo "plot.sh: $csv: cannot read" >&2; exit 2; }
head -1 "$csv" | grep -q '^family,param,value,size,vars,clauses,ratio,count,true_share,qbf_median_s' ||
  { echo "plot.sh: $csv: not a scnfg sweep CSV" >&2; exit 2; }
param=$(sed -n 2p "$csv" | cut -d, -f2)
family=$(sed -n 2p "$csv" | cut -d, -f1)
common="set datafile separator ','; set datafile missing 'n/a'; set key top left; set grid;
set terminal pngcairo size 800,500 font ',10'"
# a side is plotted if the sweep ran it (its column is not n/a); a point only if
# every run of that side finished within its limit (its unknown count is 0)
row2=$(sed -n 2p "$csv")
has () { [ "$(echo "$row2" | cut -d, -f"$1")" != n/a ]; }
clauses () { # kind (time|mem) axes
  sep=""
  for s in "10 13 16 QBF side (CEGAR)" "11 14 17 game side (SPE)" "12 15 18 depqbf"; do
    set -- $s; t=$1; u=$2; m=$3; shift 3
    has "$t" || continue
    if [ "$kind" = time ]; then y="(\$$u==0 ? \$$t : 1/0)"; else y="(\$$m/1024)"; fi
    printf '%s%s every ::1 using 3:%s %s with linespoints lw 2 title "%s"' "$sep" "'$csv'" "$y" "$axes" "$*"
    sep=", "
  done
}
case $param in
ratio)
  size=$(echo "$row2" | cut -d, -f4)
  kind=time axes="axes x1y2"
  gnuplot <<GP
$common
set output '$prefix-phase.png'
set title "$family, n = $size: phase transition (median seconds of runs within the limits)"
set xlabel 'clauses per variable'
set ylabel 'share true'
set yrange [0:1]
set y2label 'median seconds (log)'
set logscale y2
set y2tics
set ytics nomirror
set key top right
plot '$csv' every ::1 using 3:9 with linespoints lw 3 title 'share true', $(clauses)
GP
  echo "$prefix-phase.png";;
size)
  kind=time axes=""
  gnuplot <<GP
$common
set output '$prefix-time.png'
set title "$family: median seconds of each side vs n (sizes where every run finished)"
set xlabel 'n (variables)'
set ylabel 'median seconds (log)'
set logscale y
plot $(clauses)
GP
  kind=mem
  gnuplot <<GP
$common
set output '$prefix-mem.png'
set title "$family: peak resident memory of each side vs n (max over the runs, limited runs included)"
set xlabel 'n (variables)'
set ylabel 'peak RSS (MB)'
set yrange [0:*]
plot $(clauses)
GP
  echo "$prefix-time.png"; echo "$prefix-mem.png";;
*) echo "plot.sh: $csv: unknown param '$param'" >&2; exit 2;;
esac

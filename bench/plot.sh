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
case $param in
ratio)
  size=$(sed -n 2p "$csv" | cut -d, -f4)
  gnuplot <<GP
$common
set output '$prefix-phase.png'
set title "$family, n = $size: phase transition"
set xlabel 'clauses per variable'
set ylabel 'share true'
set yrange [0:1]
set y2label 'median seconds'
set logscale y2
set y2tics
set ytics nomirror
set key top right
plot '$csv' every ::1 using 3:9 with linespoints lw 2 title 'share true', \
     '' every ::1 using 3:10 axes x1y2 with linespoints title 'QBF side (s)', \
     '' every ::1 using 3:11 axes x1y2 with linespoints title 'game side (s)', \
     '' every ::1 using 3:12 axes x1y2 with linespoints title 'depqbf (s)'
GP
  echo "$prefix-phase.png";;
size)
  gnuplot <<GP
$common
set output '$prefix-time.png'
set title "$family: median time of each side vs n"
set xlabel 'n'
set ylabel 'median seconds (log)'
set logscale y
plot '$csv' every ::1 using 3:10 with linespoints lw 2 title 'QBF side (CEGAR)', \
     '' every ::1 using 3:11 with linespoints lw 2 title 'game side (SPE)', \
     '' every ::1 using 3:12 with linespoints lw 2 title 'depqbf'
set output '$prefix-mem.png'
set title "$family: peak resident memory of each side vs n"
set ylabel 'peak RSS (MB)'
unset logscale y
set yrange [0:*]
plot '$csv' every ::1 using 3:(\$16/1024) with linespoints lw 2 title 'QBF side (CEGAR)', \
     '' every ::1 using 3:(\$17/1024) with linespoints lw 2 title 'game side (SPE)', \
     '' every ::1 using 3:(\$18/1024) with linespoints lw 2 title 'depqbf'
GP
  echo "$prefix-time.png"; echo "$prefix-mem.png";;
*) echo "plot.sh: $csv: unknown param '$param'" >&2; exit 2;;
esac

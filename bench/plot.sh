#!/bin/sh
# PNG plots of a 'scnfg sweep' CSV with gnuplot (Debian package gnuplot-nox).
#   bench/plot.sh OUT.csv [PREFIX [time|mem]]
# A ratio sweep gives PREFIX-phase.png (share true and median times vs clauses per
# variable); a size sweep gives PREFIX-time.png (median seconds of each side vs n,
# log scale) and PREFIX-mem.png (peak resident memory of each side vs n).
# The welfare experiment's per-game CSV (scnfg experiment welfare --csv) gives PREFIX.png:
# every game's difference S-CNE - SSE per strength, min/max, quartiles, mean (docs/welfare.gp;
# WHAT, if set, is the command line shown in the title).
# PREFIX defaults to OUT without .csv; a third argument draws only that plot of a size sweep.
set -eu
[ $# -ge 1 ] || { echo "usage: bench/plot.sh OUT.csv [PREFIX]" >&2; exit 2; }
csv=$1
prefix=${2:-${csv%.csv}}
only=${3:-}
command -v gnuplot >/dev/null || { echo "plot.sh: gnuplot not installed (apt-get install gnuplot-nox, or make plots)" >&2; exit 2; }
[ -r "$csv" ] || { echo "plot.sh: $csv: cannot read" >&2; exit 2; }
if head -1 "$csv" | grep -q '^family,confounding,seed,generic,sse_leader,.*,diff,diff_decimal,differ$'; then
  # the welfare experiment's per-game CSV: a summary per strength (awk), then docs/welfare.gp
  stats=$(mktemp)
  trap 'rm -f "$stats"' EXIT
  awk -F, 'NR > 1 {
      c = $2; if (!(c in n)) { order[++k] = c; mn[c] = $12; mx[c] = $12 }
      n[c]++; sum[c] += $12; if ($12 < mn[c]) mn[c] = $12; if ($12 > mx[c]) mx[c] = $12
      if ($13 == 1) { d[c]++; v[c, d[c]] = $12 } }
    function q(c, p,   i, j, t, m, h) { # linear-interpolated quantile of the non-zero differences
      m = d[c]; if (m == 0) return 0
      for (i = 1; i <= m; i++) w[i] = v[c, i]
      for (i = 2; i <= m; i++) { t = w[i]; for (j = i - 1; j >= 1 && w[j] > t; j--) w[j + 1] = w[j]; w[j + 1] = t }
      h = (m - 1) * p + 1; i = int(h); return i >= m ? w[m] : w[i] + (h - i) * (w[i + 1] - w[i]) }
    END { print "C,games,differ,mean,min,q1,median,q3,max"
      for (i = 1; i <= k; i++) { c = order[i]; split(c, f, "/"); x = (2 in f) ? f[1] / f[2] : f[1]
        printf "%.4f,%d,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f\n", x, n[c], d[c] + 0, sum[c] / n[c], mn[c], \
          q(c, 0.25), q(c, 0.5), q(c, 0.75), mx[c] } }' "$csv" > "$stats"
  games=$(awk -F, 'NR == 2 { print $2 }' "$stats")
  [ "$(awk -F, 'NR > 1 && $2 != g { bad = 1 } END { print bad + 0 }' g="$games" "$stats")" = 0 ] || games="N"
  gnuplot -e "data='$csv'; stats='$stats'; out='$prefix.png'; games='$games'; what='${WHAT:-scnfg experiment welfare}'" \
    "$(dirname "$0")/../docs/welfare.gp"
  echo "$prefix.png"
  exit 0
fi
head -1 "$csv" | grep -q '^family,param,value,size,vars,clauses,ratio,count,true_share,qbf_median_s' ||
  { echo "plot.sh: $csv: not a scnfg sweep CSV" >&2; exit 2; }
param=$(sed -n 2p "$csv" | cut -d, -f2)
family=$(sed -n 2p "$csv" | cut -d, -f1)
# LIMITS, if set, names the budgets of the sweep (the CSV does not record them)
limits=${LIMITS:+ ($LIMITS)}
common="set datafile separator ','; set datafile missing 'n/a'; set key top left; set grid;
set offsets graph 0.03, graph 0.06, graph 0.1, graph 0.05;
set terminal pngcairo size 820,540 font ',10'"
# A side is plotted if the sweep ran it (its column is not n/a). A value where every run of
# the side finished within its limit is a filled point on the side's line; a value where some
# run hit its budget (unknown > 0) is an open circle labelled unknown/count, off the line: its
# median time and its peak memory are lower bounds.
row2=$(sed -n 2p "$csv")
has () { [ "$(echo "$row2" | cut -d, -f"$1")" != n/a ]; }
clauses () { # kind (time|mem)
  sep=""
  for s in "10 13 16 #1f60b0 1.1 QBF side (CEGAR)" "11 14 17 #c02020 1.1 game side (SPE)" "12 15 18 #208a30 -1.1 depqbf"; do
    set -- $s; t=$1; u=$2; m=$3; c=$4; dy=$5; shift 5
    has "$t" || continue
    if [ "$kind" = time ]; then v="\$$t"; else v="(\$$m/1024)"; fi
    printf '%s%s every ::1 using 3:($%s == 0 ? %s : 1/0) with linespoints lw 2 pt 7 lc rgb "%s" title "%s"' \
      "$sep" "'$csv'" "$u" "$v" "$c" "$*"
    cut=$(awk -F, -v u="$u" 'NR > 1 && $u + 0 > 0 { n++ } END { print n + 0 }' "$csv")
    [ "$cut" -gt 0 ] || { sep=", "; continue; }
    printf ", '%s' every ::1 using 3:(\$%s > 0 ? %s : 1/0) with points pt 6 ps 1.8 lw 2 lc rgb \"%s\" title \"%s: budget hit (unknown/runs)\"" \
      "$csv" "$u" "$v" "$c" "$*"
    printf ", '%s' every ::1 using 3:(\$%s > 0 ? %s : 1/0):(sprintf('%%d/%%d', \$%s, \$8)) with labels offset 0,%s font ',8' tc rgb \"%s\" notitle" \
      "$csv" "$u" "$v" "$u" "$dy" "$c"
    sep=", "
  done
}
marks () { # a dashed vertical line where a side's budget first cut its curve (xname: n or ratio)
  y=0.03
  for s in "13 #1f60b0 QBF side" "14 #c02020 game side" "15 #208a30 depqbf"; do
    set -- $s; u=$1; c=$2; shift 2
    x0=$(awk -F, -v u="$u" 'NR > 1 && $u + 0 > 0 { print $3; exit }' "$csv")
    [ -n "$x0" ] || continue
    printf 'set arrow from %s, graph 0 to %s, graph 1 nohead dt 2 lw 1.5 lc rgb "%s"\n' "$x0" "$x0" "$c"
    printf 'set label "%s: budget hit from %s = %s" at %s, graph %s left rotate by 90 offset -1.8,0 tc rgb "%s" font ",8"\n' \
      "$*" "$xname" "$x0" "$x0" "$y" "$c"
    y=$(awk -v y="$y" 'BEGIN { print y + 0.5 }')
  done
}
case $param in
ratio)
  size=$(echo "$row2" | cut -d, -f4)
  kind=time
  gnuplot <<GP
$common
set terminal pngcairo size 820,760 font ',10'
set output '$prefix-phase.png'
set multiplot layout 2,1 title "$family, n = $size: phase transition$limits"
set xlabel 'clauses per variable'
set ylabel 'share true'
set yrange [0:1]
plot '$csv' every ::1 using 3:9 with linespoints lw 3 pt 7 lc rgb 'black' title 'share true (runs that answered)'
set ylabel 'median seconds (log)'
set yrange [*:*]
set logscale y
set key top right
$(xname=ratio; marks)
plot $(clauses)
unset multiplot
GP
  echo "$prefix-phase.png";;
size)
  kind=time
  [ "$only" = mem ] || gnuplot <<GP
$common
set output '$prefix-time.png'
set title "$family: median seconds of each side vs n$limits"
set xlabel 'n (variables)'
set ylabel 'median seconds (log)'
set logscale y
$(xname=n; marks)
plot $(clauses)
GP
  kind=mem
  [ "$only" = time ] || gnuplot <<GP
$common
set output '$prefix-mem.png'
set title "$family: peak resident memory of each side vs n (max over the runs)$limits"
set xlabel 'n (variables)'
set ylabel 'peak RSS (MB)'
set yrange [0:*]
set offsets graph 0.03, graph 0.06, graph 0.1, 0
set key top left
$(xname=n; marks)
plot $(clauses)
GP
  [ "$only" = mem ] || echo "$prefix-time.png"
  [ "$only" = time ] || echo "$prefix-mem.png";;
*) echo "plot.sh: $csv: unknown param '$param'" >&2; exit 2;;
esac

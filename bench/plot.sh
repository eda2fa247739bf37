#!/bin/sh
# PNG plots of a 'scnfg sweep' CSV with gnuplot (Debian package gnuplot-nox).
#   bench/plot.sh OUT.csv [PREFIX]
# A ratio sweep gives PREFIX-phase.png (share true and median times vs clauses per
# variable); a size sweep gives PREFIX-time.png (median seconds of each side vs n,
# log scale) and PREFIX-mem.png (peak resident memory of each side vs n).
# The welfare experiment's per-game CSV (scnfg experiment welfare --csv) gives PREFIX.png:
# every game's difference S-CNE - SSE per strength, min/max, quartiles, mean (docs/welfare.gp;
# WHAT, if set, is the command line shown in the title).
# PREFIX defaults to OUT without .csv.
set -eu
[ $# -ge 1 ] || { echo "usage: bench/plot.sh OUT.csv [PREFIX]" >&2; exit 2; }
csv=$1
prefix=${2:-${csv%.csv}}
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

# The welfare difference S-CNE - SSE per game against confounding strength (make plots-welfare).
# C: each stage's instinct reads an unobserved confounder with probability C.
# Variables (gnuplot -e): data = the per-game CSV of 'scnfg experiment welfare --csv',
# stats = its per-strength summary written by bench/plot.sh (columns: C, games, differ,
# mean, min, q1, median, q3, max; q1..q3 over the games that differ), out = the PNG,
# games = games per point (for the key), what = the command line (for the title).
# Exact values are in the CSV; the plot shows their decimals.
if (!exists("data")) data = "build/welfare.csv"
if (!exists("stats")) stats = "build/welfare-stats.txt"
if (!exists("out")) out = "docs/welfare.png"
if (!exists("games")) games = "?"
if (!exists("what")) what = "scnfg experiment welfare --sweep"
frac(s) = (p = strstrt(s, "/"), p ? real(s[1:p-1]) / real(s[p+1:]) : real(s))
set terminal pngcairo size 900,600 font "sans,10"
set output out
set datafile separator ","
set title "S-CNE vs Stackelberg (SSE) welfare, ".games." random games per point, exact\n(".what.")" offset 0,-1
set xlabel "confounding strength C   (under each C: games that differ / games)" offset 0,-1.2
set ylabel "welfare(S-CNE) - welfare(SSE) per game"
set xrange [-0.06:1.04]
set offsets 0, 0, 0.2, 0.2
set grid ytics
set key outside above box width -6
set bmargin 5
set arrow from graph 0, first 0 to graph 1, first 0 nohead lw 1 lc rgb "black" back
# each differing game as a point left of its strength's box, spread a little by seed
jit(seed) = -0.032 + ((int(seed) % 5) - 2) * 0.004
plot data using (frac(strcol(2)) + jit(column(3))):(column(13) == 1 ? column(12) : NaN) skip 1 \
       with points pt 7 ps 0.45 lc rgb "#7070b0" title "one game that differs (left of its box)", \
     stats using 1:6:5:9:8:(0.03) skip 1 with candlesticks whiskerbars 0.6 lw 1.5 lc rgb "#303080" fs empty \
       title "whiskers: min / max over all games; box: quartiles and median of the non-zero differences", \
     stats using 1:7:7:7:7:(0.03) skip 1 with candlesticks lw 2 lc rgb "#303080" notitle, \
     stats using 1:4:xticlabels(sprintf("%g\n%d/%d", column(1), column(3), column(2))) skip 1 \
       with linespoints lw 2 pt 5 ps 0.8 lc rgb "#c03020" title "mean over all ".games." games (most differences are 0)"

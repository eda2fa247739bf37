# Welfare difference S-CNE - SSE against confounding strength (make plots).
# Input: the CSV of 'scnfg experiment welfare --sweep --csv' (variable 'data').
if (!exists("data")) data = "build/welfare.csv"
if (!exists("out")) out = "docs/welfare.png"
set terminal pngcairo size 800,500 font "sans,10"
set output out
set datafile separator ","
set key top left
set xlabel "confounding strength C (probability that a stage's instinct reads an unobserved confounder)"
set ylabel "welfare difference S-CNE - SSE (mean over games)"
set y2label "share of games with a difference"
set y2tics
set ytics nomirror
set xrange [0:1]
set yrange [0:*]
set y2range [0:*]
set grid
set title "S-CNE vs Stackelberg welfare, 400 random games per point (exact; scnfg experiment welfare --sweep)"
plot data using 1:5 skip 1 with linespoints lw 2 title "mean difference", \
     data using 1:6 skip 1 with linespoints lw 2 dt 2 title "mean |difference|", \
     data using 1:4 skip 1 axes x1y2 with linespoints lw 2 dt 3 title "share with a difference (right axis)"

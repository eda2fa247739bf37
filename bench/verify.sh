#!/bin/sh
# bench/verify.sh: scnfg verify on random 3-block formulas (exists-forall-
# exists, 1+1+3 literals a clause) of growing size n, SEEDS per size and
# shape, two shapes:
#   split  n/4 + n/4 + n/2 variables, 9n clauses (the generator's default shape);
#   equal  n/3 + n/3 + n/3 variables, 6 clauses per variable (6n clauses).
# Per size and shape the folder of formulas is verified (-j JOBS) with every
# column, then with --no-commitment, then (given BEFORE_BIN) with
# --no-commitment by the other binary, back to back, each niced under
# /usr/bin/time -v and a wall-clock LIMIT. Prints per row:
#   ok      instances whose every column is ok (full run; certificate included)
#   full-s  median seconds per instance (sum of the report's side times), full run
#   noc-s   the same with --no-commitment; before-s: the same by BEFORE_BIN
#   ratio   wall time of the full run / wall time of the --no-commitment run
#   noc/bef wall time of --no-commitment / the same by BEFORE_BIN
#   cert%   share of the certificate in the full run's side times
#   peak-MB peak resident memory of the full and the --no-commitment run
#   rc      exit codes: full, --no-commitment, before (124: LIMIT hit)
# Not a test: timings depend on the machine and its load.
#   usage: [SIZES="24 30 36 42"] [SHAPES="split equal"] [SEEDS=5] [JOBS=1] [TIMEOUT=60]
#          [LIMIT=1200] sh bench/verify.sh [BIN] [BEFORE_BIN]
set -u
bin=${1:-bin/scnfg}
before=${2:-}
sizes=${SIZES:-24 30 36 42}
shapes=${SHAPES:-split equal}
seeds=${SEEDS:-5}
jobs=${JOBS:-1}
to=${TIMEOUT:-60}
limit=${LIMIT:-1200}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run TAG BIN [FLAGS...]: verifies $tmp/f; leaves "rc wall peak-KB" in $tmp/TAG.run
run () {
  tag=$1; b=$2; shift 2
  rm -f "$tmp/$tag.xml"
  /usr/bin/time -v -o "$tmp/$tag.time" timeout "$limit" nice "$b" verify "$tmp/f" -j "$jobs" --timeout "$to" \
    --quiet --report "$tmp/$tag.xml" "$@" > /dev/null 2> "$tmp/$tag.err"
  rc=$?
  awk -v rc="$rc" '
    /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
    /Maximum resident set size/ { m = $NF }
    END { print rc, w, m }' "$tmp/$tag.time" > "$tmp/$tag.run"
}

# stats TAG: "ok median-seconds cert-share" from TAG's report (0 - 0 without one)
stats () {
  [ -s "$tmp/$1.xml" ] || { echo "0 - 0"; return; }
  tr -d '\n' < "$tmp/$1.xml" | sed 's/>[[:space:]]*</>\n</g' | awk '
    function secs(s) { if (match(s, /seconds="[^"]*"/)) return substr(s, RSTART + 9, RLENGTH - 10) + 0; return 0 }
    /<instance / { n++; t[n] = 0; bad = 0 }
    /seconds="/ && n { t[n] += secs($0); all += secs($0) }
    /<certificate / { cert += secs($0) }
    /state="/ && n && !/state="ok"/ { bad = 1 }
    /<\/instance>/ { ok += !bad }
    END {
      if (!n) { print "0 - 0"; exit }
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
      printf "%d %.3f %.1f\n", ok, t[int((n + 1) / 2)], (all > 0 ? 100 * cert / all : 0) }'
}

printf '%-5s %3s %5s %9s %9s %9s %6s %7s %6s %15s %11s\n' shape n ok full-s noc-s before-s ratio noc/bef cert% \
  peak-MB rc
for shape in $shapes; do
  for n in $sizes; do
    rm -rf "$tmp/f"; mkdir "$tmp/f"
    if [ "$shape" = equal ]; then
      a=$((n / 3)); b=$a; c=$((n - 2 * a)); m=$((6 * n))
    else
      a=$((n / 4)); b=$a; c=$((n - 2 * a)); m=$((9 * n))
    fi
    s=1
    while [ "$s" -le "$seeds" ]; do
      "$bin" gen random --seed "$s" --vars "$a,$b,$c" --lits 1,1,3 --clauses "$m" -o "$tmp/f/$shape$n-$s.qdimacs"
      s=$((s + 1))
    done
    run full "$bin"
    run noc "$bin" --no-commitment
    if [ -n "$before" ]; then run bef "$before" --no-commitment; else echo "- 0 0" > "$tmp/bef.run"; fi
    read -r frc fw fm < "$tmp/full.run"
    read -r nrc nw nm < "$tmp/noc.run"
    read -r brc bw bm < "$tmp/bef.run"
    read -r ok fmed share <<EOF
$(stats full)
EOF
    read -r _ nmed _ <<EOF
$(stats noc)
EOF
    bmed=-
    if [ -n "$before" ]; then read -r _ bmed _ <<EOF
$(stats bef)
EOF
    fi
    ratio=$(awk -v a="$fw" -v b="$nw" 'BEGIN { printf (b > 0 ? "%.2f" : "-"), a / b }')
    nb=$(awk -v a="$nw" -v b="$bw" 'BEGIN { printf (b > 0 ? "%.2f" : "-"), a / b }')
    peak=$(awk -v a="$fm" -v b="$nm" 'BEGIN { printf "%.0f/%.0f", a / 1024, b / 1024 }')
    printf '%-5s %3d %2d/%-2d %9s %9s %9s %6s %7s %6s %15s %11s\n' "$shape" "$n" "$ok" "$seeds" "$fmed" "$nmed" "$bmed" \
      "$ratio" "$nb" "$share" "$peak" "$frc/$nrc/$brc"
  done
done

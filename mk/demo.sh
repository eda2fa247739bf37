#!/bin/sh
# make demo: the main job on the bundled instances. Until 'verify' exists this
# solves every instances/qbf/*.qdimacs and prints a table: file, answer, time.
bin=${1:-bin/scnfg}
printf '%-36s %-12s %8s\n' file answer seconds
for f in instances/qbf/*.qdimacs; do
  t0=$(date +%s.%N)
  line=$("$bin" solve --timeout 10 "$f" | grep '^s ')
  t1=$(date +%s.%N)
  case "$line" in
    "s cnf 1 "*) a=true ;;
    "s cnf 0 "*) a=false ;;
    "s cnf -1 "*) a=unknown ;;
    "s value "*) a=${line#s value } ;;
    *) a=error ;;
  esac
  printf '%-36s %-12s %8.3f\n' "$(basename "$f")" "$a" "$(awk "BEGIN{print $t1 - $t0}")"
done

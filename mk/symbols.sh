#!/bin/sh
# Every global symbol defined in libscnfg.a must carry its module's prefix:
# the file base name (qdimacs.c -> qdimacs_) or an alias listed in the file's
# first line as "/* prefix: foo_ bar_ */".
lib=$1; bad=0
for obj in $(ar t "$lib"); do
  base=${obj%.o}
  src=$(find base solver reductions proofs orchestrate instances -name "$base.c" -not -path '*/fuzz/*' | head -n 1)
  extra=$(head -n 3 "$src" 2>/dev/null | sed -n 's/.*prefix: *\([^*]*\)\*\/.*/\1/p')
  for sym in $(nm -g --defined-only "$lib" 2>/dev/null | awk -v o="$obj:" '$0==o{f=1;next} /:$/{f=0} f&&NF==3{print $3}'); do
    ok=0
    for p in "${base}_" $extra; do case "$sym" in "$p"*) ok=1;; esac; done
    if [ $ok -eq 0 ]; then echo "symbols: $obj exports '$sym' without prefix ${base}_" >&2; bad=1; fi
  done
done
exit $bad

#!/bin/sh
# The house rules (docs/architecture.md), checked by 'make check':
#  - folders: which part may include which (the include rule of DESIGN §6 as a
#    fact about folders: a checker never includes a finder);
#  - no function over 120 lines outside tests/, no cli/*.c over 200 lines;
#  - libxml2 included by at most two files, XML escaped by one, one version
#    string, no mention of a README.d folder.
# HOUSE_WARN=1 reports without failing.
bad=0
fail () { echo "house: $*" >&2; bad=1; }
src () { find "$@" -name '*.[ch]' -not -path '*/fuzz/*' 2>/dev/null | sort; }

# part: the folders it may include from (besides itself and the C library)
rule () {
  part=$1; shift
  for f in $(src $part); do
    for inc in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
      case "$inc" in *_rng.inc|*.inc) continue ;; esac
      ok=0
      for allow in "$part" "$@"; do case "$inc" in "$allow"/*) ok=1 ;; esac; done
      [ $ok -eq 1 ] || fail "$f includes $inc (the $part part may include only: $part $*)"
    done
  done
}
rule base
rule solver/sat base
rule solver/model base solver/sat
rule solver/qbf base solver/sat solver/model
rule solver/game base solver/sat solver/model
rule proofs base solver/sat solver/model
rule reductions base solver/sat solver/model
rule instances base solver/model
rule orchestrate base solver reductions proofs instances

# function length: from the line naming it to its closing brace at column 0
for f in $(src base solver reductions proofs orchestrate instances cli | grep '\.c$'); do
  awk -v F="$f" '
    /^[A-Za-z_].*\(/ && !/;[[:space:]]*$/ && !/^(typedef|#)/ { if (!open) { cand = NR; name = $0 } }
    /^\{|\) *\{[[:space:]]*$/ { if (!open && cand) open = cand }
    /^\}/ { if (open) { n = NR - open + 1; if (n > 120) printf "house: %s:%d: function of %d lines (at most 120): %s\n", F, open, n, substr(name, 1, 60); open = 0; cand = 0 } }
  ' "$f" | grep . >&2 && bad=1
done
for f in cli/*.c; do
  n=$(wc -l < "$f"); [ "$n" -le 200 ] || fail "$f has $n lines (at most 200 in cli/)"
done

n=$(grep -l '#include <libxml/' $(src base solver reductions proofs orchestrate instances cli tests) | wc -l)
[ "$n" -le 2 ] || fail "libxml2 is included by $n files (at most 2): $(grep -l '#include <libxml/' $(src base solver reductions proofs orchestrate instances cli tests) | tr '\n' ' ')"
n=$(grep -l '"&amp;"\|&amp;' $(src base solver reductions proofs orchestrate instances cli) | wc -l)
[ "$n" -le 1 ] || fail "XML is escaped in $n files (one escaper): $(grep -l '&amp;' $(src base solver reductions proofs orchestrate instances cli) | tr '\n' ' ')"
n=$(grep -n '"[0-9]\+\.[0-9]\+\.[0-9]\+"' $(src base solver reductions proofs orchestrate instances cli) | wc -l)
[ "$n" -le 1 ] || fail "$n version strings (one): $(grep -n '"[0-9]\+\.[0-9]\+\.[0-9]\+"' $(src base solver reductions proofs orchestrate instances cli) | tr '\n' ' ')"
n=$(git grep -l 'README\.d' -- . ':!mk/house.sh' 2>/dev/null | wc -l)
[ "$n" -eq 0 ] || fail "files mention README.d: $(git grep -l 'README\.d' -- . ':!mk/house.sh' | tr '\n' ' ')"
[ -n "$HOUSE_WARN" ] && exit 0
exit $bad

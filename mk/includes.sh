#!/bin/sh
# The include rule of DESIGN §6: checkers (proofs/chk_*, the certificate
# checker proofs/qcert) include only model, reader, arithmetic and SAT-wrapper
# headers — never a finder's (cegar, ssat, eval, spe, sse, mixed, signal, ...).
allowed='solver/qbf/qbf.h solver/qbf/qdimacs.h solver/qbf/cert.h solver/qbf/sat.h
solver/game/model.h solver/game/gamexml.h solver/game/profile.h solver/game/behav.h solver/game/efgread.h solver/game/polytope.h'
bad=0
for f in proofs/chk_*.c proofs/chk_*.h proofs/qcert.c proofs/qcert.h; do
  [ -f "$f" ] || continue
  for inc in $(sed -n 's/^#include "\(solver\/[^"]*\)".*/\1/p' "$f"); do
    case " $(echo $allowed) " in
      *" $inc "*) ;;
      *) echo "includes: checker $f includes the finder header $inc (DESIGN §6)" >&2; bad=1 ;;
    esac
  done
  if grep -q '#include "reductions/' "$f"; then echo "includes: checker $f includes a reduction" >&2; bad=1; fi
done
exit $bad

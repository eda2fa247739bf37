/* A QBF preprocessor in front of the clausal-abstraction solver: universal
 * reduction, unit and pure literals, subsumption and self-subsuming
 * strengthening, bounded elimination of innermost existential variables.
 * Every technique keeps the value of the formula under every assignment of
 * the outermost block, so a winning assignment of that block for the result
 * is one for the input once prep_model has filled in what was removed. */
#ifndef SCNFG_SOLVER_QBF_PREP_H
#define SCNFG_SOLVER_QBF_PREP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct qbf;
struct scnfg_limits;

typedef struct prep_opts {
  bool ur;      /* universal reduction */
  bool unit;    /* unit literals */
  bool pure;    /* pure literals (exists: satisfy, forall: falsify) */
  bool subsume; /* subsumption and self-subsuming strengthening */
  bool bve;     /* bounded elimination of innermost existentials (needs ur) */
} prep_opts;

typedef struct prep_stats {
  bool ran;                    /* prep_run was called */
  unsigned clauses_in, clauses_out;
  size_t lits_in, lits_out;
  uint64_t rounds;
  uint64_t ur_lits;            /* universal literals removed */
  uint64_t units;              /* variables fixed by unit clauses */
  uint64_t pure_e, pure_a;     /* pure existential / universal variables fixed */
  uint64_t subsumed, strengthened;
  uint64_t eliminated, resolvents;
  double seconds;
} prep_stats;

typedef struct prep prep;

/* Simplifies f (borrowed, finished, plain QBF). Returns the result (prep_free);
 * its formula has f's prefix (every variable, the same numbering) and the
 * simplified clauses. Polls lim's deadline (may be NULL): when it passes, the
 * clauses simplified so far are the result. 'st' may be NULL. */
prep *prep_run (const struct qbf *f, const prep_opts *o, const struct scnfg_limits *lim, prep_stats *st);

/* The simplified formula (owned by p). */
const struct qbf *prep_formula (const prep *p);

/* Completes a winning assignment of f->blocks[0] for the simplified formula
 * (model[v] = +-v, f->nvars + 1 entries) into one for f: the values fixed by
 * unit and pure literals, then the eliminated variables of that block in
 * reverse order of elimination. */
void prep_model (const prep *p, const struct qbf *f, int *model);

void prep_free (prep *p);

#endif

/* A thin incremental SAT interface over PicoSAT: the only file including
 * picosat.h. Clauses are added permanently; queries are made under
 * assumptions; cores come from failed assumptions (no trace support). */
#ifndef SCNFG_SOLVER_SAT_SAT_H
#define SCNFG_SOLVER_SAT_SAT_H

#include <stddef.h>
#include <stdint.h>

struct scnfg_limits;

typedef struct sat sat;

/* Memory accounting shared by several solvers: every byte PicoSAT allocates
 * is counted in 'bytes' (and the maximum in 'peak'). Caller storage. */
typedef struct sat_acct {
  size_t bytes, peak;
} sat_acct;

enum { SAT_UNKNOWN = 0, SAT_SAT = 10, SAT_UNSAT = 20 };

/* A new empty solver. 'acct' (may be NULL) is borrowed and must outlive the
 * solver; 'lim' (may be NULL) is borrowed likewise: a solve is interrupted
 * (SAT_UNKNOWN) once lim's deadline passes or, when lim->max_mem > 0, once
 * acct->bytes exceeds it. */
sat *sat_new (sat_acct *acct, const struct scnfg_limits *lim);
/* Frees the solver; accepts NULL. */
void sat_free (sat *s);

/* A fresh variable (1, 2, ...). */
int sat_new_var (sat *s);
/* Number of variables. */
int sat_num_vars (const sat *s);
/* Adds the clause lits[0..n-1] (variables must exist; n == 0 makes the
 * solver inconsistent for good). */
void sat_add_clause (sat *s, const int *lits, unsigned n);

/* Solves under the assumptions a[0..n-1]. At most 'max_props' propagations
 * in this call (0: no limit; PicoSAT's limit is cumulative, so it is
 * re-armed here). Returns SAT_SAT, SAT_UNSAT or SAT_UNKNOWN (limit,
 * deadline, memory). After SAT_UNSAT the failed assumptions are copied out
 * and stay valid until the next solve (sat_failed). */
int sat_solve (sat *s, const int *a, unsigned n, uint64_t max_props);

/* After SAT_SAT and before the next clause or solve: the value of variable v
 * (1 true, -1 false). */
int sat_value (const sat *s, int v);
/* After SAT_UNSAT: the failed assumptions (a subset of the assumptions that
 * is itself unsatisfiable); *n gets their number. Valid until the next solve. */
const int *sat_failed (const sat *s, unsigned *n);

/* Decision heuristics: the phase tried first for variable |lit| is lit's
 * sign; an important variable is decided before the others. */
void sat_set_phase (sat *s, int lit);
void sat_set_important (sat *s, int v);

/* Counter. */
uint64_t sat_propagations (const sat *s);

#endif

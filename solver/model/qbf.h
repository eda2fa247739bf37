/* The QBF / SSAT formula: a prenex CNF with e (exists), a (forall) and
 * r (randomized, per-variable probability) blocks. Built with the builder
 * below by the QDIMACS reader, the generators and the reductions. */
#ifndef SCNFG_SOLVER_MODEL_QBF_H
#define SCNFG_SOLVER_MODEL_QBF_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum qbf_quant { QBF_EXISTS = 'e', QBF_FORALL = 'a', QBF_RANDOM = 'r' } qbf_quant;

typedef struct qbf_block {
  qbf_quant quant;
  unsigned nvars;
  int *vars;     /* in the order they were declared */
} qbf_block;

typedef struct qbf {
  long header_vars;      /* V of 'p cnf V C' (may be huge; nothing is sized by it) */
  long header_clauses;   /* C of the header */
  int nvars;             /* largest variable that is quantified or occurs */
  unsigned nclauses;
  int *lits;             /* every clause's literals, each clause ended by 0 */
  size_t nlits;          /* entries of lits, the zeros included */
  size_t *clause;        /* clause i starts at lits + clause[i] (nclauses entries) */
  unsigned nblocks;
  qbf_block *blocks;     /* outermost first; adjacent equal quantifiers merged */
  unsigned *block_of;    /* var -> 1 + its block index; 0: neither quantified nor used */
  mpq_t *prob;           /* NULL unless some r block; else prob[v] = P(v true) */
  /* builder state */
  size_t cap_lits, cap_clause;
  unsigned *mark;        /* var -> 1 + index of the last clause it was added to */
  size_t cap_mark;
  size_t cap_vars;       /* entries allocated in block_of and prob */
  bool finished;
  /* numbering: variables are 1..nvars inside; orig (NULL: the same numbers)
   * gives each one's number in the input, strictly increasing (the QDIMACS
   * reader renumbers densely, so memory follows the variables used) */
  int *orig;
} qbf;

/* A new empty formula whose header will say 'p cnf V C' (V, C >= 0). */
qbf *qbf_new (long header_vars, long header_clauses);
/* Frees f and everything it owns; accepts NULL. */
void qbf_free (qbf *f);

/* Builder. Appends a block (merged into the previous one when the quantifier
 * is the same). For QBF_RANDOM, 'p' (0 <= p <= 1) is every var's probability;
 * otherwise p is ignored (may be NULL). Requires each var >= 1, not yet
 * quantified, and no clause added yet. */
void qbf_add_block (qbf *f, qbf_quant q, const int *vars, unsigned n, const mpq_t p);
/* Appends a clause of n literals (copied; duplicate literals dropped). */
void qbf_add_clause (qbf *f, const int *lits, unsigned n);
/* Ends building: variables that occur but are not quantified become part of
 * an outermost exists block. Must be called once, before the formula is used. */
void qbf_finish (qbf *f);

/* Queries (after qbf_finish). */
static inline const int *qbf_clause_lits (const qbf *f, unsigned i) { return f->lits + f->clause[i]; }
unsigned qbf_clause_size (const qbf *f, unsigned i);
/* Quantifier of var v (1 <= v <= nvars); QBF_EXISTS for unused variables. */
qbf_quant qbf_quant_of (const qbf *f, int v);
/* True iff some block is QBF_RANDOM. */
bool qbf_is_stochastic (const qbf *f);
/* Number of quantified variables. */
unsigned qbf_num_quantified (const qbf *f);

/* Numbering. Every output (models, certificates, traces, messages) speaks
 * the input's numbers, every input (certificates, traces) is mapped back.
 * qbf_set_orig: takes orig[1..n] (n <= nvars, strictly increasing, orig[0]
 * ignored), copies it; variables above n keep orig = v. */
void qbf_set_orig (qbf *f, const int *orig, int n);
/* The input's number of variable v (1..nvars); v itself when no renumbering. */
static inline int qbf_orig_var (const qbf *f, int v) { return f->orig && v >= 1 && v <= f->nvars ? f->orig[v] : v; }
/* The same for a literal (sign kept). */
static inline int qbf_orig_lit (const qbf *f, int l) { return l < 0 ? -qbf_orig_var (f, -l) : qbf_orig_var (f, l); }
/* The variable whose input number is 'orig', 0 if there is none (orig < 1, or
 * not used by the formula; without renumbering: orig if 1 <= orig <= nvars). */
int qbf_dense_var (const qbf *f, long orig);
/* Literal version: 0 if absent. */
int qbf_dense_lit (const qbf *f, long orig);
/* The largest input number (nvars when no renumbering). */
int qbf_orig_max (const qbf *f);

#endif

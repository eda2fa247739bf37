/* A QBF solver by clausal abstraction (counterexample-guided abstraction
 * refinement over one incremental SAT solver per quantifier level). */
#ifndef SCNFG_SOLVER_QBF_CEGAR_H
#define SCNFG_SOLVER_QBF_CEGAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct qbf;
struct scnfg_limits;

/* Statistics of one quantifier level (after universal reduction, dropping
 * unused blocks and merging equal neighbours). */
typedef struct cegar_level_stats {
  char quant;             /* 'e' or 'a' */
  unsigned vars;          /* variables of the level */
  unsigned clauses;       /* clauses whose innermost literal is at this level */
  uint64_t solves;        /* SAT calls */
  uint64_t refinements;   /* clauses learned from the opponent's counter-moves */
  uint64_t refine_lits;   /* their total length */
  uint64_t selectors;     /* clause-selector variables created */
  uint64_t core_lits;     /* total size of the cores this level returned */
  uint64_t expansions;    /* forall moves expanded into this level */
  uint64_t expansion_lits;/* literals of the clauses they added */
  uint64_t propagations;  /* PicoSAT propagations */
  double seconds;         /* time inside the SAT solver */
} cegar_level_stats;

/* Caller storage: cegar_stats_init before, cegar_stats_clear after. */
typedef struct cegar_stats {
  unsigned nlevels;
  cegar_level_stats *level;  /* nlevels entries, outermost first (owned) */
  unsigned clauses;          /* clauses after universal reduction and tautologies */
  uint64_t iterations;       /* SAT calls over all levels */
  size_t peak_bytes;         /* accounted memory (PicoSAT + own) at its peak */
  double seconds;
} cegar_stats;

void cegar_stats_init (cegar_stats *st);
void cegar_stats_clear (cegar_stats *st);

/* Options (every field's default is 0/false: cegar_opts_init). */
typedef struct cegar_opts {
  bool no_minimize;   /* keep PicoSAT's failed-assumption cores as they come */
  int phase;          /* experimental */
  bool no_expand;     /* clausal refinement only (no expansion of the last forall block) */
  uint64_t expand_budget; /* literals of expansion clauses per level, 0: default (4M) */
} cegar_opts;

void cegar_opts_init (cegar_opts *o);

/* Decides 'f' (borrowed, finished, without r blocks: SSAT is an API misuse
 * and aborts). Returns 10 (true), 20 (false) or 0 (unknown: lim's deadline,
 * lim->max_nodes SAT calls, or lim->max_mem accounted bytes reached).
 * 'lim', 'opts', 'st' may be NULL. If 'model' != NULL it must have
 * f->nvars + 1 entries; it is cleared to 0, and when the answer is known and
 * the outermost block's quantifier wins (exists and 10, forall and 20),
 * model[v] = v or -v for every variable v of f->blocks[0] (the winning
 * assignment of that block). Never prints. */
int cegar_solve (const struct qbf *f, const struct scnfg_limits *lim, const cegar_opts *opts,
                 int *model, cegar_stats *st);

/* A new formula (qbf_free): f with the assignment 'model' (as filled by
 * cegar_solve: model[v] = +-v or 0 for unassigned) substituted; satisfied
 * clauses dropped, false literals removed, assigned variables removed from
 * the prefix; the header keeps f's counts. */
struct qbf *cegar_substitute (const struct qbf *f, const int *model);

/* Checks a model of f's outermost block (from cegar_solve with answer
 * 'answer'): substitutes it and decides the rest again. Returns 1 if the
 * rest has the same value, 0 if not (a wrong model), -1 if unknown (limits). */
int cegar_check_model (const struct qbf *f, int answer, const int *model,
                       const struct scnfg_limits *lim);

#endif

/* A QBF solver by clausal abstraction (counterexample-guided abstraction
 * refinement over one incremental SAT solver per quantifier level). */
#ifndef SCNFG_SOLVER_QBF_CEGAR_H
#define SCNFG_SOLVER_QBF_CEGAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "solver/qbf/prep.h"

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
  double seconds;            /* preprocessing included */
  prep_stats prep;           /* the preprocessor's (prep.ran false if every prep_ option is 0) */
} cegar_stats;

void cegar_stats_init (cegar_stats *st);
void cegar_stats_clear (cegar_stats *st);

/* Options, declared once: name, default, minimum, maximum, help. */
#define CEGAR_OPTIONS(X)                                                                          \
  X (own_phase, 1, 0, 1, "exists levels first try to satisfy each clause by their own literals")  \
  X (own_first, 0, 0, 1, "exists levels decide those choices before any other variable")          \
  X (open_phase, 1, 0, 1, "forall levels first try to keep each clause open")                     \
  X (forall_phase, 1, 0, 1, "forall variables first take the sign falsifying more literals")      \
  X (forall_first, 1, 0, 1, "forall levels decide their own variables before the selectors")      \
  X (expand, 128, 0, 1000000000, "expansions of the last forall block per level (0: none)")       \
  X (expand_lits, 4000000, 0, 4000000000, "literals those expansions may add per level")          \
  X (expand_vars, 4, 0, 1000000000, "expand only forall blocks of at most this many variables")  \
  X (prep_ur, 1, 0, 1, "preprocess: universal reduction")                                          \
  X (prep_unit, 1, 0, 1, "preprocess: unit literals")                                              \
  X (prep_pure, 1, 0, 1, "preprocess: pure literals")                                              \
  X (prep_subsume, 1, 0, 1, "preprocess: subsumption and self-subsuming strengthening")            \
  X (prep_bve, 1, 0, 1, "preprocess: bounded elimination of innermost existentials (needs prep_ur)")

typedef struct cegar_opts {
#define CEGAR_OPT_FIELD(name, def, lo, hi, help) long long name;
  CEGAR_OPTIONS (CEGAR_OPT_FIELD)
#undef CEGAR_OPT_FIELD
} cegar_opts;

typedef struct cegar_opt_info {
  const char *name;
  long long def, lo, hi;
  const char *help;
} cegar_opt_info;

/* The option table (*n entries, static storage), for parsers and --help. */
const cegar_opt_info *cegar_opt_table (unsigned *n);

/* Sets every option to its default. */
void cegar_opts_init (cegar_opts *o);
/* Sets option 'name' to 'value'; false (nothing changed) if the name is
 * unknown or the value out of range. */
bool cegar_opts_set (cegar_opts *o, const char *name, long long value);

/* Decides 'f' (borrowed, finished, without r blocks: SSAT is an API misuse
 * and aborts), after the preprocessor (solver/qbf/prep) when a prep_ option
 * is on. Returns 10 (true), 20 (false) or 0 (unknown: lim's deadline,
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

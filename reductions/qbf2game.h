/* Hardness reduction QBF/SSAT -> S-CNFG (DESIGN §5). */
#ifndef SCNFG_REDUCTIONS_QBF2GAME_H
#define SCNFG_REDUCTIONS_QBF2GAME_H

#include <stddef.h>

struct qbf;
struct game;

/* Sizes of both sides, for the linear-size claim. */
typedef struct qbf2game_sizes {
  size_t formula_vars;      /* quantified variables */
  size_t formula_clauses;
  size_t formula_lits;
  size_t game_vars;         /* variables of every kind */
  size_t game_entries;      /* expression nodes plus table entries */
  size_t game_observations; /* observation links (quadratic: perfect information) */
} qbf2game_sizes;

/* The game size never exceeds QBF2GAME_SIZE_FACTOR times the formula size,
 * measuring the formula as vars + clauses + literals and the game as vars +
 * expression/table entries (observation links are reported separately):
 * per variable 1 game variable; per clause 1 variable + 1 'or' node + 1
 * reference from the 'and'; per literal at most 2 nodes (var, not); plus 6. */
#define QBF2GAME_SIZE_FACTOR 3

/* Builds the game of finished formula f (borrowed): stage i sets X_i for the
 * i-th ∃/∀ variable in prefix order, the leader "L" (the ∃ player) owns the
 * ∃ stages and "F" the ∀ stages; an r variable becomes an exogenous variable
 * with prior (1-P, P) revealed just before the next stage; every mover
 * observes all earlier stages and revealed variables; clause nodes
 * c<j> := or(literals), phi := and(c<j>); rewards uL = phi, uF = not phi.
 * Variable ids are x<v> for QBF variable v. Returns a new finished game
 * (game_free); 'sz' may be NULL. */
struct game *qbf2game_reduce (const struct qbf *f, qbf2game_sizes *sz);

#endif

/* Subgame-perfect equilibrium of perfect-information S-CNFGs by backward
 * induction (DESIGN §3.1), exact, depth-first. */
#ifndef SCNFG_SOLVER_GAME_SPE_H
#define SCNFG_SOLVER_GAME_SPE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/limits.h"
#include "solver/game/profile.h"

struct game;
struct scnfg_error;

typedef struct spe_options {
  game_tie tie;            /* follower tie-break (DESIGN §3) */
  scnfg_limits limits;     /* timeout and max_nodes are honoured */
  size_t max_profile;      /* store the profile if it has at most this many
                              entries (profile_size); 0: never store it */
  size_t max_outcomes;     /* outcomes listed with a stored profile */
} spe_options;

/* Defaults: strong, no limits, profiles up to 2^20 entries, 1000 outcomes. */
void spe_options_init (spe_options *o);

/* Solves finished g (borrowed) into sol (initialised here; the caller clears
 * it with profile_solution_clear). Returns false with an ERROR_INPUT record
 * if g is not a perfect-information game (nothing else fails). sol->status is
 * GAME_UNKNOWN if a limit was hit (sol->reason says which). Memory grows with
 * the number of variables, not with the tree, unless the profile is stored.
 * Never prints. */
bool spe_solve (const struct game *g, const spe_options *opt, game_solution *sol, struct scnfg_error *err);

#endif

/* Stackelberg equilibrium with mixed (behavioural) commitment, exact
 * (DESIGN §3.3), strong tie-breaking: the follower, among its best
 * responses, takes the one best for the leader. Two methods:
 *  - one-shot games (one leader stage, one follower stage, neither
 *    observing the other, no chance): the multiple-LPs method of Conitzer &
 *    Sandholm 2006, one LP per follower action, on the exact simplex of
 *    solver/game/polytope; the LP duals are the certificate;
 *  - two-player perfect-information trees without chance: the
 *    Letchford & Conitzer 2010 construction of exact piecewise-linear
 *    frontiers; the per-node frontiers are the certificate.
 * Both report a behavioural commitment, the follower's response at every
 * information set (reached or not), the rewards and the certificate. */
#ifndef SCNFG_SOLVER_GAME_MIXED_H
#define SCNFG_SOLVER_GAME_MIXED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/limits.h"
#include "solver/model/behav.h"
#include "solver/model/profile.h"

struct game;
struct scnfg_error;

typedef struct mixed_options {
  scnfg_limits limits;  /* timeout and max_nodes are honoured */
  size_t max_profile;   /* build the commitment only up to this many information sets (0: never) */
  size_t max_cert;      /* tree: keep the per-node frontiers only up to this many choice nodes (0: never) */
  size_t max_outcomes;  /* outcomes listed */
  game_tie tie;         /* GAME_TIE_STRONG (default) or GAME_TIE_WEAK (one-shot games only) */
} mixed_options;

/* Defaults: no limits, profiles up to 2^20 entries, certificates up to 2^14
 * choice nodes, 1000 outcomes. */
void mixed_options_init (mixed_options *o);

/* mixed_solution (the result) is a model type: solver/model/behav.h. */

/* Solves finished g (borrowed) into ms (initialised here; clear it with
 * mixed_solution_clear even on failure). Returns false with an ERROR_INPUT
 * record if g is of neither supported shape (two players, no chance; one-shot
 * or perfect information), or for the weak tie-break on a tree. Weak
 * (one-shot): the supremum over commitments of the leader's reward when the
 * follower breaks ties against the leader = the best, over classes K of
 * follower actions with identical follower rewards whose best-response
 * region has an interior, of max over that region of min_{k in K} uL
 * (regions without interior are limits of the others); reported with the
 * maximiser, at which it may not be attained. ms->sol.status is
 * GAME_UNKNOWN when a limit was hit. Never prints. */
bool mixed_solve (const struct game *g, const mixed_options *opt, mixed_solution *ms, struct scnfg_error *err);
void mixed_solution_clear (mixed_solution *ms);

#endif

/* Commitment concepts of two-player S-CNFGs (DESIGN §3.2, §3.4, §3.5):
 * pure-commitment Stackelberg (SSE), the sequential causal Nash equilibrium
 * with layer choice (S-CNE) and the epsilon-satisficing follower (plain and
 * robust). Exact; every concept reports a full pure profile, the rewards,
 * the welfare and the outcome distribution (profile.h). */
#ifndef SCNFG_SOLVER_GAME_SSE_H
#define SCNFG_SOLVER_GAME_SSE_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/limits.h"
#include "solver/game/pairs.h"
#include "solver/model/profile.h"

struct game;
struct scnfg_error;

typedef enum sse_concept {
  SSE_CONCEPT_SSE,          /* "sse" */
  SSE_CONCEPT_SCNE,         /* "scne" */
  SSE_CONCEPT_SATISFICING,  /* "satisficing" */
} sse_concept;

typedef enum sse_method {
  SSE_METHOD_AUTO,          /* pairs where they apply, else enumeration */
  SSE_METHOD_ENUMERATE,     /* always enumerate leader policies (tests) */
} sse_method;

/* Statistics of the pairs walk (pairs.h; all zero when enumeration ran). */
typedef pairs_stats sse_stats;

typedef struct sse_options {
  sse_concept concept;
  game_tie tie;             /* follower tie-break (DESIGN §3) */
  mpq_t eps;                /* satisficing: epsilon >= 0 (default 0) */
  bool robust;              /* satisficing: the pessimistic variant */
  sse_method method;
  uint64_t max_policies;    /* leader policies enumerated at most (0: none) */
  size_t max_tree;          /* explicit game-tree nodes at most (0: none) */
  scnfg_limits limits;      /* timeout and max_nodes honoured */
  size_t max_profile;       /* store the profile up to this many entries */
  size_t max_outcomes;      /* outcomes listed with a stored profile */
  /* The pairs walk (SSE, S-CNE): pruned and cached unless 'unpruned' (the
   * plain construction, for tests). Pruning is exact (same values under every
   * tie-break; see pairs.c): in a win/lose game (spe_win_lose) the pair
   * (leader 0, follower 1) is dropped from every set, which lets a leader
   * node stop at its first child achieving leader 1 and a follower node at
   * its first child that cannot; with the cache, a state whose rewards are
   * already determined is one pair and is not expanded. */
  bool unpruned;
  /* Budget in bytes of the cache of pair sets keyed by residual states
   * (pairscache.h; grown lazily from 64 slots); 0: no cache. */
  size_t cache_bytes;
  sse_stats *stats;         /* if non-NULL, filled by sse_solve */
} sse_options;

/* Defaults: SSE, strong, eps 0, not robust, auto, 2^20 policies, 2^20 tree
 * nodes, no limits, profiles up to 2^20 entries, 1000 outcomes, pruned, a
 * cache of at most 64 MiB, no stats. */
void sse_options_init (sse_options *o);
void sse_options_clear (sse_options *o);
/* "sse", "scne", "satisficing" (callers parse names with game_concept_parse,
 * solve.h). */
const char *sse_concept_name (sse_concept c);

/* Solves finished g (borrowed) into sol (initialised here; the caller clears
 * it with profile_solution_clear). Methods:
 *  - SSE and S-CNE on perfect-information games without exogenous variables:
 *    bottom-up sets of achievable (follower, leader) reward pairs with threat
 *    values (the pure form of Letchford & Conitzer 2010), depth-first (memory
 *    grows with depth, plus the cache's budget), pruned and cached as
 *    above; the profile (the smallest optimal policy in the policy
 *    order) is rebuilt on the explicit tree when it fits max_tree/max_profile.
 *  - otherwise: enumeration of the leader's pure policies in the policy order
 *    (entries at information sets the leader cannot reach with positive
 *    probability are fixed to action 0), the follower best-responding at every
 *    information set with exact Bayes beliefs.
 * Returns false with an ERROR_INPUT record if g does not have exactly two
 * players or uses an unsupported layer set (S-CNE: a stage allowing layers
 * {1,2} but not 3 whose instinct reads an unobserved variable).
 * sol->status is GAME_UNKNOWN when a limit was hit (sol->reason says which:
 * "policy limit", "tree limit", "timeout", "node limit"). Never prints. */
bool sse_solve (const struct game *g, const sse_options *opt, game_solution *sol, struct scnfg_error *err);

#endif

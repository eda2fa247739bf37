/* Subgame-perfect equilibrium of perfect-information S-CNFGs by backward
 * induction (DESIGN §3.1), exact, depth-first. */
#ifndef SCNFG_SOLVER_GAME_SPE_H
#define SCNFG_SOLVER_GAME_SPE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/limits.h"
#include "solver/model/profile.h"
#include "solver/game/specache.h"

struct game;
struct pdag;
struct scnfg_error;

/* Search statistics beyond sol->nodes and sol->leaves. */
typedef struct spe_stats {
  bool win_lose;           /* the game is win/lose (detected or declared) */
  bool pruning;            /* pruning was on: prune requested and win_lose */
  bool caching;            /* the cache was on: cache_bytes large enough for a
                              bucket and the profile not stored */
  uint64_t cutoffs;        /* choice nodes whose remaining actions were skipped */
  specache_stats cache;    /* all zero unless caching */
} spe_stats;

typedef struct spe_options {
  game_tie tie;            /* follower tie-break (DESIGN §3) */
  scnfg_limits limits;     /* timeout and max_nodes are honoured */
  size_t max_profile;      /* store the profile if it has at most this many
                              entries (profile_size); 0: never store it */
  size_t max_outcomes;     /* outcomes listed with a stored profile */
  /* Pruning (exact; effective only in win/lose games, see spe_win_lose):
   * at a choice node the mover's remaining actions are skipped once an
   * action gives the mover its extreme value — the leader 1, the follower 1
   * (the leader 0). Values, the chosen actions and hence the path are those
   * of the unpruned search under every tie-break. Skipped subtrees leave
   * their profile entries PROFILE_NONE, so the profile is partial: it has an
   * action at every history of the equilibrium path, and at every explored
   * history h of leader value 1 the leader's policy is present at every
   * history below h consistent with it (all follower moves, all chance
   * outcomes) — a Skolem certificate when the root value is 1; mirror:
   * at value 0 the follower's policy is complete below (Herbrand). Completed
   * arbitrarily, the leader's (follower's) policy still guarantees it the
   * root value against every opponent strategy. */
  bool prune;
  /* The caller declares the game win/lose (2 players, the leader's reward 0
   * or 1 on every outcome, the follower's 1 minus it) when spe_win_lose
   * cannot see it. Checked at every visited leaf (spe_solve fails if a
   * visited leaf breaks it); a skipped leaf that breaks it makes the answer
   * wrong — the caller's responsibility. */
  bool win_lose;
  /* Budget in bytes of the cache of subgame values keyed by residual states
   * (solver/game/specache.h); 0: no cache. The cache is used only when the
   * profile is not stored (max_profile 0 or a profile over the limit): a hit
   * skips a subtree, whose profile entries would be missing. With the cache,
   * a state whose rewards are already determined is not expanded either. */
  size_t cache_bytes;
  spe_stats *stats;        /* if non-NULL, filled by spe_solve */
  /* If non-NULL (an empty DAG, solver/model/pdag.h, borrowed), and g is a
   * win/lose game without exogenous variables whose choices are binary: the
   * winner's policy of every explored subgame is recorded as a node (the
   * leader's where the subgame's value is 1, else the follower's; a cache
   * hit reuses the node stored with the value, so equal residual states
   * share it), and pdag_set_root gets the root's node once the search
   * completes. Valid under pruning: the winner's chosen action and every
   * loser action below it are explored. Otherwise the DAG is not touched
   * (its root stays -1). */
  struct pdag *policy;
} spe_options;

/* Defaults: strong, no limits, profiles up to 2^20 entries, 1000 outcomes,
 * no pruning, no declaration, no cache, no stats. */
void spe_options_init (spe_options *o);

/* True iff g is recognised, structurally and soundly, as a two-player
 * win/lose game: each player owns exactly one utility node, the leader's is
 * 0/1-valued (a Boolean operator, a Boolean variable, 0/1 constants and
 * table entries, products and if-then-else of such) and the follower's is
 * its negation (not(E) for the leader's E, or E for the leader's not(E)).
 * The games of reductions/qbf2game and gamegen --win-lose are recognised. */
bool spe_win_lose (const struct game *g);

/* Solves finished g (borrowed) into sol (initialised here; the caller clears
 * it with profile_solution_clear). Returns false with an ERROR_INPUT record
 * if g is not a perfect-information game, or if opt->win_lose is declared
 * and a visited outcome is not win/lose (nothing else fails). sol->status is
 * GAME_UNKNOWN if a limit was hit (sol->reason says which). Memory grows with
 * the number of variables, not with the tree, unless the profile is stored;
 * the cache adds at most opt->cache_bytes plus one key buffer per branching
 * level. Never prints. */
bool spe_solve (const struct game *g, const spe_options *opt, game_solution *sol, struct scnfg_error *err);

#endif

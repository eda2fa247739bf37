/* Achievable (follower, leader) reward pairs for pure commitment (SSE) and
 * S-CNE on perfect-information games without chance (sse.c): the pair-set
 * type and its operations, and the depth-first walk, pruned and cached
 * (pairs.c). Exact (mpq_t). */
#ifndef SCNFG_SOLVER_GAME_PAIRS_H
#define SCNFG_SOLVER_GAME_PAIRS_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/limits.h"
#include "solver/game/pairscache.h"
#include "solver/model/profile.h"

struct game;

/* A set of distinct pairs: v[2i] the follower's value, v[2i+1] the leader's. */
typedef struct pairs_set {
  size_t n, cap;
  mpq_t *v;
} pairs_set;

void pairs_set_init (pairs_set *p);
void pairs_set_clear (pairs_set *p);
/* Adds (f, l) unless present. */
void pairs_set_add (pairs_set *p, const mpq_t f, const mpq_t l);
bool pairs_set_has (const pairs_set *p, const mpq_t f, const mpq_t l);

/* True iff the follower prefers child i with pair (fi, li) to child j with
 * (fj, lj) under 'tie' (inst: the follower's instinct, or -1). */
bool pairs_beats (game_tie tie, int inst, unsigned i, const mpq_t fi, const mpq_t li, unsigned j, const mpq_t fj,
                  const mpq_t lj);
/* out = the achievable pairs of a follower node with children sets k[0..d-1]
 * (pair p of child i iff every other child j offers a threat q that makes
 * the follower prefer i), or of a leader node (their union). */
void pairs_follower (pairs_set *out, const pairs_set *k, unsigned d, game_tie tie, int inst);
void pairs_leader (pairs_set *out, const pairs_set *k, unsigned d);
/* The index of the best pair of non-empty p: leader value, then follower value. */
size_t pairs_best (const pairs_set *p);

/* Statistics of the walk. */
typedef struct pairs_stats {
  bool pairs;               /* the pairs walk ran */
  bool win_lose;            /* pruning dropped the leader-0 pair (a win/lose game, spe_win_lose) */
  uint64_t cutoffs;         /* choice nodes whose remaining actions were skipped */
  bool caching;             /* the cache was on */
  pairscache_stats cache;   /* all zero unless caching */
} pairs_stats;

typedef struct pairs_walk_opts {
  game_tie tie;
  bool unpruned;            /* the plain construction: no pruning, no cache */
  size_t cache_bytes;       /* pairscache budget (0: no cache) */
  const scnfg_limits *limits; /* started; timeout and max_nodes honoured */
} pairs_walk_opts;

/* Walks finished g (two players, perfect information, no exogenous
 * variables; borrowed): the best pair of the root into f (the follower's
 * value) and l (the leader's). Returns 0, or LIMITS_TIMEOUT /
 * LIMITS_NODE_LIMIT when a limit stopped it (f, l unspecified). *nodes gets
 * the nodes visited; st (may be NULL) the statistics. Memory: the sets along
 * one path plus the cache's budget. */
int pairs_walk (const struct game *g, const pairs_walk_opts *o, mpq_t f, mpq_t l, uint64_t *nodes, pairs_stats *st);

#endif

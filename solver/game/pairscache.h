/* A bounded, lazily grown cache of achievable-pair sets for the commitment
 * pairs walk (solver/game/sse.c), keyed by the exact residual state of a
 * history (specache.h: equal keys mean identical subgames, so equal pair
 * sets under every tie-break the key covers). */
#ifndef SCNFG_SOLVER_GAME_PAIRSCACHE_H
#define SCNFG_SOLVER_GAME_PAIRSCACHE_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct game;

typedef struct pairscache pairscache;

typedef struct pairscache_stats {
  uint64_t lookups;     /* keys looked up */
  uint64_t hits;        /* lookups answered from the table */
  uint64_t stores;      /* sets written into the table */
  uint64_t evictions;   /* valid entries overwritten or given up (collision or budget) */
  uint64_t determined;  /* states whose rewards no longer depend on the future */
  size_t slots;         /* slots of the table at the end (it doubles from 64 while within budget) */
  size_t bytes;         /* bytes accounted at the end (slots, keys, pair values with their limbs) */
  size_t peak;          /* the most bytes accounted at any time (never above the budget) */
} pairscache_stats;

/* A new cache for finished g (borrowed; outlives the cache) with a budget of
 * 'bytes' for its table (the key machinery of specache_new_keys comes on
 * top: one key buffer per branching level). 'instinct_ties': the walk reads
 * the follower's instincts (instinct-* tie-breaks). The table starts at 64
 * slots and doubles while the budget allows. Returns NULL if 'bytes' cannot
 * hold the first 64 slots. */
pairscache *pairscache_new (const struct game *g, bool instinct_ties, size_t bytes);
void pairscache_free (pairscache *c);

/* The key of the state at position k of g->order (a branching variable),
 * vals[order[0..k)] fixed. Returns true iff every utility is determined; then
 * out[p] (nplayers, initialised) is player p's reward at every leaf below. */
bool pairscache_key (pairscache *c, unsigned k, const int *vals, mpq_t *out);
/* Looks up level k's key: on a hit *n pairs in *v (v[2i] follower, v[2i+1]
 * leader; owned by the cache, valid until the next store) and true. */
bool pairscache_lookup (pairscache *c, unsigned k, size_t *n, const mpq_t **v);
/* Stores n pairs v[0..2n) under level k's key (may drop it to stay within
 * the budget). */
void pairscache_store (pairscache *c, unsigned k, size_t n, const mpq_t *v);

void pairscache_get_stats (const pairscache *c, pairscache_stats *st);

#endif

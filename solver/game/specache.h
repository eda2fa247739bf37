/* A bounded cache of subgame values for the SPE search (solver/game/spe.c),
 * keyed by the exact residual state of a history (see specache.c for the
 * key and the argument that equal keys mean identical subgames). */
#ifndef SCNFG_SOLVER_GAME_SPECACHE_H
#define SCNFG_SOLVER_GAME_SPECACHE_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct game;

typedef struct specache specache;

typedef struct specache_stats {
  uint64_t lookups;     /* keys looked up */
  uint64_t hits;        /* lookups answered from the table */
  uint64_t stores;      /* values written into the table */
  uint64_t evictions;   /* valid entries overwritten or dropped (collision or budget) */
  uint64_t determined;  /* states whose rewards no longer depend on the future */
  size_t entries;       /* slots in the table */
  size_t bytes;         /* bytes accounted (slots, keys, GMP limbs) at the end */
} specache_stats;

/* A new cache for finished g (borrowed; must outlive the cache) using at
 * most 'bytes' bytes for its table (slots, keys and the limbs of the stored
 * values; the per-level key buffers, which grow with the number of
 * variables, come on top). 'instinct_ties' says whether the search reads the
 * instincts of the follower's stages (instinct-* tie-breaks), so that the
 * key covers them. Returns NULL if 'bytes' cannot hold a single bucket. */
specache *specache_new (const struct game *g, bool instinct_ties, size_t bytes);
void specache_free (specache *c);

/* Computes the key of the state at position k of g->order (a branching
 * variable) with vals[order[0..k)] fixed, into level k's buffer. Returns true
 * iff every utility node is already determined; then out[p] (nplayers,
 * initialised) gets player p's reward, the same at every leaf below. */
bool specache_key (specache *c, unsigned k, const int *vals, mpq_t *out);
/* Looks up level k's key (computed by specache_key); on a hit copies the
 * stored values into out[] and returns true. */
bool specache_lookup (specache *c, unsigned k, mpq_t *out);
/* Stores val[] (nplayers) under level k's key (replacing on collision). */
void specache_store (specache *c, unsigned k, const mpq_t *val);
/* The same with an int the caller attaches to the value (spe: the policy DAG
 * node of the subgame, solver/model/pdag.h); a lookup hands it back (tag
 * non-NULL). specache_store stores tag 0. */
void specache_store_tag (specache *c, unsigned k, const mpq_t *val, int tag);
bool specache_lookup_tag (specache *c, unsigned k, mpq_t *out, int *tag);

void specache_get_stats (const specache *c, specache_stats *st);

/* Keys only, for other caches keyed by the same residual states
 * (solver/game/pairscache.h): a cache whose table is the smallest possible
 * (one bucket; never stored into), and a view of level k's key computed by
 * specache_key (valid until the next specache_key at position k). */
specache *specache_new_keys (const struct game *g, bool instinct_ties);
void specache_key_view (const specache *c, unsigned k, const unsigned char **key, size_t *len, uint64_t *hash);

#endif

/* Lazily grown cache of achievable-pair sets (pairscache.h).
 *
 * Keys are those of the SPE cache (specache.c, which argues that equal keys
 * mean identical subgames: the same tree of future choices, the same reward
 * vectors at corresponding leaves and the same instincts). The achievable
 * pairs of a subtree are a function of that subgame and the tie-break only,
 * so a stored set is exact for every history with the same key. Full keys are
 * stored and compared: no false hits.
 *
 * The table: buckets of two slots (the first kept for the shallowest entry,
 * the second always replaced), starting at 64 slots; a store that would
 * overwrite a valid entry while at least a quarter of the slots are in use
 * first doubles the table if the doubled slot array still fits the budget (entries are rehashed; two that meet in one bucket
 * keep the shallower). Keys and pair values are allocated per entry and
 * count against the budget with their GMP limbs; an entry that would break
 * the budget is not kept. */
#include "solver/game/pairscache.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "solver/game/specache.h"
#include "solver/model/game.h"

#define FIRST_SLOTS 64
#define EMPTY UINT32_MAX

typedef struct pslot {
  uint64_t hash;
  uint32_t k;             /* EMPTY: unused */
  uint32_t len;           /* key bytes */
  size_t n;               /* pairs */
  unsigned char *key;
  mpq_t *v;               /* 2n values */
  size_t bytes;           /* accounted for key and values */
} pslot;

struct pairscache {
  specache *keys;
  size_t nslots;
  size_t nused;           /* slots holding an entry */
  pslot *slots;
  size_t budget, used;
  pairscache_stats stats;
};

static size_t entry_bytes (size_t len, size_t n, const mpq_t *v) {
  size_t b = len + 2 * n * sizeof (mpq_t);
  for (size_t i = 0; i < 2 * n; i++)
    b += (size_t) (mpq_numref (v[i])->_mp_alloc + mpq_denref (v[i])->_mp_alloc) * sizeof (mp_limb_t);
  return b;
}

static pslot *new_slots (size_t n) {
  pslot *s = mem_calloc (n, sizeof *s);
  for (size_t i = 0; i < n; i++) s[i].k = EMPTY;
  return s;
}

pairscache *pairscache_new (const game *g, bool instinct_ties, size_t bytes) {
  if (bytes < FIRST_SLOTS * sizeof (pslot)) return NULL;
  pairscache *c = mem_calloc (1, sizeof *c);
  c->keys = specache_new_keys (g, instinct_ties);
  c->nslots = FIRST_SLOTS;
  c->slots = new_slots (c->nslots);
  c->budget = bytes;
  c->used = c->nslots * sizeof (pslot);
  c->stats.peak = c->used;
  return c;
}

static void drop (pairscache *c, pslot *s) {
  if (s->k == EMPTY) return;
  for (size_t i = 0; i < 2 * s->n; i++) mpq_clear (s->v[i]);
  free (s->v), free (s->key);
  c->used -= s->bytes;
  c->nused--;
  memset (s, 0, sizeof *s);
  s->k = EMPTY;
}

void pairscache_free (pairscache *c) {
  if (!c) return;
  for (size_t i = 0; i < c->nslots; i++) drop (c, &c->slots[i]);
  free (c->slots);
  specache_free (c->keys);
  free (c);
}

bool pairscache_key (pairscache *c, unsigned k, const int *vals, mpq_t *out) {
  bool det = specache_key (c->keys, k, vals, out);
  c->stats.determined += det;
  return det;
}

bool pairscache_lookup (pairscache *c, unsigned k, size_t *n, const mpq_t **v) {
  const unsigned char *key;
  size_t len;
  uint64_t h;
  specache_key_view (c->keys, k, &key, &len, &h);
  c->stats.lookups++;
  size_t b = (size_t) (h % (c->nslots / 2)) * 2;
  for (size_t i = b; i < b + 2; i++) {
    const pslot *s = &c->slots[i];
    if (s->k == k && s->hash == h && s->len == len && !memcmp (s->key, key, len)) {
      *n = s->n, *v = (const mpq_t *) s->v;
      c->stats.hits++;
      return true;
    }
  }
  return false;
}

/* Moves entry e into bucket b: the first slot keeps the shallower entry, the
 * second takes the other (a valid entry pushed out of it is dropped). */
static void place (pairscache *c, pslot *e) {
  size_t b = (size_t) (e->hash % (c->nslots / 2)) * 2;
  pslot *deep = &c->slots[b], *any = &c->slots[b + 1];
  pslot *to = any;
  if (deep->k == EMPTY || e->k <= deep->k) {
    if (deep->k != EMPTY) {
      if (any->k != EMPTY) drop (c, any), c->stats.evictions++;
      *any = *deep;
    }
    to = deep;
  } else if (any->k != EMPTY) {
    drop (c, any), c->stats.evictions++;
  }
  *to = *e;
}

/* Doubles the table if the doubled slot array fits the budget. */
static void grow (pairscache *c) {
  size_t more = c->nslots * sizeof (pslot);
  if (c->used > c->budget || more > c->budget - c->used) return;
  pslot *old = c->slots;
  size_t n = c->nslots;
  c->nslots *= 2;
  c->slots = new_slots (c->nslots);
  c->used += more;
  for (size_t i = 0; i < n; i++)
    if (old[i].k != EMPTY) place (c, &old[i]);
  free (old);
}

void pairscache_store (pairscache *c, unsigned k, size_t n, const mpq_t *v) {
  const unsigned char *key;
  size_t len;
  uint64_t h;
  specache_key_view (c->keys, k, &key, &len, &h);
  size_t b = (size_t) (h % (c->nslots / 2)) * 2;
  if (c->slots[b].k != EMPTY && c->slots[b + 1].k != EMPTY && 4 * c->nused >= c->nslots) {
    grow (c);
    b = (size_t) (h % (c->nslots / 2)) * 2;
  }
  size_t eb = entry_bytes (len, n, v);
  if (c->used > c->budget || eb > c->budget - c->used) { /* would break the budget: not kept */
    c->stats.evictions++;
    return;
  }
  pslot e = {.hash = h, .k = k, .len = (uint32_t) len, .n = n, .bytes = 0};
  e.key = mem_alloc (len ? len : 1);
  memcpy (e.key, key, len);
  e.v = mem_alloc ((2 * n + 1) * sizeof *e.v);
  for (size_t i = 0; i < 2 * n; i++) mpq_init (e.v[i]), mpq_set (e.v[i], v[i]);
  e.bytes = entry_bytes (len, n, (const mpq_t *) e.v);
  c->used += e.bytes;
  c->nused++;
  if (c->used > c->budget) { /* the copies' limbs broke it */
    drop (c, &e);
    c->stats.evictions++;
    return;
  }
  if (c->used > c->stats.peak) c->stats.peak = c->used;
  place (c, &e);
  c->stats.stores++;
}

void pairscache_get_stats (const pairscache *c, pairscache_stats *st) {
  *st = c->stats;
  st->slots = c->nslots;
  st->bytes = c->used;
}

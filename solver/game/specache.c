/* Bounded cache of subgame values keyed by residual states (specache.h).
 *
 * Method: a transposition table (Greenblatt et al. 1967; Zobrist 1970) over
 * the residual game, as in DPLL-style QBF/SSAT solvers that cache residual
 * formulas (Majercik & Littman 1998, "MAXPLAN"; Kleine Büning & Bubeck's
 * survey of QBF search). The key of a state is computed by three-valued
 * (Kleene) evaluation, the way a residual formula is simplified.
 *
 * The state. At position k of g->order the variables order[0..k) are fixed
 * (the history) and the rest are future: branching variables (actions,
 * exogenous) still to be chosen or drawn, endogenous variables still to be
 * computed. The *items* are the expressions the search reads below position
 * k: the equation of every future endogenous variable, the active-if and —
 * where the search reads it (layer-1 stages; the follower's stages under an
 * instinct-* tie-break) — the instinct of every future action, and every
 * utility node. Each item is evaluated three-valued with the future
 * branching variables unknown (future endogenous variables take their own
 * three-valued values): "determined" (the same value under every completion
 * — Kleene evaluation is sound) or "undetermined". An item is *relevant* if
 * it is a utility, an active-if or an instinct, or an endogenous variable
 * read by a relevant undetermined item.
 *
 * The key is: k; for every item in a fixed order, 'irrelevant', 'undetermined'
 * or its value; then the values of the fixed variables read directly by
 * relevant undetermined items (in fixing order). Given k the layout is fixed
 * by the statuses, so equal keys mean equal statuses and equal values.
 *
 * Claim: two histories with equal keys have identical subgames. The subgame
 * below position k is the tree of future branching variables (their domains,
 * priors, owners and positions are static) together with, as functions of
 * the future choices, which stages are active, the instincts the search
 * reads, and every player's reward (the sum of its utility nodes). These are
 * relevant items. By induction along the fixing order, every relevant item
 * is the same function of the future in both histories: a determined one is
 * the same constant; an undetermined one reads fixed variables (equal values:
 * they are in the key) and future variables — branching ones (the same free
 * arguments) or endogenous ones that are relevant (it reads them) and come
 * earlier, hence the same function by induction. Irrelevant items are read
 * by nothing that matters. So the two subgames have the same tree, the same
 * reward vectors at corresponding leaves and the same instincts; backward
 * induction with any tie-break (which reads only rewards, action indices and
 * instincts) returns the same value vector for every player — the leader's
 * and the follower's values both, so a cached value is also right for the
 * tie-breaks above it. No false hits: full keys are stored and compared.
 *
 * The table: buckets of two slots (one kept for the shallowest entry, one
 * always replaced), values as mpq_t whose limbs count against the budget. */
#include "solver/game/specache.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "solver/model/game.h"

#define U LONG_MIN /* unknown */

enum { ITEM_ENDO, ITEM_ACTIVE, ITEM_INSTINCT, ITEM_UTIL };

typedef struct item {
  const game_expr *e;
  int var;          /* ITEM_ENDO: the variable; ITEM_UTIL: the owner */
  unsigned kind;
  unsigned nvals;   /* value codes 0..nvals-1 (ITEM_UTIL: any long) */
  unsigned width;   /* bits of the status code */
  unsigned nreads;
  int *reads;       /* distinct variables read */
} item;

typedef struct slot {
  uint64_t hash;
  uint32_t k;       /* UINT32_MAX: empty */
  uint32_t len;     /* key bytes */
  int tag;          /* the caller's tag of the value (spe: its policy DAG node) */
  mpq_t *val;       /* np values, NULL when empty */
} slot;

struct specache {
  const game *g;
  unsigned np;
  unsigned nitems;
  item *items;
  unsigned *first;  /* first[k]: first item at position >= k (size nfixed + 1) */
  unsigned *vbits;  /* bits of a fixed variable's value */
  long *val3;       /* three-valued values of future variables */
  long *st;         /* per item: its status value (U or the value) */
  unsigned *stamp;  /* per variable: == epoch if relevant (future) / needed (fixed) */
  unsigned epoch;
  size_t keycap;    /* bytes per key (multiple of 8) */
  unsigned *lev;    /* position -> its level: branching positions only */
  unsigned char *lkeys; /* per level (branching position): the key */
  uint32_t *llen;
  uint64_t *lhash;
  /* the table */
  size_t nslots;
  slot *slots;
  unsigned char *skeys; /* nslots * keycap */
  size_t budget, used;
  mpq_t tmp;
  specache_stats stats;
};

static unsigned bits_for (unsigned long n) { /* bits to write 0..n */
  unsigned b = 0;
  while (n) b++, n >>= 1;
  return b;
}

static void collect_reads (const game_expr *e, int **r, unsigned *n, size_t *cap) {
  if (!e) return;
  int tmp[1];
  const int *vs = tmp;
  unsigned nv = 0;
  if (e->op == GAME_VAR || e->op == GAME_EQ) tmp[0] = e->var, nv = 1;
  else if (e->op == GAME_TABLE) vs = e->parents, nv = e->nparents;
  for (unsigned i = 0; i < nv; i++) {
    bool seen = false;
    for (unsigned j = 0; j < *n && !seen; j++) seen = (*r)[j] == vs[i];
    if (seen) continue;
    mem_reserve ((void **) r, cap, *n + 1, sizeof **r);
    (*r)[(*n)++] = vs[i];
  }
  for (unsigned i = 0; i < e->nkids; i++) collect_reads (e->kids[i], r, n, cap);
}

static void add_item (specache *c, size_t *cap, const game_expr *e, int var, unsigned kind, unsigned nvals) {
  mem_reserve ((void **) &c->items, cap, c->nitems + 1, sizeof *c->items);
  item *it = &c->items[c->nitems++];
  memset (it, 0, sizeof *it);
  it->e = e, it->var = var, it->kind = kind, it->nvals = nvals;
  it->width = kind == ITEM_UTIL ? 2 : bits_for (nvals + 1);
  size_t rc = 0;
  collect_reads (e, &it->reads, &it->nreads, &rc);
}

static size_t slot_fixed_bytes (const specache *c) { return sizeof (slot) + c->keycap; }

static size_t value_bytes (const specache *c, const mpq_t *v) {
  size_t b = c->np * sizeof (mpq_t);
  for (unsigned p = 0; p < c->np; p++)
    b += (size_t) (mpq_numref (v[p])->_mp_alloc + mpq_denref (v[p])->_mp_alloc) * sizeof (mp_limb_t);
  return b;
}

specache *specache_new (const game *g, bool instinct_ties, size_t bytes) {
  specache *c = mem_calloc (1, sizeof *c);
  mpq_init (c->tmp);
  c->g = g;
  c->np = g->nplayers;
  size_t cap = 0;
  c->first = mem_alloc ((g->nfixed + 1) * sizeof *c->first);
  for (unsigned j = 0; j < g->nfixed; j++) {
    c->first[j] = c->nitems;
    int v = g->order[j];
    const game_var *x = &g->vars[v];
    if (x->kind == GAME_ENDOGENOUS) add_item (c, &cap, x->expr, v, ITEM_ENDO, x->domain);
    if (x->kind != GAME_ACTION) continue;
    if (x->active_if) add_item (c, &cap, x->active_if, v, ITEM_ACTIVE, 2);
    bool inst = x->layers == GAME_L1 || (instinct_ties && x->player != g->leader);
    if (inst && x->expr) add_item (c, &cap, x->expr, v, ITEM_INSTINCT, x->domain);
  }
  c->first[g->nfixed] = c->nitems;
  for (unsigned j = g->nfixed; j < g->nvars; j++) {
    int v = g->order[j];
    add_item (c, &cap, g->vars[v].expr, g->vars[v].player, ITEM_UTIL, 0);
  }
  size_t bits = 32;
  for (unsigned i = 0; i < c->nitems; i++) bits += c->items[i].width + (c->items[i].kind == ITEM_UTIL ? 64 : 0);
  c->vbits = mem_alloc ((g->nvars + 1) * sizeof *c->vbits);
  for (unsigned v = 0; v < g->nvars; v++) {
    c->vbits[v] = g->vars[v].domain > 1 ? bits_for (g->vars[v].domain - 1) : 0;
    if (g->vars[v].kind != GAME_UTILITY) bits += c->vbits[v];
  }
  c->keycap = (bits + 63) / 64 * 8;
  c->val3 = mem_alloc ((g->nvars + 1) * sizeof *c->val3);
  c->st = mem_alloc ((c->nitems + 1) * sizeof *c->st);
  c->stamp = mem_calloc (g->nvars + 1, sizeof *c->stamp);
  /* key buffers for branching positions only: depth x key size */
  c->lev = mem_alloc ((g->nfixed + 1) * sizeof *c->lev);
  unsigned nl = 0;
  for (unsigned j = 0; j < g->nfixed; j++) {
    const game_var *x = &g->vars[g->order[j]];
    c->lev[j] = nl;
    if (x->kind == GAME_EXOGENOUS || x->kind == GAME_ACTION) nl++;
  }
  c->lkeys = mem_calloc ((size_t) (nl + 1) * c->keycap, 1);
  c->llen = mem_calloc (nl + 1, sizeof *c->llen);
  c->lhash = mem_calloc (nl + 1, sizeof *c->lhash);
  /* slots: fixed part plus an estimate of a stored value (1 limb each) */
  size_t est = slot_fixed_bytes (c) + c->np * (sizeof (mpq_t) + 2 * sizeof (mp_limb_t));
  c->nslots = bytes / est / 2 * 2;
  if (c->nslots == 0) {
    specache_free (c);
    return NULL;
  }
  c->slots = mem_alloc (c->nslots * sizeof *c->slots);
  for (size_t i = 0; i < c->nslots; i++) c->slots[i].k = UINT32_MAX, c->slots[i].val = NULL;
  c->skeys = mem_alloc (c->nslots * c->keycap);
  c->budget = bytes;
  c->used = c->nslots * slot_fixed_bytes (c);
  c->stats.entries = c->nslots;
  return c;
}

static void drop (specache *c, slot *s) {
  if (s->val) {
    c->used -= value_bytes (c, (const mpq_t *) s->val);
    for (unsigned p = 0; p < c->np; p++) mpq_clear (s->val[p]);
    free (s->val);
    s->val = NULL;
  }
  s->k = UINT32_MAX;
}

void specache_free (specache *c) {
  if (!c) return;
  for (size_t i = 0; i < c->nslots; i++) drop (c, &c->slots[i]);
  for (unsigned i = 0; i < c->nitems; i++) free (c->items[i].reads);
  free (c->items), free (c->first), free (c->vbits), free (c->val3), free (c->st), free (c->stamp);
  free (c->lev), free (c->lkeys), free (c->llen), free (c->lhash), free (c->slots), free (c->skeys);
  mpq_clear (c->tmp);
  free (c);
}

/* ---- three-valued evaluation ------------------------------------------ */

static inline long get3 (const specache *c, int w, unsigned k, const int *vals) {
  return c->g->vars[w].rank < k ? vals[w] : c->val3[w];
}

static long ev3 (const specache *c, const game_expr *e, unsigned k, const int *vals) {
  switch (e->op) {
  case GAME_CONST: return e->k;
  case GAME_VAR: return get3 (c, e->var, k, vals);
  case GAME_EQ: {
    long x = get3 (c, e->var, k, vals);
    return x == U ? U : x == e->k;
  }
  case GAME_NOT: {
    long x = ev3 (c, e->kids[0], k, vals);
    return x == U ? U : !x;
  }
  case GAME_AND:
  case GAME_OR: {
    bool unknown = false, want = e->op == GAME_OR; /* the deciding truth value */
    for (unsigned i = 0; i < e->nkids; i++) {
      long x = ev3 (c, e->kids[i], k, vals);
      if (x == U) unknown = true;
      else if ((x != 0) == want) return want;
    }
    return unknown ? U : !want;
  }
  case GAME_XOR: {
    long r = 0;
    for (unsigned i = 0; i < e->nkids; i++) {
      long x = ev3 (c, e->kids[i], k, vals);
      if (x == U) return U;
      r ^= x != 0;
    }
    return r;
  }
  case GAME_ITE: {
    long x = ev3 (c, e->kids[0], k, vals);
    if (x != U) return ev3 (c, e->kids[x ? 1 : 2], k, vals);
    long a = ev3 (c, e->kids[1], k, vals), b = ev3 (c, e->kids[2], k, vals);
    return a != U && a == b ? a : U;
  }
  case GAME_TABLE: {
    if (!e->ivals) return U;
    size_t idx = 0;
    for (unsigned i = 0; i < e->nparents; i++) {
      long x = get3 (c, e->parents[i], k, vals);
      if (x == U) return U;
      idx = idx * e->pdom[i] + (size_t) x;
    }
    return e->ivals[idx];
  }
  case GAME_SUM:
  case GAME_PROD: return U; /* not integral: never reached (see item_eval) */
  }
  return U;
}

static long item_eval (const specache *c, const item *it, unsigned k, const int *vals) {
  if (!it->e->integral) return U;
  long x = ev3 (c, it->e, k, vals);
  if (x == U || it->kind == ITEM_UTIL) return x;
  if (it->kind == ITEM_ACTIVE) return x != 0;
  return x >= 0 && (unsigned long) x < it->nvals ? x : U; /* out of range: keep it undetermined (safe) */
}

/* ---- keys ---------------------------------------------------------------- */

typedef struct bitw {
  unsigned char *p;
  size_t bit;
} bitw;

static void put (bitw *w, uint64_t x, unsigned n) {
  for (unsigned i = 0; i < n; i++, w->bit++)
    if ((x >> i) & 1) w->p[w->bit >> 3] |= (unsigned char) (1u << (w->bit & 7));
}

static void mark_reads (specache *c, const item *it, unsigned k) {
  for (unsigned r = 0; r < it->nreads; r++) {
    int w = it->reads[r];
    if (c->g->vars[w].rank < k || c->g->vars[w].kind == GAME_ENDOGENOUS) c->stamp[w] = c->epoch;
  }
}

static uint64_t hash_key (const unsigned char *p, size_t n) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
  for (size_t i = 0; i < n; i += 8) {
    uint64_t w;
    memcpy (&w, p + i, 8);
    h ^= w;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 31;
  }
  return h;
}

bool specache_key (specache *c, unsigned k, const int *vals, mpq_t *out) {
  const game *g = c->g;
  unsigned f = c->first[k];
  /* forward: statuses */
  bool all_util = true;
  for (unsigned j = k; j < g->nfixed; j++) {
    int v = g->order[j];
    c->val3[v] = U;
  }
  for (unsigned i = f; i < c->nitems; i++) {
    const item *it = &c->items[i];
    long x = item_eval (c, it, k, vals);
    c->st[i] = x;
    if (it->kind == ITEM_ENDO) c->val3[it->var] = x;
    if (it->kind == ITEM_UTIL && x == U) all_util = false;
  }
  if (all_util) {
    for (unsigned p = 0; p < c->np; p++) mpq_set_ui (out[p], 0, 1);
    for (unsigned i = c->first[g->nfixed]; i < c->nitems; i++) {
      mpq_set_si (c->tmp, c->st[i], 1);
      mpq_add (out[c->items[i].var], out[c->items[i].var], c->tmp);
    }
    c->stats.determined++;
    return true;
  }
  /* backward: relevance */
  if (++c->epoch == 0) {
    memset (c->stamp, 0, (g->nvars + 1) * sizeof *c->stamp);
    c->epoch = 1;
  }
  for (unsigned i = c->nitems; i-- > f;) {
    const item *it = &c->items[i];
    bool rel = it->kind != ITEM_ENDO || c->stamp[it->var] == c->epoch;
    if (rel && c->st[i] == U) mark_reads (c, it, k);
  }
  /* emit */
  unsigned l = c->lev[k];
  unsigned char *key = c->lkeys + (size_t) l * c->keycap;
  memset (key, 0, c->keycap);
  bitw w = {key, 0};
  put (&w, k, 32);
  for (unsigned i = f; i < c->nitems; i++) {
    const item *it = &c->items[i];
    if (it->kind == ITEM_ENDO && c->stamp[it->var] != c->epoch) put (&w, 0, it->width);
    else if (c->st[i] == U) put (&w, 1, it->width);
    else if (it->kind == ITEM_UTIL) put (&w, 2, 2), put (&w, (uint64_t) c->st[i], 64);
    else put (&w, 2 + (uint64_t) c->st[i], it->width);
  }
  for (unsigned j = 0; j < k; j++) {
    int v = g->order[j];
    if (c->stamp[v] == c->epoch) put (&w, (uint64_t) vals[v], c->vbits[v]);
  }
  size_t len = (w.bit + 63) / 64 * 8;
  c->llen[l] = (uint32_t) len;
  c->lhash[l] = hash_key (key, len);
  return false;
}

static bool same (const specache *c, const slot *s, size_t si, unsigned k) {
  unsigned l = c->lev[k];
  return s->k == k && s->hash == c->lhash[l] && s->len == c->llen[l] &&
         !memcmp (c->skeys + si * c->keycap, c->lkeys + (size_t) l * c->keycap, s->len);
}

bool specache_lookup (specache *c, unsigned k, mpq_t *out) { return specache_lookup_tag (c, k, out, NULL); }

bool specache_lookup_tag (specache *c, unsigned k, mpq_t *out, int *tag) {
  c->stats.lookups++;
  size_t b = (size_t) (c->lhash[c->lev[k]] % (c->nslots / 2)) * 2;
  for (size_t si = b; si < b + 2; si++) {
    slot *s = &c->slots[si];
    if (same (c, s, si, k)) {
      for (unsigned p = 0; p < c->np; p++) mpq_set (out[p], s->val[p]);
      if (tag) *tag = s->tag;
      c->stats.hits++;
      return true;
    }
  }
  return false;
}

static void write_slot (specache *c, size_t si, unsigned k, const mpq_t *val, int tag) {
  slot *s = &c->slots[si];
  s->tag = tag;
  if (s->k != UINT32_MAX) c->stats.evictions++;
  if (!s->val) {
    s->val = mem_alloc (c->np * sizeof *s->val);
    for (unsigned p = 0; p < c->np; p++) mpq_init (s->val[p]);
  } else {
    c->used -= value_bytes (c, (const mpq_t *) s->val);
  }
  for (unsigned p = 0; p < c->np; p++) mpq_set (s->val[p], val[p]);
  c->used += value_bytes (c, (const mpq_t *) s->val);
  unsigned l = c->lev[k];
  s->k = k, s->hash = c->lhash[l], s->len = c->llen[l];
  memcpy (c->skeys + si * c->keycap, c->lkeys + (size_t) l * c->keycap, s->len);
  if (c->used > c->budget) { /* the limbs would break the budget: give the slot up */
    drop (c, s);
    c->stats.evictions++;
    return;
  }
  c->stats.stores++;
}

void specache_store (specache *c, unsigned k, const mpq_t *val) { specache_store_tag (c, k, val, 0); }

void specache_store_tag (specache *c, unsigned k, const mpq_t *val, int tag) {
  size_t b = (size_t) (c->lhash[c->lev[k]] % (c->nslots / 2)) * 2;
  slot *deep = &c->slots[b], *any = &c->slots[b + 1];
  if (deep->k == UINT32_MAX || k <= deep->k) {
    /* the shallow-preferred slot takes it; its old entry moves to the other */
    if (deep->k != UINT32_MAX) {
      slot t = *any;
      *any = *deep;
      *deep = t;
      memcpy (c->skeys + (b + 1) * c->keycap, c->skeys + b * c->keycap, any->len);
      if (deep->k != UINT32_MAX) deep->k = UINT32_MAX, c->stats.evictions++; /* its value storage is reused */
    }
    write_slot (c, b, k, val, tag);
  } else {
    write_slot (c, b + 1, k, val, tag);
  }
}

void specache_get_stats (const specache *c, specache_stats *st) {
  *st = c->stats;
  st->bytes = c->used;
}

specache *specache_new_keys (const game *g, bool instinct_ties) {
  specache *c = NULL;
  for (size_t b = 1024; !c; b *= 2) c = specache_new (g, instinct_ties, b); /* the smallest budget holding a bucket */
  return c;
}

void specache_key_view (const specache *c, unsigned k, const unsigned char **key, size_t *len, uint64_t *hash) {
  unsigned l = c->lev[k];
  *key = c->lkeys + (size_t) l * c->keycap;
  *len = c->llen[l];
  *hash = c->lhash[l];
}

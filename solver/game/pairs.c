/* Achievable pairs (pairs.h).
 *
 * S(n) is the set of (follower, leader) reward pairs the leader can bring
 * about in the subtree of n by a pure commitment, the follower
 * best-responding with the tie-break (the pure form of Letchford & Conitzer,
 * "Computing optimal strategies to commit to in extensive-form games", EC
 * 2010): a leaf gives its pair; a leader node the union of its children; at
 * a follower node, pair p of child i is achievable iff for every other child
 * j the leader can commit in j to some pair q that makes the follower choose
 * i over j (q's follower value below p's, or equal and the tie order prefers
 * i): the threat. Subtrees are independent, so threats are chosen per child.
 * The leader's value is the best pair at the root (leader value, then
 * follower value). The walk is depth-first.
 *
 * Pruning (unless o->unpruned; exact). Write p* for the pair (follower 1,
 * leader 0) of a win/lose game (spe_win_lose: every outcome is (0, 1) or
 * (1, 0)). (a) p* never makes another pair achievable: as a threat against
 * q it needs q's follower value above 1, or equal, i.e. q = p*. So for every
 * q != p*, q in S(n) does not depend on whether p* is in the children's
 * sets, and the walk computes S(n) minus p* exactly, by induction (a leaf
 * with p* gives the empty set; an empty child offers no threat, as {p*}
 * offers none to q != p*). (b) At the root p* is the worst pair (leader 0),
 * and S(root) is never empty (the follower's actual replies to any
 * commitment give a pair), so the answer is the best pair of S(root) minus
 * p*, or p* if that is empty. (c) The pruned universe is {(0, 1)}: a leader
 * node stops at its first child whose set is non-empty (the union cannot
 * grow), a follower node at its first child whose set is empty (no other
 * child's pair has a threat there and that child has none to offer). Under
 * every tie-break: the argument uses follower values only. Rational rewards:
 * with the cache, a state whose rewards are already determined (specache.h)
 * has the single pair of its rewards at every leaf below, and so S = that
 * pair whatever the tree (a leader unites, a follower keeps the pair of the
 * child the tie order prefers). Cache: equal residual keys mean identical
 * subgames (specache.c), hence equal sets (pairscache.c).
 *
 */
#include "solver/game/pairs.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/require.h"
#include "solver/game/spe.h"
#include "solver/model/game.h"

void pairs_set_init (pairs_set *p) { memset (p, 0, sizeof *p); }

void pairs_set_clear (pairs_set *p) {
  for (size_t i = 0; i < 2 * p->cap; i++) mpq_clear (p->v[i]);
  free (p->v);
  memset (p, 0, sizeof *p);
}

void pairs_set_add (pairs_set *p, const mpq_t f, const mpq_t l) {
  for (size_t i = 0; i < p->n; i++)
    if (mpq_equal (p->v[2 * i], f) && mpq_equal (p->v[2 * i + 1], l)) return;
  if (p->n == p->cap) {
    size_t nc = p->cap ? 2 * p->cap : 2;
    p->v = mem_realloc (p->v, 2 * nc * sizeof *p->v);
    for (size_t i = 2 * p->cap; i < 2 * nc; i++) mpq_init (p->v[i]);
    p->cap = nc;
  }
  mpq_set (p->v[2 * p->n], f), mpq_set (p->v[2 * p->n + 1], l);
  p->n++;
}

bool pairs_set_has (const pairs_set *p, const mpq_t f, const mpq_t l) {
  for (size_t i = 0; i < p->n; i++)
    if (mpq_equal (p->v[2 * i], f) && mpq_equal (p->v[2 * i + 1], l)) return true;
  return false;
}

/* True iff the follower prefers child i with pair (fi, li) to child j with
 * (fj, lj) in the tie order of 'tie' (inst: the instinct). */
bool pairs_beats (game_tie tie, int inst, unsigned i, const mpq_t fi, const mpq_t li, unsigned j, const mpq_t fj,
                   const mpq_t lj) {
  int c = mpq_cmp (fi, fj);
  if (c) return c > 0;
  if (tie >= GAME_TIE_INSTINCT_STRONG) {
    if ((int) i == inst) return true;
    if ((int) j == inst) return false;
    tie = (game_tie) (tie - GAME_TIE_INSTINCT_STRONG);
  }
  int cl = mpq_cmp (li, lj);
  if (tie == GAME_TIE_STRONG && cl) return cl > 0;
  if (tie == GAME_TIE_WEAK && cl) return cl < 0;
  return i < j;
}

/* out = achievable pairs at a follower node with children sets k[0..d-1]. */
void pairs_follower (pairs_set *out, const pairs_set *k, unsigned d, game_tie tie, int inst) {
  out->n = 0;
  for (unsigned i = 0; i < d; i++)
    for (size_t a = 0; a < k[i].n; a++) {
      const mpq_t *p = k[i].v + 2 * a;
      bool ok = true;
      for (unsigned j = 0; j < d && ok; j++) {
        if (j == i) continue;
        bool threat = false;
        for (size_t b = 0; b < k[j].n && !threat; b++)
          threat = pairs_beats (tie, inst, i, p[0], p[1], j, k[j].v[2 * b], k[j].v[2 * b + 1]);
        ok = threat;
      }
      if (ok) pairs_set_add (out, p[0], p[1]);
    }
}

void pairs_leader (pairs_set *out, const pairs_set *k, unsigned d) {
  out->n = 0;
  for (unsigned i = 0; i < d; i++)
    for (size_t a = 0; a < k[i].n; a++) pairs_set_add (out, k[i].v[2 * a], k[i].v[2 * a + 1]);
}

/* The best pair of p: leader value, then follower value. */
size_t pairs_best (const pairs_set *p) {
  size_t b = 0;
  for (size_t i = 1; i < p->n; i++) {
    int c = mpq_cmp (p->v[2 * i + 1], p->v[2 * b + 1]);
    if (c > 0 || (c == 0 && mpq_cmp (p->v[2 * i], p->v[2 * b]) > 0)) b = i;
  }
  return b;
}

/* The cache is consulted only above this many remaining branching levels
 * (as the SPE cache). */
#define PAIRS_CACHE_MIN_LEVELS 3

typedef struct pwalk {
  const game *g;
  const pairs_walk_opts *o;
  int L, F;          /* player indices */
  int *vals;
  mpq_t rw[2];       /* a leaf's rewards */
  pairs_set **lev;   /* per order position: domain sets */
  bool wl;           /* pruning: a win/lose game, the pair (F 1, L 0) dropped */
  pairscache *cache; /* NULL: none */
  unsigned *levels;  /* levels[k]: branching variables at positions >= k */
  mpq_t *det;        /* nplayers: determined rewards */
  uint64_t nodes, cutoffs;
  int stop;
} pwalk;

/* Adds the pair (f, l) of a leaf or a determined state, unless pruning drops
 * it (win/lose: the leader's 0). */
static void add_pair (const pwalk *w, pairs_set *out, const mpq_t f, const mpq_t l) {
  if (w->wl) {
    INVARIANT ((!mpq_cmp_ui (l, 0, 1) && !mpq_cmp_ui (f, 1, 1)) || (!mpq_cmp_ui (l, 1, 1) && !mpq_sgn (f)),
               "a game detected as win/lose has an outcome that is not");
    if (!mpq_sgn (l)) return;
  }
  pairs_set_add (out, f, l);
}

static void dfs (pwalk *w, unsigned k, pairs_set *out);

/* The branching variable at position k: its children's sets, then out. */
static void choose (pwalk *w, unsigned k, pairs_set *out) {
  const game *g = w->g;
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  int inst = game_instinct (g, v, w->vals);
  pairs_set *kids = w->lev[k];
  bool lead = x->player == w->L, cut = false;
  unsigned done = 0, d = x->domain;
  while (done < d && !cut) {
    w->vals[v] = (int) done;
    dfs (w, k + 1, &kids[done]);
    if (w->stop) return;
    /* win/lose: a leader child with leader 1 gives the whole pruned
       universe; a follower child without it empties the follower's set */
    cut = w->wl && (lead ? kids[done].n > 0 : kids[done].n == 0);
    done++;
  }
  if (cut && done < d) w->cutoffs++;
  if (lead) pairs_leader (out, kids, done);
  else if (cut) out->n = 0;
  else pairs_follower (out, kids, d, w->o->tie, inst);
}

static void dfs (pwalk *w, unsigned k, pairs_set *out) {
  const game *g = w->g;
  if (w->stop) return;
  if ((w->stop = limits_poll (w->o->limits, ++w->nodes))) return;
  k = game_advance_forced (g, k, w->vals, NULL);
  if (k == g->nfixed) {
    game_rewards (g, w->vals, w->rw);
    out->n = 0;
    add_pair (w, out, w->rw[w->F], w->rw[w->L]);
    return;
  }
  bool cached = false;
  if (w->cache && w->levels[k] >= PAIRS_CACHE_MIN_LEVELS) {
    if (pairscache_key (w->cache, k, w->vals, w->det)) { /* one pair below */
      out->n = 0;
      add_pair (w, out, w->det[w->F], w->det[w->L]);
      return;
    }
    size_t n;
    const mpq_t *v;
    if (pairscache_lookup (w->cache, k, &n, &v)) {
      out->n = 0;
      for (size_t i = 0; i < n; i++) pairs_set_add (out, v[2 * i], v[2 * i + 1]);
      return;
    }
    cached = true;
  }
  choose (w, k, out);
  if (cached && !w->stop) pairscache_store (w->cache, k, out->n, (const mpq_t *) out->v);
}

static void walk_init (pwalk *w, const game *g, const pairs_walk_opts *o) {
  memset (w, 0, sizeof *w);
  w->g = g, w->o = o;
  w->L = g->leader, w->F = 1 - g->leader;
  w->vals = mem_calloc (g->nvars + 1, sizeof *w->vals);
  mpq_init (w->rw[0]), mpq_init (w->rw[1]);
  w->wl = !o->unpruned && spe_win_lose (g);
  if (!o->unpruned && o->cache_bytes) w->cache = pairscache_new (g, o->tie >= GAME_TIE_INSTINCT_STRONG, o->cache_bytes);
  w->levels = mem_calloc (g->nfixed + 1, sizeof *w->levels);
  for (unsigned k = g->nfixed; k-- > 0;) {
    const game_var *x = &g->vars[g->order[k]];
    w->levels[k] = w->levels[k + 1] + (x->kind == GAME_EXOGENOUS || (x->kind == GAME_ACTION && x->layers != GAME_L1));
  }
  w->det = mem_alloc (g->nplayers * sizeof *w->det);
  for (unsigned p = 0; p < g->nplayers; p++) mpq_init (w->det[p]);
  w->lev = mem_alloc ((g->nfixed + 1) * sizeof *w->lev);
  for (unsigned k = 0; k < g->nfixed; k++) {
    unsigned d = g->vars[g->order[k]].kind == GAME_ACTION ? g->vars[g->order[k]].domain : 0;
    w->lev[k] = mem_alloc ((d + 1) * sizeof **w->lev);
    for (unsigned a = 0; a <= d; a++) pairs_set_init (&w->lev[k][a]);
  }
}

static void walk_free (pwalk *w) {
  const game *g = w->g;
  for (unsigned k = 0; k < g->nfixed; k++) {
    unsigned d = g->vars[g->order[k]].kind == GAME_ACTION ? g->vars[g->order[k]].domain : 0;
    for (unsigned a = 0; a <= d; a++) pairs_set_clear (&w->lev[k][a]);
    free (w->lev[k]);
  }
  free (w->lev), free (w->levels), free (w->vals);
  for (unsigned p = 0; p < g->nplayers; p++) mpq_clear (w->det[p]);
  free (w->det);
  mpq_clear (w->rw[0]), mpq_clear (w->rw[1]);
  pairscache_free (w->cache);
}

int pairs_walk (const game *g, const pairs_walk_opts *o, mpq_t f, mpq_t l, uint64_t *nodes, pairs_stats *st) {
  pwalk w;
  walk_init (&w, g, o);
  pairs_set root;
  pairs_set_init (&root);
  dfs (&w, 0, &root);
  *nodes = w.nodes;
  if (st) {
    memset (st, 0, sizeof *st);
    st->pairs = true, st->win_lose = w.wl, st->cutoffs = w.cutoffs, st->caching = w.cache != NULL;
    if (w.cache) pairscache_get_stats (w.cache, &st->cache);
  }
  if (!w.stop && root.n == 0) { /* win/lose, only the dropped pair: the leader loses */
    mpq_set_ui (f, 1, 1), mpq_set_ui (l, 0, 1);
  } else if (!w.stop) {
    size_t b = pairs_best (&root);
    mpq_set (f, root.v[2 * b]), mpq_set (l, root.v[2 * b + 1]);
  }
  pairs_set_clear (&root);
  int stop = w.stop;
  walk_free (&w);
  return stop;
}

/* Mixed-commitment Stackelberg equilibria, exact (see mixed.h).
 *
 * One-shot games: Conitzer & Sandholm, "Computing the optimal strategy to
 * commit to" (EC 2006): for every follower action j, maximise the leader's
 * expected reward over the leader's mixtures x subject to j being a best
 * response; the best feasible LP is optimal. Each LP is solved by the exact
 * simplex (solver/game/polytope); its dual (or, for an infeasible LP, a
 * dual ray from the Farkas certificate) bounds every commitment inducing j.
 *
 * Perfect-information trees without chance: Letchford & Conitzer,
 * "Computing optimal strategies to commit to in extensive-form games"
 * (EC 2010). For every node the set of achievable (follower, leader) reward
 * pairs, closed under decreasing either reward, is kept as its upper
 * boundary f(u) = the most the leader can get while the follower gets at
 * least u: an exact non-increasing piecewise-linear function (behav_pwl).
 *  - leaf (uF, uL): f = uL on (-inf, uF];
 *  - follower node: child i is chosen only if the follower gets at least
 *    tau_i = max_{j != i} t_j, where t_j is the threat value of child j (the
 *    follower's reward when the leader minimises it there: pure minimax);
 *    f = max_i f_i(max(u, tau_i)) on u <= max reward of child i;
 *  - leader node: the leader mixes over at most two children (a vertex of a
 *    2-D linear program), each child realising one of its points; the set
 *    is the union over pairs of children of the convex hulls of their convex
 *    pieces, computed as hulls of pairs of concave runs of the frontiers.
 * The root's value is f(-inf); the commitment is recovered top-down from
 * targets (u*, v*) (follower at least u*, leader at least v*), with the
 * minimax punishment off the path, and the follower's response is then
 * computed with the strong tie-break at every node. Memory grows with the
 * depth times the frontier sizes; realising the commitment recomputes the
 * frontiers below each node on the support (at most depth times the work). */
#include "solver/game/mixed.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/rat.h"
#include "base/require.h"
#include "solver/model/game.h"
#include "solver/game/polytope.h"

void mixed_options_init (mixed_options *o) {
  memset (o, 0, sizeof *o);
  limits_init (&o->limits);
  o->max_profile = (size_t) 1 << 20;
  o->max_cert = (size_t) 1 << 14;
  o->max_outcomes = 1000;
  o->tie = GAME_TIE_STRONG;
}

void mixed_solution_clear (mixed_solution *ms) {
  if (ms->sol.reward) mpq_clear (ms->sup);
  profile_solution_clear (&ms->sol);
  behav_free (ms->prof);
  behav_cert_clear (&ms->cert);
  memset (ms, 0, sizeof *ms);
}

/* ---- exact piecewise-linear frontiers ---------------------------------- */

typedef behav_pwl pwl;

typedef struct pt {
  mpq_t u, v;
  int tag; /* the child the point comes from */
} pt;

typedef struct ptvec {
  size_t n, cap;
  pt *p;
} ptvec;

static void pv_push (ptvec *a, const mpq_t u, const mpq_t v, int tag) {
  if (a->n == a->cap) {
    a->cap = a->cap ? 2 * a->cap : 8;
    a->p = mem_realloc (a->p, a->cap * sizeof *a->p);
  }
  mpq_init (a->p[a->n].u), mpq_init (a->p[a->n].v);
  mpq_set (a->p[a->n].u, u), mpq_set (a->p[a->n].v, v);
  a->p[a->n].tag = tag;
  a->n++;
}

static void pv_reset (ptvec *a) {
  for (size_t i = 0; i < a->n; i++) mpq_clear (a->p[i].u), mpq_clear (a->p[i].v);
  a->n = 0;
}

static void pv_clear (ptvec *a) {
  pv_reset (a);
  free (a->p);
  memset (a, 0, sizeof *a);
}

/* Scratch rationals shared by the frontier operations. */
typedef struct fscratch {
  mpq_t a, b, c, d, e;
} fscratch;

/* Value of piece k of f at u (u within the closure of the piece). */
static void piece_at (mpq_t out, const pwl *f, size_t k, const mpq_t u, fscratch *s) {
  if (k == 0 || mpq_equal (f->vl[k], f->vr[k])) {
    mpq_set (out, f->vr[k]);
    return;
  }
  /* vl + (vr - vl) (u - b[k-1]) / (b[k] - b[k-1]) */
  mpq_sub (s->a, f->vr[k], f->vl[k]);
  mpq_sub (s->b, u, f->b[k - 1]);
  mpq_mul (s->a, s->a, s->b);
  mpq_sub (s->b, f->b[k], f->b[k - 1]);
  mpq_div (s->a, s->a, s->b);
  mpq_add (out, f->vl[k], s->a);
}

/* f(u); false if u is beyond f's domain. */
static bool pwl_at (mpq_t out, const pwl *f, const mpq_t u, fscratch *s) {
  for (size_t k = 0; k < f->n; k++)
    if (mpq_cmp (u, f->b[k]) <= 0) {
      piece_at (out, f, k, u, s);
      return true;
    }
  return false;
}

/* Appends piece (b, vl, vr) after dst's last piece, merging it into the
 * last one when it continues it on the same line. */
static void push_norm (pwl *dst, const mpq_t b, const mpq_t vl, const mpq_t vr, fscratch *s) {
  size_t n = dst->n;
  if (n && mpq_cmp (b, dst->b[n - 1]) <= 0) return; /* empty piece */
  if (n && mpq_equal (vl, dst->vr[n - 1])) {
    /* slope of the new piece vs the last one (piece 0 has slope 0) */
    mpq_sub (s->c, vr, vl);
    mpq_sub (s->d, b, dst->b[n - 1]);
    mpq_div (s->c, s->c, s->d);
    if (n == 1) mpq_set_ui (s->e, 0, 1);
    else {
      mpq_sub (s->e, dst->vr[n - 1], dst->vl[n - 1]);
      mpq_sub (s->d, dst->b[n - 1], dst->b[n - 2]);
      mpq_div (s->e, s->e, s->d);
    }
    if (mpq_equal (s->c, s->e)) {
      mpq_set (dst->b[n - 1], b);
      mpq_set (dst->vr[n - 1], vr);
      if (n == 1) mpq_set (dst->vl[0], vr);
      return;
    }
  }
  if (!n) behav_pwl_push (dst, b, vr, vr);
  else behav_pwl_push (dst, b, vl, vr);
}

/* dst = f truncated at tau: f(max(u, tau)) on u <= max f; empty if the
 * domain ends before tau. */
static void pwl_trunc (pwl *dst, const pwl *f, const mpq_t tau, fscratch *s) {
  behav_pwl_reset (dst);
  size_t k = 0;
  while (k < f->n && mpq_cmp (f->b[k], tau) < 0) k++;
  if (k == f->n) return;
  if (k == 0) {
    behav_pwl_copy (dst, f);
    return;
  }
  mpq_t val;
  mpq_init (val);
  piece_at (val, f, k, tau, s);
  push_norm (dst, tau, val, val, s);
  push_norm (dst, f->b[k], val, f->vr[k], s);
  for (size_t i = k + 1; i < f->n; i++) push_norm (dst, f->b[i], f->vl[i], f->vr[i], s);
  mpq_clear (val);
}

/* dst = max(f, h) pointwise (f or h may be empty); dst must differ from both. */
static void pwl_max (pwl *dst, const pwl *f, const pwl *h, fscratch *s) {
  behav_pwl_reset (dst);
  if (!f->n) {
    behav_pwl_copy (dst, h);
    return;
  }
  if (!h->n) {
    behav_pwl_copy (dst, f);
    return;
  }
  mpq_t p, q, fl, fr, hl, hr, x, xv, t1, t2;
  mpq_init (p), mpq_init (q), mpq_init (fl), mpq_init (fr), mpq_init (hl), mpq_init (hr);
  mpq_init (x), mpq_init (xv), mpq_init (t1), mpq_init (t2);
  size_t i = 0, j = 0;
  bool first = true;
  while (i < f->n || j < h->n) {
    /* the next breakpoint q */
    bool fin = i < f->n, hin = j < h->n;
    if (fin && hin) mpq_set (q, mpq_cmp (f->b[i], h->b[j]) <= 0 ? f->b[i] : h->b[j]);
    else mpq_set (q, fin ? f->b[i] : h->b[j]);
    if (first) {
      /* (-inf, q]: both constant where present */
      const mpq_t *v = fin && hin ? (mpq_cmp (f->vr[0], h->vr[0]) >= 0 ? &f->vr[0] : &h->vr[0])
                                  : (fin ? &f->vr[0] : &h->vr[0]);
      push_norm (dst, q, *v, *v, s);
      first = false;
    } else if (fin && hin) {
      piece_at (fl, f, i, p, s), piece_at (fr, f, i, q, s);
      piece_at (hl, h, j, p, s), piece_at (hr, h, j, q, s);
      if (i == 0) mpq_set (fl, f->vr[0]);
      if (j == 0) mpq_set (hl, h->vr[0]);
      int cl = mpq_cmp (fl, hl), cr = mpq_cmp (fr, hr);
      if (cl >= 0 && cr >= 0) push_norm (dst, q, fl, fr, s);
      else if (cl <= 0 && cr <= 0) push_norm (dst, q, hl, hr, s);
      else {
        /* crossing at x = p + (q - p) (fl - hl) / ((fl - hl) - (fr - hr)) */
        mpq_sub (t1, fl, hl);
        mpq_sub (t2, fr, hr);
        mpq_sub (t2, t1, t2);
        mpq_div (t1, t1, t2);
        mpq_sub (x, q, p);
        mpq_mul (x, x, t1);
        mpq_add (x, x, p);
        /* value there: fl + (fr - fl) t1 */
        mpq_sub (xv, fr, fl);
        mpq_mul (xv, xv, t1);
        mpq_add (xv, xv, fl);
        if (cl > 0) push_norm (dst, x, fl, xv, s), push_norm (dst, q, xv, hr, s);
        else push_norm (dst, x, hl, xv, s), push_norm (dst, q, xv, fr, s);
      }
    } else if (fin) {
      piece_at (fl, f, i, p, s);
      if (i == 0) mpq_set (fl, f->vr[0]);
      push_norm (dst, q, fl, f->vr[i], s);
    } else {
      piece_at (hl, h, j, p, s);
      if (j == 0) mpq_set (hl, h->vr[0]);
      push_norm (dst, q, hl, h->vr[j], s);
    }
    if (fin && !mpq_cmp (f->b[i], q)) i++;
    if (hin && !mpq_cmp (h->b[j], q)) j++;
    mpq_set (p, q);
  }
  mpq_clear (p), mpq_clear (q), mpq_clear (fl), mpq_clear (fr), mpq_clear (hl), mpq_clear (hr);
  mpq_clear (x), mpq_clear (xv), mpq_clear (t1), mpq_clear (t2);
}

/* Splits f into maximal concave runs (continuous, slopes non-increasing);
 * each run is a chain of vertices appended to runs[r] with tag 'tag'.
 * Returns the number of runs; *runs grows as needed. */
static size_t pwl_runs (const pwl *f, int tag, ptvec **runs, size_t *cap, fscratch *s) {
  size_t nr = 0;
  mpq_t slope, prev;
  mpq_init (slope), mpq_init (prev);
  for (size_t k = 0; k < f->n; k++) {
    bool cont = false;
    if (k == 0) mpq_set_ui (slope, 0, 1);
    else {
      mpq_sub (slope, f->vr[k], f->vl[k]);
      mpq_sub (s->a, f->b[k], f->b[k - 1]);
      mpq_div (slope, slope, s->a);
      cont = mpq_equal (f->vl[k], f->vr[k - 1]) && mpq_cmp (slope, prev) <= 0;
    }
    if (!cont) {
      if (nr == *cap) {
        size_t nc = *cap ? 2 * *cap : 4;
        *runs = mem_realloc (*runs, nc * sizeof **runs);
        memset (*runs + *cap, 0, (nc - *cap) * sizeof **runs);
        *cap = nc;
      }
      ptvec *r = &(*runs)[nr++];
      pv_reset (r);
      if (k > 0) pv_push (r, f->b[k - 1], f->vl[k], tag);
    }
    pv_push (&(*runs)[nr - 1], f->b[k], f->vr[k], tag);
    mpq_set (prev, slope);
  }
  mpq_clear (slope), mpq_clear (prev);
  return nr;
}

static int pt_cmp (const void *x, const void *y) {
  const pt *a = x, *b = y;
  int c = mpq_cmp (a->u, b->u);
  if (c) return c;
  return -mpq_cmp (a->v, b->v);
}

/* The upper-right hull of the points (closed under decreasing either
 * coordinate): its vertices go to 'hull' (u increasing, v decreasing; the
 * first has the largest v) and, if f != NULL, its frontier to f. The
 * points are sorted in place. */
static void hull_of (ptvec *pts, ptvec *hull, pwl *f, fscratch *s) {
  qsort (pts->p, pts->n, sizeof *pts->p, pt_cmp);
  pv_reset (hull);
  for (size_t i = 0; i < pts->n; i++) {
    pt *c = &pts->p[i];
    if (i && !mpq_cmp (c->u, pts->p[i - 1].u)) continue; /* same u, lower v */
    while (hull->n >= 2) {
      pt *a = &hull->p[hull->n - 2], *b = &hull->p[hull->n - 1];
      /* cross (b - a) x (c - a) >= 0: b is not above the chord a-c */
      mpq_sub (s->a, b->u, a->u), mpq_sub (s->b, c->v, a->v), mpq_mul (s->a, s->a, s->b);
      mpq_sub (s->c, b->v, a->v), mpq_sub (s->d, c->u, a->u), mpq_mul (s->c, s->c, s->d);
      if (mpq_cmp (s->a, s->c) < 0) break;
      hull->n--;
      mpq_clear (b->u), mpq_clear (b->v);
    }
    pv_push (hull, c->u, c->v, c->tag);
  }
  /* drop the rising part: start at the last point of largest v */
  size_t st = 0;
  for (size_t i = 1; i < hull->n; i++)
    if (mpq_cmp (hull->p[i].v, hull->p[st].v) >= 0) st = i;
  if (st) {
    for (size_t i = 0; i < st; i++) mpq_clear (hull->p[i].u), mpq_clear (hull->p[i].v);
    memmove (hull->p, hull->p + st, (hull->n - st) * sizeof *hull->p);
    hull->n -= st;
  }
  if (!f) return;
  behav_pwl_reset (f);
  push_norm (f, hull->p[0].u, hull->p[0].v, hull->p[0].v, s);
  for (size_t i = 1; i < hull->n; i++) push_norm (f, hull->p[i].u, hull->p[i - 1].v, hull->p[i].v, s);
}

/* ---- the tree walk ------------------------------------------------------ */

enum { WALK_SOLVE, WALK_REALIZE, WALK_PUNISH, WALK_RESPOND };

typedef struct walker {
  const game *g;
  const mixed_options *opt;
  int leader, follower;
  int *vals;
  int *fixed;               /* exogenous values (point masses) */
  behav_profile *prof;
  behav_cert *cert;         /* recording the frontiers (top-level solve), or NULL */
  size_t cert_cap;
  fscratch s;
  uint64_t nodes, leaves, choice;
  size_t front_max;
  uint64_t front_total;
  bool counting;            /* count choice nodes and frontier sizes */
  int stop;                 /* 0, 1 timeout, 2 node limit */
} walker;

static bool tick (walker *w) {
  if (w->stop) return false;
  w->stop = limits_poll (&w->opt->limits, ++w->nodes);
  return !w->stop;
}

/* Advances over endogenous, inactive, instinct-only and exogenous variables;
 * returns the index in g->order of the next choice (or nfixed at a leaf). */
static unsigned advance (walker *w, unsigned k) { return game_advance_forced (w->g, k, w->vals, w->fixed); }

static void leaf_rewards (walker *w, mpq_t uf, mpq_t ul) {
  mpq_t r[2];
  mpq_init (r[0]), mpq_init (r[1]);
  game_rewards (w->g, w->vals, r);
  mpq_set (uf, r[w->follower]), mpq_set (ul, r[w->leader]);
  mpq_clear (r[0]), mpq_clear (r[1]);
}

/* Bottom-up: the frontier f and threat value t of the subtree at order index k. */
static void solve (walker *w, unsigned k, pwl *f, mpq_t t) {
  const game *g = w->g;
  if (!tick (w)) return;
  k = advance (w, k);
  if (k == g->nfixed) {
    w->leaves++;
    mpq_t ul;
    mpq_init (ul);
    leaf_rewards (w, t, ul);
    behav_pwl_reset (f);
    behav_pwl_push (f, t, ul, ul);
    mpq_clear (ul);
    return;
  }
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  size_t slot = 0;
  if (w->cert) {
    slot = w->cert->nnodes++;
    if (slot == w->cert_cap) {
      w->cert_cap = w->cert_cap ? 2 * w->cert_cap : 64;
      w->cert->front = mem_realloc (w->cert->front, w->cert_cap * sizeof *w->cert->front);
    }
    behav_pwl_init (&w->cert->front[slot]);
  }
  unsigned d = x->domain;
  pwl *cf = mem_alloc (d * sizeof *cf);
  mpq_t *ct = mem_alloc (d * sizeof *ct);
  for (unsigned a = 0; a < d; a++) behav_pwl_init (&cf[a]), mpq_init (ct[a]);
  for (unsigned a = 0; a < d && !w->stop; a++) {
    w->vals[v] = (int) a;
    solve (w, k + 1, &cf[a], ct[a]);
  }
  pwl acc, tmp, part;
  behav_pwl_init (&acc), behav_pwl_init (&tmp), behav_pwl_init (&part);
  if (!w->stop && x->player == w->follower) {
    mpq_t tau;
    mpq_init (tau);
    mpq_set (t, ct[0]);
    for (unsigned a = 1; a < d; a++)
      if (mpq_cmp (ct[a], t) > 0) mpq_set (t, ct[a]);
    for (unsigned i = 0; i < d; i++) {
      bool any = false;
      for (unsigned j = 0; j < d; j++) {
        if (j == i) continue;
        if (!any || mpq_cmp (ct[j], tau) > 0) mpq_set (tau, ct[j]);
        any = true;
      }
      pwl_trunc (&part, &cf[i], tau, &w->s);
      pwl_max (&tmp, &acc, &part, &w->s);
      behav_pwl_copy (&acc, &tmp);
    }
    mpq_clear (tau);
  } else if (!w->stop) {
    mpq_set (t, ct[0]);
    for (unsigned a = 1; a < d; a++)
      if (mpq_cmp (ct[a], t) < 0) mpq_set (t, ct[a]);
    ptvec *runs = NULL, pts = {0, 0, NULL}, hull = {0, 0, NULL};
    size_t rcap = 0, *nr = mem_alloc (d * sizeof *nr), *r0 = mem_alloc (d * sizeof *r0), tot = 0;
    for (unsigned a = 0; a < d; a++) {
      ptvec *sub = NULL;
      size_t scap = 0;
      nr[a] = pwl_runs (&cf[a], (int) a, &sub, &scap, &w->s);
      r0[a] = tot;
      for (size_t r = 0; r < nr[a]; r++) {
        if (tot == rcap) {
          size_t nc = rcap ? 2 * rcap : 8;
          runs = mem_realloc (runs, nc * sizeof *runs);
          rcap = nc;
        }
        runs[tot++] = sub[r];
      }
      for (size_t r = nr[a]; r < scap; r++) pv_clear (&sub[r]);
      free (sub);
    }
    for (unsigned a = 0; a < d; a++)
      for (unsigned b = a + 1; b < d; b++)
        for (size_t r = 0; r < nr[a]; r++)
          for (size_t q = 0; q < nr[b]; q++) {
            pv_reset (&pts);
            const ptvec *A = &runs[r0[a] + r], *B = &runs[r0[b] + q];
            for (size_t i = 0; i < A->n; i++) pv_push (&pts, A->p[i].u, A->p[i].v, A->p[i].tag);
            for (size_t i = 0; i < B->n; i++) pv_push (&pts, B->p[i].u, B->p[i].v, B->p[i].tag);
            hull_of (&pts, &hull, &part, &w->s);
            pwl_max (&tmp, &acc, &part, &w->s);
            behav_pwl_copy (&acc, &tmp);
          }
    for (size_t r = 0; r < tot; r++) pv_clear (&runs[r]);
    free (runs), free (nr), free (r0);
    pv_clear (&pts), pv_clear (&hull);
  }
  if (!w->stop) {
    behav_pwl_copy (f, &acc);
    if (w->counting) {
      w->choice++;
      w->front_total += f->n;
      if (f->n > w->front_max) w->front_max = f->n;
    }
    if (w->cert) behav_pwl_copy (&w->cert->front[slot], f);
  }
  behav_pwl_clear (&acc), behav_pwl_clear (&tmp), behav_pwl_clear (&part);
  for (unsigned a = 0; a < d; a++) behav_pwl_clear (&cf[a]), mpq_clear (ct[a]);
  free (cf), free (ct);
  w->vals[v] = 0;
}

/* Off the path: the leader minimises the follower's reward (pure minimax);
 * sets the leader's actions below k and returns the threat value in t. */
static void punish (walker *w, unsigned k, mpq_t t) {
  const game *g = w->g;
  if (!tick (w)) return;
  k = advance (w, k);
  if (k == g->nfixed) {
    mpq_t ul;
    mpq_init (ul);
    leaf_rewards (w, t, ul);
    mpq_clear (ul);
    return;
  }
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  mpq_t c;
  mpq_init (c);
  int best = -1;
  for (unsigned a = 0; a < x->domain && !w->stop; a++) {
    w->vals[v] = (int) a;
    punish (w, k + 1, c);
    bool lead = x->player == w->leader;
    int cmp = best < 0 ? 0 : mpq_cmp (c, t);
    if (best < 0 || (lead ? cmp < 0 : cmp > 0)) best = (int) a, mpq_set (t, c);
  }
  w->vals[v] = 0;
  if (!w->stop && x->player == w->leader) {
    w->vals[v] = 0;
    game_policy *pol = &w->prof->pure->pol[x->stage - 1];
    behav_set_pure (g, w->prof, x->stage, profile_index (pol, w->vals, 0), best);
  }
  mpq_clear (c);
}

/* Top-down: realises a point with follower >= u and leader >= val in the
 * subtree at k, setting the leader's distributions. */
static void realize (walker *w, unsigned k, const mpq_t u, const mpq_t val) {
  const game *g = w->g;
  if (!tick (w)) return;
  k = advance (w, k);
  if (k == g->nfixed) return;
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  unsigned d = x->domain;
  pwl *cf = mem_alloc (d * sizeof *cf);
  mpq_t *ct = mem_alloc (d * sizeof *ct), y;
  mpq_init (y);
  for (unsigned a = 0; a < d; a++) behav_pwl_init (&cf[a]), mpq_init (ct[a]);
  for (unsigned a = 0; a < d && !w->stop; a++) {
    w->vals[v] = (int) a;
    solve (w, k + 1, &cf[a], ct[a]);
  }
  /* targets per child: weight (0 = punish), u, v */
  mpq_t *wt = mem_alloc (d * sizeof *wt), *tu = mem_alloc (d * sizeof *tu), *tv = mem_alloc (d * sizeof *tv);
  for (unsigned a = 0; a < d; a++) mpq_init (wt[a]), mpq_init (tu[a]), mpq_init (tv[a]);
  bool found = false;
  if (w->stop) {
    found = true;
  } else if (x->player == w->follower) {
    mpq_t tau;
    mpq_init (tau);
    for (unsigned i = 0; i < d && !found; i++) {
      bool any = false;
      for (unsigned j = 0; j < d; j++) {
        if (j == i) continue;
        if (!any || mpq_cmp (ct[j], tau) > 0) mpq_set (tau, ct[j]);
        any = true;
      }
      if (mpq_cmp (u, tau) > 0) mpq_set (tau, u);
      if (pwl_at (y, &cf[i], tau, &w->s) && mpq_cmp (y, val) >= 0) {
        found = true;
        mpq_set_ui (wt[i], 1, 1), mpq_set (tu[i], tau), mpq_set (tv[i], val);
      }
    }
    mpq_clear (tau);
  } else {
    ptvec *ra = NULL, *rb = NULL, pts = {0, 0, NULL}, hull = {0, 0, NULL};
    size_t ca = 0, cb = 0;
    for (unsigned a = 0; a < d && !found; a++) {
      size_t na = pwl_runs (&cf[a], (int) a, &ra, &ca, &w->s);
      for (unsigned b = a + 1; b < d && !found; b++) {
        size_t nb = pwl_runs (&cf[b], (int) b, &rb, &cb, &w->s);
        for (size_t r = 0; r < na && !found; r++)
          for (size_t q = 0; q < nb && !found; q++) {
            pv_reset (&pts);
            for (size_t i = 0; i < ra[r].n; i++) pv_push (&pts, ra[r].p[i].u, ra[r].p[i].v, ra[r].p[i].tag);
            for (size_t i = 0; i < rb[q].n; i++) pv_push (&pts, rb[q].p[i].u, rb[q].p[i].v, rb[q].p[i].tag);
            hull_of (&pts, &hull, NULL, &w->s);
            /* the hull's value at u */
            const pt *H = hull.p;
            if (mpq_cmp (u, H[0].u) <= 0) {
              if (mpq_cmp (H[0].v, val) >= 0) {
                found = true;
                mpq_set_ui (wt[H[0].tag], 1, 1), mpq_set (tu[H[0].tag], H[0].u), mpq_set (tv[H[0].tag], H[0].v);
              }
              continue;
            }
            for (size_t i = 1; i < hull.n; i++) {
              if (mpq_cmp (u, H[i].u) > 0) continue;
              /* u in (H[i-1].u, H[i].u]: weight p on H[i-1] */
              mpq_t p;
              mpq_init (p);
              mpq_sub (p, H[i].u, u);
              mpq_sub (y, H[i].u, H[i - 1].u);
              mpq_div (p, p, y);
              mpq_sub (y, H[i - 1].v, H[i].v);
              mpq_mul (y, y, p);
              mpq_add (y, y, H[i].v);
              if (mpq_cmp (y, val) >= 0) {
                found = true;
                if (H[i - 1].tag == H[i].tag) {
                  int c = H[i].tag;
                  mpq_set_ui (wt[c], 1, 1), mpq_set (tu[c], u), mpq_set (tv[c], val);
                } else {
                  int c0 = H[i - 1].tag, c1 = H[i].tag;
                  mpq_set (wt[c0], p), mpq_set (tu[c0], H[i - 1].u), mpq_set (tv[c0], H[i - 1].v);
                  mpq_set_ui (y, 1, 1);
                  mpq_sub (wt[c1], y, p), mpq_set (tu[c1], H[i].u), mpq_set (tv[c1], H[i].v);
                }
              }
              mpq_clear (p);
              break;
            }
          }
        for (size_t r = 0; r < cb; r++) pv_clear (&rb[r]);
        free (rb), rb = NULL, cb = 0;
      }
      for (size_t r = 0; r < ca; r++) pv_clear (&ra[r]);
      free (ra), ra = NULL, ca = 0;
    }
    pv_clear (&pts), pv_clear (&hull);
  }
  INVARIANT (found, "no child realises the target");
  if (!w->stop && x->player == w->leader) {
    w->vals[v] = 0;
    game_policy *pol = &w->prof->pure->pol[x->stage - 1];
    behav_set_dist (g, w->prof, x->stage, profile_index (pol, w->vals, 0), wt);
  }
  for (unsigned a = 0; a < d && !w->stop; a++) {
    w->vals[v] = (int) a;
    if (mpq_sgn (wt[a])) realize (w, k + 1, tu[a], tv[a]);
    else punish (w, k + 1, y);
  }
  w->vals[v] = 0;
  for (unsigned a = 0; a < d; a++) behav_pwl_clear (&cf[a]), mpq_clear (ct[a]), mpq_clear (wt[a]), mpq_clear (tu[a]),
                                    mpq_clear (tv[a]);
  free (cf), free (ct), free (wt), free (tu), free (tv);
  mpq_clear (y);
}

/* The follower's response to the commitment with the strong tie-break at
 * every node (then the lowest action); uf, ul get the subtree's values. */
static void respond (walker *w, unsigned k, mpq_t uf, mpq_t ul) {
  const game *g = w->g;
  k = advance (w, k);
  if (k == g->nfixed) {
    leaf_rewards (w, uf, ul);
    return;
  }
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  mpq_t cf, cl, t;
  mpq_init (cf), mpq_init (cl), mpq_init (t);
  w->vals[v] = 0;
  game_policy *pol = &w->prof->pure->pol[x->stage - 1];
  size_t idx = profile_index (pol, w->vals, 0);
  mpq_set_ui (uf, 0, 1), mpq_set_ui (ul, 0, 1);
  int best = -1;
  for (unsigned a = 0; a < x->domain; a++) {
    w->vals[v] = (int) a;
    respond (w, k + 1, cf, cl);
    if (x->player == w->leader) {
      const mpq_t *p = &w->prof->prob[x->stage - 1][idx * x->domain + a];
      mpq_mul (t, cf, *p), mpq_add (uf, uf, t);
      mpq_mul (t, cl, *p), mpq_add (ul, ul, t);
    } else {
      int c = best < 0 ? 1 : mpq_cmp (cf, uf);
      if (c > 0 || (c == 0 && mpq_cmp (cl, ul) > 0)) best = (int) a, mpq_set (uf, cf), mpq_set (ul, cl);
    }
  }
  w->vals[v] = 0;
  if (x->player != w->leader) pol->act[idx] = best;
  mpq_clear (cf), mpq_clear (cl), mpq_clear (t);
}

/* ---- shapes -------------------------------------------------------------- */

/* True iff variable v's value depends on variable target (v itself, or an
 * endogenous variable reading it). */
static bool depends (const game *g, int v, int target, unsigned depth) {
  if (v == target) return true;
  const game_var *x = &g->vars[v];
  if (x->kind != GAME_ENDOGENOUS || depth > g->nvars) return false;
  for (unsigned w = 0; w < g->nvars; w++)
    if (game_expr_reads (x->expr, (int) w) && depends (g, (int) w, target, depth + 1)) return true;
  return false;
}

static bool shape (const game *g, int *method, int *fixed, scnfg_error *err) {
  if (g->nplayers != 2 || g->leader < 0)
    return error_set (err, ERROR_INPUT, g->file, 0, 0, "mixed commitment needs exactly two players (leader and follower)");
  for (unsigned i = 0; i < g->nvars; i++) {
    const game_var *x = &g->vars[i];
    if (x->kind != GAME_EXOGENOUS) continue;
    int pos = -1, npos = 0;
    for (unsigned a = 0; a < x->domain; a++)
      if (mpq_sgn (x->prior[a])) pos = (int) a, npos++;
    if (npos != 1)
      return error_set (err, ERROR_INPUT, g->file, x->line, 0,
                        "mixed commitment is implemented for games without chance: exogenous '%s' is random",
                        x->id);
    fixed[i] = pos;
  }
  if (game_is_perfect_info (g)) {
    *method = MIXED_TREE;
    return true;
  }
  const char *why = NULL;
  if (g->nstages != 2) why = "it has more than two stages";
  else {
    const game_var *s1 = game_stage (g, 1), *s2 = game_stage (g, 2);
    if (s1->player == s2->player) why = "both stages belong to one player";
    else if (s1->active_if || s2->active_if) why = "a stage has an active-if condition";
    else if (s1->layers == GAME_L1 || s2->layers == GAME_L1) why = "a stage has no choice (layer 1 only)";
    else
      for (unsigned i = 0; i < s2->nobs; i++)
        if (depends (g, s2->obs[i], g->stage_var[0], 0)) why = "the second mover observes the first";
  }
  if (why)
    return error_set (err, ERROR_INPUT, g->file, 0, 0,
                      "mixed commitment is implemented for perfect-information trees and one-shot games "
                      "(one leader stage, one follower stage, neither observing the other); not here: %s",
                      why);
  *method = MIXED_LPS;
  return true;
}

/* ---- one-shot games: multiple LPs ------------------------------------------- */

/* Builds ms->prof: the leader (stage lt) commits to the mixture xs over its
 * nl actions; the follower (stage ft) responds with its best action, ties
 * broken for the leader (strong) or against it (weak), then the lowest. */
static void commit_respond (const game *g, mixed_solution *ms, unsigned lt, unsigned ft, unsigned nl, unsigned nf,
                            const mpq_t *UL, const mpq_t *UF, const int *fixed, mpq_t *xs, bool strong) {
  ms->prof = behav_new (g, 0);
  int *v2 = mem_calloc (g->nvars + 1, sizeof *v2);
  for (unsigned q = 0; q < g->nvars; q++) v2[q] = g->vars[q].kind == GAME_EXOGENOUS ? fixed[q] : 0;
  game_complete (g, v2);
  game_policy *lpol = &ms->prof->pure->pol[lt - 1], *fpol = &ms->prof->pure->pol[ft - 1];
  behav_set_dist (g, ms->prof, lt, profile_index (lpol, v2, 0), xs);
  int resp = -1;
  mpq_t rf, rl, fu, val, tmp;
  mpq_init (rf), mpq_init (rl), mpq_init (fu), mpq_init (val), mpq_init (tmp);
  for (unsigned j = 0; j < nf; j++) {
    mpq_set_ui (val, 0, 1), mpq_set_ui (fu, 0, 1);
    for (unsigned i = 0; i < nl; i++) {
      mpq_mul (tmp, xs[i], UF[i * nf + j]), mpq_add (fu, fu, tmp);
      mpq_mul (tmp, xs[i], UL[i * nf + j]), mpq_add (val, val, tmp);
    }
    int cf = resp < 0 ? 1 : mpq_cmp (fu, rf);
    int cl = mpq_cmp (val, rl);
    if (cf > 0 || (cf == 0 && (strong ? cl > 0 : cl < 0))) resp = (int) j, mpq_set (rf, fu), mpq_set (rl, val);
  }
  fpol->act[profile_index (fpol, v2, 0)] = resp;
  mpq_clear (rf), mpq_clear (rl), mpq_clear (fu), mpq_clear (val), mpq_clear (tmp);
  free (v2);
}

/* The weak supremum (see mixed.h). UL, UF: nl x nf rewards. */
static void weak_lps (const game *g, mixed_solution *ms, unsigned lt, unsigned ft, unsigned nl, unsigned nf,
                      const mpq_t *UL, const mpq_t *UF, const int *fixed) {
  int *cls = mem_alloc (nf * sizeof *cls);
  for (unsigned j = 0; j < nf; j++) {
    cls[j] = (int) j;
    for (unsigned k = 0; k < j && cls[j] == (int) j; k++) {
      bool same = true;
      for (unsigned i = 0; i < nl && same; i++) same = mpq_equal (UF[i * nf + j], UF[i * nf + k]);
      if (same) cls[j] = cls[k];
    }
  }
  mpq_t minul, zero, one, val, tmp;
  mpq_init (minul), mpq_init (zero), mpq_init (one), mpq_init (val), mpq_init (tmp);
  mpq_set_ui (one, 1, 1);
  mpq_set (minul, UL[0]);
  for (size_t i = 1; i < (size_t) nl * nf; i++)
    if (mpq_cmp (UL[i], minul) < 0) mpq_set (minul, UL[i]);
  unsigned n = nl + 1; /* x, then s or t' */
  mpq_t *coef = mem_alloc (n * sizeof *coef), *x = mem_alloc (n * sizeof *x), *best = mem_alloc (nl * sizeof *best);
  for (unsigned i = 0; i < n; i++) mpq_init (coef[i]), mpq_init (x[i]);
  for (unsigned i = 0; i < nl; i++) mpq_init (best[i]);
  bool found = false;
  for (unsigned k = 0; k < nf; k++) {
    if (cls[k] != (int) k) continue;
    for (int pass = 0; pass < 2; pass++) {
      polytope p;
      polytope_init (&p, n);
      for (unsigned i = 0; i < n; i++) mpq_set_ui (coef[i], i < nl, 1);
      polytope_add (&p, coef, POLYTOPE_EQ, one);
      for (unsigned j = 0; j < nf; j++) {
        if (cls[j] == (int) k) continue;
        for (unsigned i = 0; i < nl; i++) mpq_sub (coef[i], UF[i * nf + k], UF[i * nf + j]);
        mpq_set_si (coef[nl], pass == 0 ? -1 : 0, 1);
        polytope_add (&p, coef, POLYTOPE_GE, zero);
      }
      if (pass == 0) {
        for (unsigned i = 0; i < n; i++) mpq_set_ui (coef[i], i == nl, 1);
        polytope_add (&p, coef, POLYTOPE_LE, one);
      } else {
        for (unsigned j = 0; j < nf; j++) {
          if (cls[j] != (int) k) continue;
          for (unsigned i = 0; i < nl; i++) mpq_sub (coef[i], minul, UL[i * nf + j]);
          mpq_set_ui (coef[nl], 1, 1);
          polytope_add (&p, coef, POLYTOPE_LE, zero);
        }
      }
      for (unsigned i = 0; i < n; i++) mpq_set_si (coef[i], i == nl ? -1 : 0, 1);
      polytope_status st = polytope_minimize (&p, coef, x, val);
      polytope_clear (&p);
      ms->choice_nodes++;
      if (pass == 0) {
        if (st != POLYTOPE_OPTIMAL || mpq_sgn (val) >= 0) break; /* no interior */
        continue;
      }
      mpq_neg (val, val);
      mpq_add (val, val, minul);
      if (!found || mpq_cmp (val, ms->sup) > 0) {
        found = true;
        mpq_set (ms->sup, val);
        for (unsigned i = 0; i < nl; i++) mpq_set (best[i], x[i]);
      }
    }
  }
  assert (found);
  ms->weak = true;
  ms->method = MIXED_LPS;
  commit_respond (g, ms, lt, ft, nl, nf, UL, UF, fixed, best, false);
  free (cls);
  for (unsigned i = 0; i < n; i++) mpq_clear (coef[i]), mpq_clear (x[i]);
  for (unsigned i = 0; i < nl; i++) mpq_clear (best[i]);
  free (coef), free (x), free (best);
  mpq_clear (minul), mpq_clear (zero), mpq_clear (one), mpq_clear (val), mpq_clear (tmp);
}

/* The LP certificates (see behav.h): z_j, w_j from the dual of LP j when it
 * is optimal, else from the base dual plus the Farkas ray. Y: each LP's m
 * dual values; bj the best LP (-1: none), best its value. */
static void lp_certificates (behav_cert *c, unsigned nl, unsigned nf, size_t m, const int *status, const mpq_t *Y,
                             const mpq_t *UL, int bj, const mpq_t best) {
  mpq_t tmp;
  mpq_init (tmp);
  for (unsigned j = 0; j < nf; j++) {
    mpq_t *w = c->w + (size_t) j * nf;
    const mpq_t *yj = Y + (size_t) j * m;
    if (status[j] == POLYTOPE_OPTIMAL) {
      /* y_0 = -z (simplex row), y_r >= 0 the multipliers of the >= rows */
      size_t r = 1;
      for (unsigned j2 = 0; j2 < nf; j2++)
        if (j2 != j) mpq_set (w[j2], yj[r++]);
      mpq_neg (c->z[j], yj[0]);
    } else {
      /* base dual: z0 = max_i uL(i,j), w = 0; ray: (z, w) -= s (y_0, -y_r) ... */
      mpq_set (c->z[j], UL[j]);
      for (unsigned i = 1; i < nl; i++)
        if (mpq_cmp (UL[i * nf + j], c->z[j]) > 0) mpq_set (c->z[j], UL[i * nf + j]);
      if (bj >= 0 && mpq_cmp (c->z[j], best) > 0) {
        /* s = (z0 - best) / y_0 with y_0 > 0 (b.y > 0 and only row 0 has b = 1) */
        mpq_sub (tmp, c->z[j], best);
        mpq_div (tmp, tmp, yj[0]);
        size_t r = 1;
        for (unsigned j2 = 0; j2 < nf; j2++)
          if (j2 != j) mpq_mul (w[j2], tmp, yj[r++]);
        mpq_set (c->z[j], best);
      }
    }
  }
  mpq_clear (tmp);
}

/* Strong tie-break: one LP per follower action j (Conitzer & Sandholm
 * 2006); the best commitment into xbest (nl), the certificate into ms. */
static void strong_lps (mixed_solution *ms, unsigned lt, unsigned ft, unsigned nl, unsigned nf, const mpq_t *UL,
                        const mpq_t *UF, mpq_t *xbest) {
  behav_cert *c = &ms->cert;
  c->kind = BEHAV_CERT_LP;
  c->lstage = lt, c->fstage = ft, c->nl = nl, c->nf = nf;
  c->z = mem_alloc (nf * sizeof *c->z);
  c->w = mem_alloc ((size_t) nf * nf * sizeof *c->w);
  for (unsigned j = 0; j < nf; j++) mpq_init (c->z[j]);
  for (size_t j = 0; j < (size_t) nf * nf; j++) mpq_init (c->w[j]);
  /* LP j: min -sum_i x_i uL(i,j) s.t. sum x = 1, sum_i x_i (uF(i,j) - uF(i,j')) >= 0 */
  size_t m = nf; /* rows: simplex + (nf - 1) */
  mpq_t *coef = mem_alloc (nl * sizeof *coef), *cost = mem_alloc (nl * sizeof *cost), *x = mem_alloc (nl * sizeof *x),
        *y = mem_alloc (m * sizeof *y), val, zero, best, bestf, fu;
  for (unsigned i = 0; i < nl; i++) mpq_init (coef[i]), mpq_init (cost[i]), mpq_init (x[i]);
  for (size_t i = 0; i < m; i++) mpq_init (y[i]);
  mpq_init (val), mpq_init (zero), mpq_init (best), mpq_init (bestf), mpq_init (fu);
  int *status = mem_alloc (nf * sizeof *status), bj = -1;
  /* y rows per LP kept to build the bounds once the optimum is known */
  mpq_t *Y = mem_alloc ((size_t) nf * m * sizeof *Y);
  for (size_t i = 0; i < (size_t) nf * m; i++) mpq_init (Y[i]);
  for (unsigned j = 0; j < nf; j++) {
    polytope p;
    polytope_init (&p, nl);
    polytope_add_simplex (&p, NULL);
    for (unsigned j2 = 0; j2 < nf; j2++) {
      if (j2 == j) continue;
      for (unsigned i = 0; i < nl; i++) mpq_sub (coef[i], UF[i * nf + j], UF[i * nf + j2]);
      polytope_add (&p, coef, POLYTOPE_GE, zero);
    }
    for (unsigned i = 0; i < nl; i++) mpq_neg (cost[i], UL[i * nf + j]);
    polytope_status st = polytope_solve (&p, cost, x, val, y);
    status[j] = st;
    for (size_t i = 0; i < m; i++) mpq_set (Y[j * m + i], y[i]);
    if (st == POLYTOPE_OPTIMAL) {
      mpq_neg (val, val);
      mpq_set (c->z[j], val); /* the LP's maximum: refined below */
      /* the leader's tie-break: among optimal commitments, the best for the
         follower: max sum x uF(.,j) with the leader's reward fixed */
      for (unsigned i = 0; i < nl; i++) mpq_set (coef[i], UL[i * nf + j]);
      polytope_add (&p, coef, POLYTOPE_GE, val);
      for (unsigned i = 0; i < nl; i++) mpq_neg (cost[i], UF[i * nf + j]);
      polytope_status s2 = polytope_solve (&p, cost, x, fu, NULL);
      (void) s2;
      mpq_neg (fu, fu);
      int cv = bj < 0 ? 1 : mpq_cmp (val, best);
      if (cv > 0 || (cv == 0 && mpq_cmp (fu, bestf) > 0)) {
        bj = (int) j;
        mpq_set (best, val), mpq_set (bestf, fu);
        for (unsigned i = 0; i < nl; i++) mpq_set (xbest[i], x[i]);
      }
    }
    polytope_clear (&p);
    ms->choice_nodes++;
  }
  lp_certificates (c, nl, nf, m, status, Y, UL, bj, best);
  for (size_t i = 0; i < (size_t) nf * m; i++) mpq_clear (Y[i]);
  for (unsigned i = 0; i < nl; i++) mpq_clear (coef[i]), mpq_clear (cost[i]), mpq_clear (x[i]);
  for (size_t i = 0; i < m; i++) mpq_clear (y[i]);
  free (coef), free (cost), free (x), free (y), free (Y), free (status);
  mpq_clear (val), mpq_clear (zero), mpq_clear (best), mpq_clear (bestf), mpq_clear (fu);
}

static void lps (const game *g, const mixed_options *opt, mixed_solution *ms, const int *fixed) {
  unsigned lt = game_stage (g, 1)->player == g->leader ? 1 : 2, ft = 3 - lt;
  int lv = g->stage_var[lt - 1], fv = g->stage_var[ft - 1];
  unsigned nl = g->vars[lv].domain, nf = g->vars[fv].domain;
  int F = 1 - g->leader;
  mpq_t *UL = mem_alloc ((size_t) nl * nf * sizeof *UL), *UF = mem_alloc ((size_t) nl * nf * sizeof *UF);
  int *vals = mem_calloc (g->nvars + 1, sizeof *vals);
  mpq_t rw[2];
  mpq_init (rw[0]), mpq_init (rw[1]);
  for (unsigned i = 0; i < nl; i++)
    for (unsigned j = 0; j < nf; j++) {
      for (unsigned k = 0; k < g->nvars; k++) vals[k] = g->vars[k].kind == GAME_EXOGENOUS ? fixed[k] : 0;
      vals[lv] = (int) i, vals[fv] = (int) j;
      game_complete (g, vals);
      game_rewards (g, vals, rw);
      mpq_init (UL[i * nf + j]), mpq_init (UF[i * nf + j]);
      mpq_set (UL[i * nf + j], rw[g->leader]), mpq_set (UF[i * nf + j], rw[F]);
    }
  if (opt->tie == GAME_TIE_WEAK) weak_lps (g, ms, lt, ft, nl, nf, UL, UF, fixed);
  else {
    mpq_t *xbest = mem_alloc (nl * sizeof *xbest);
    for (unsigned i = 0; i < nl; i++) mpq_init (xbest[i]);
    strong_lps (ms, lt, ft, nl, nf, UL, UF, xbest);
    /* the commitment and the response (strong: best for the leader, then lowest) */
    commit_respond (g, ms, lt, ft, nl, nf, UL, UF, fixed, xbest, true);
    for (unsigned i = 0; i < nl; i++) mpq_clear (xbest[i]);
    free (xbest);
  }
  for (size_t i = 0; i < (size_t) nl * nf; i++) mpq_clear (UL[i]), mpq_clear (UF[i]);
  free (UL), free (UF), free (vals);
  mpq_clear (rw[0]), mpq_clear (rw[1]);
}

/* ---- entry --------------------------------------------------------------------- */

bool mixed_solve (const game *g, const mixed_options *opt, mixed_solution *ms, scnfg_error *err) {
  memset (ms, 0, sizeof *ms);
  profile_solution_init (&ms->sol, g, "mixed", opt->tie);
  mpq_init (ms->sup);
  behav_cert_init (&ms->cert);
  int *fixed = mem_calloc (g->nvars + 1, sizeof *fixed);
  if (!shape (g, &ms->method, fixed, err)) {
    free (fixed);
    return false;
  }
  if (opt->tie != GAME_TIE_STRONG && (opt->tie != GAME_TIE_WEAK || ms->method != MIXED_LPS)) {
    free (fixed);
    return error_set (err, ERROR_INPUT, g->file, 0, 0,
                      "mixed commitment: tie-break '%s' is not supported here (strong everywhere; weak on "
                      "one-shot games)",
                      profile_tie_name (opt->tie));
  }
  double t0 = limits_now ();
  if (ms->method == MIXED_LPS) {
    lps (g, opt, ms, fixed);
  } else {
    walker w;
    memset (&w, 0, sizeof w);
    w.g = g, w.opt = opt, w.leader = g->leader, w.follower = 1 - g->leader, w.fixed = fixed;
    w.vals = mem_calloc (g->nvars + 1, sizeof *w.vals);
    mpq_init (w.s.a), mpq_init (w.s.b), mpq_init (w.s.c), mpq_init (w.s.d), mpq_init (w.s.e);
    pwl root;
    behav_pwl_init (&root);
    mpq_t t;
    mpq_init (t);
    if (opt->max_cert) {
      ms->cert.kind = BEHAV_CERT_TREE;
      w.cert = &ms->cert;
    }
    w.counting = true;
    solve (&w, 0, &root, t);
    w.counting = false;
    w.cert = NULL;
    if (ms->cert.kind == BEHAV_CERT_TREE && ms->cert.nnodes > opt->max_cert) behav_cert_clear (&ms->cert);
    ms->frontier_seconds = limits_now () - t0;
    ms->choice_nodes = w.choice, ms->front_max = w.front_max, ms->front_total = w.front_total;
    if (!w.stop) {
      mpq_set (ms->sol.reward[g->leader], root.vr[0]);
      if (opt->max_profile && profile_size (g) <= opt->max_profile) {
        w.prof = ms->prof = behav_new (g, 0);
        realize (&w, 0, root.b[0], root.vr[0]);
        if (!w.stop) {
          mpq_t uf, ul;
          mpq_init (uf), mpq_init (ul);
          respond (&w, 0, uf, ul);
          INVARIANT (mpq_equal (ul, root.vr[0]), "the mixed commitment does not reach the frontier's value");
          mpq_clear (uf), mpq_clear (ul);
        }
      } else {
        snprintf (ms->sol.reason, sizeof ms->sol.reason,
                  "commitment not built: %zu information sets over the limit %zu", profile_size (g),
                  opt->max_profile);
      }
    }
    ms->sol.nodes = w.nodes, ms->sol.leaves = w.leaves;
    if (w.stop) {
      ms->sol.status = GAME_UNKNOWN;
      snprintf (ms->sol.reason, sizeof ms->sol.reason, "%s", w.stop == 1 ? "timeout" : "node limit");
      behav_free (ms->prof), ms->prof = NULL;
      behav_cert_clear (&ms->cert);
    }
    behav_pwl_clear (&root);
    mpq_clear (t);
    mpq_clear (w.s.a), mpq_clear (w.s.b), mpq_clear (w.s.c), mpq_clear (w.s.d), mpq_clear (w.s.e);
    free (w.vals);
  }
  if (ms->sol.status == GAME_SOLVED && ms->prof) {
    bool ok = behav_evaluate (g, ms->prof, ms->sol.reward, &ms->sol.outcomes, opt->max_outcomes, NULL);
    INVARIANT (ok, "the mixed commitment is incomplete");
  }
  if (ms->sol.status == GAME_SOLVED) {
    mpq_set_ui (ms->sol.welfare, 0, 1);
    if (ms->prof)
      for (unsigned i = 0; i < g->nplayers; i++) mpq_add (ms->sol.welfare, ms->sol.welfare, ms->sol.reward[i]);
  }
  ms->sol.seconds = limits_now () - t0;
  free (fixed);
  return true;
}

/* QBF preprocessing over occurrence lists, in the spirit of bloqqer (Biere,
 * Lonsing & Seidl, CADE 2011) and HQSpre (Wimmer et al., TACAS 2017).
 *
 * Soundness, for every assignment s of the outermost block (what --model
 * needs): universal reduction, subsumption and resolution-based
 * strengthening keep the matrix (or its universal reduction) equivalent; a
 * unit existential literal must be true in every winning play; a pure
 * existential literal may be set true and a pure universal one false without
 * changing the value; resolving away a variable of the innermost existential
 * block is exact (it is chosen last, knowing everything). The clauses of an
 * eliminated variable are kept for prep_model, which picks its value after
 * every other variable of the outermost block is known.
 *
 * Clauses live in one literal pool; 'occ' lists clause ids per literal. A
 * dead clause stays in the lists until they are cleaned; a removed literal
 * leaves its list at once. Every pass counts its steps against a budget. */
#include "solver/qbf/prep.h"

#include <stdlib.h>
#include <string.h>

#include "base/limits.h"
#include "base/mem.h"
#include "solver/model/qbf.h"

#define STEP_BUDGET 40000000u /* per pass and round */
#define MAX_ROUNDS 8
#define BVE_OCC 16            /* at most this many occurrences of a polarity */
#define BVE_CLAUSE 64         /* longest resolvent kept */

struct prep {
  qbf *g;
  int nvars;
  signed char *fixed; /* var -> 1 / -1: value fixed by a unit or pure literal */
  int *elim;          /* eliminated variables, in order */
  size_t *elim_at;    /* their clauses start at rec + elim_at[i], each ended by 0 */
  size_t nelim, cap_elim, cap_elim_at;
  int *rec;
  size_t nrec, cap_rec;
  int *falsify;       /* after a conflict: the universal literals of the clause left without existential */
  unsigned nfalsify;
  bool conflict;
};

typedef struct vec {
  unsigned *a;
  size_t n, cap;
} vec;

typedef struct work {
  const qbf *f;
  prep_opts o;
  const scnfg_limits *lim;
  prep_stats *st;
  prep *p;
  int n;
  int *lits;
  size_t nlits, cap_lits;
  size_t *start;
  unsigned *size;
  bool *dead;
  unsigned ncl;
  size_t cap_start, cap_size, cap_dead;
  vec *occ;           /* literal index -> clause ids */
  signed char *val;   /* var -> 1 / -1 assigned, 0 free */
  bool *gone;         /* var eliminated */
  int *blk;           /* var -> block index */
  bool *univ;         /* var universal */
  int *queue;
  size_t qhead, qn, cap_queue;
  unsigned *mark;     /* literal index -> stamp */
  unsigned stamp;
  int *buf, *buf2;
  size_t cap_buf, cap_buf2;
  unsigned *cand;
  size_t cap_cand;
  uint64_t steps;
  bool conflict, expired, changed;
} work;

static inline size_t li (int l) { return 2 * (size_t) abs (l) + (l < 0); }

static bool expired (work *w) {
  if (!w->expired && w->lim) w->expired = limits_expired (w->lim);
  return w->expired;
}

static bool tick (work *w, uint64_t *budget, uint64_t cost) {
  w->steps += cost;
  if (*budget < cost) return false;
  *budget -= cost;
  if (w->lim && ((w->steps >> 16) != ((w->steps - cost) >> 16))) w->expired = w->expired || limits_expired (w->lim);
  return !w->expired;
}

static void occ_push (work *w, int l, unsigned c) {
  vec *v = &w->occ[li (l)];
  mem_reserve ((void **) &v->a, &v->cap, v->n + 1, sizeof *v->a);
  v->a[v->n++] = c;
}

static void occ_remove (work *w, int l, unsigned c) {
  vec *v = &w->occ[li (l)];
  for (size_t i = v->n; i-- > 0;)
    if (v->a[i] == c) {
      v->a[i] = v->a[--v->n];
      return;
    }
}

/* Drops dead clauses from the list of l; returns its length. */
static size_t occ_clean (work *w, int l) {
  vec *v = &w->occ[li (l)];
  size_t m = 0;
  for (size_t i = 0; i < v->n; i++)
    if (!w->dead[v->a[i]]) v->a[m++] = v->a[i];
  v->n = m;
  return m;
}

/* A clause of n literals (all universal) is left without existential
 * literal: the formula is false, and the forall player wins by falsifying
 * it. The first such clause is kept for prep_model. */
static void conflict_at (work *w, const int *a, unsigned n) {
  prep *p = w->p;
  if (!p->conflict) {
    p->conflict = true;
    p->falsify = mem_alloc ((n + 1) * sizeof *p->falsify);
    if (n) memcpy (p->falsify, a, n * sizeof *a);
    p->nfalsify = n;
  }
  w->conflict = true;
}

static void enqueue (work *w, int l) {
  int v = abs (l);
  if (w->val[v]) {
    if (w->val[v] != (l > 0 ? 1 : -1)) conflict_at (w, NULL, 0);
    return;
  }
  w->val[v] = (signed char) (l > 0 ? 1 : -1);
  w->p->fixed[v] = w->val[v];
  mem_reserve ((void **) &w->queue, &w->cap_queue, w->qn + 1, sizeof *w->queue);
  w->queue[w->qn++] = l;
}

/* Universal reduction of n literals in a (in place); returns the new n. */
static unsigned reduce_array (work *w, int *a, unsigned n) {
  if (!w->o.ur) return n;
  int maxe = -1;
  for (unsigned i = 0; i < n; i++)
    if (!w->univ[abs (a[i])] && w->blk[abs (a[i])] > maxe) maxe = w->blk[abs (a[i])];
  if (maxe < 0) conflict_at (w, a, n);
  unsigned m = 0;
  for (unsigned i = 0; i < n; i++)
    if (!w->univ[abs (a[i])] || w->blk[abs (a[i])] < maxe) a[m++] = a[i];
  w->st->ur_lits += n - m;
  return m;
}

/* After clause c changed: a clause without existential literal makes the
 * formula false; a unit existential literal is queued. */
static void clause_check (work *w, unsigned c) {
  const int *a = w->lits + w->start[c];
  unsigned n = w->size[c], ne = 0;
  for (unsigned i = 0; i < n; i++) ne += !w->univ[abs (a[i])];
  if (!ne) conflict_at (w, a, n);
  else if (n == 1 && w->o.unit) {
    w->st->units++;
    enqueue (w, a[0]);
  }
}

/* Adds a clause of n distinct, non-complementary literals (reduced here). */
static void clause_add (work *w, int *a, unsigned n) {
  n = reduce_array (w, a, n);
  mem_reserve ((void **) &w->lits, &w->cap_lits, w->nlits + n + 1, sizeof *w->lits);
  mem_reserve ((void **) &w->start, &w->cap_start, w->ncl + 1, sizeof *w->start);
  mem_reserve ((void **) &w->size, &w->cap_size, w->ncl + 1, sizeof *w->size);
  mem_reserve ((void **) &w->dead, &w->cap_dead, w->ncl + 1, sizeof *w->dead);
  unsigned c = w->ncl++;
  w->start[c] = w->nlits, w->size[c] = n, w->dead[c] = false;
  memcpy (w->lits + w->nlits, a, n * sizeof *a);
  w->nlits += n;
  for (unsigned i = 0; i < n; i++) occ_push (w, a[i], c);
  clause_check (w, c);
}

static void clause_kill (work *w, unsigned c) {
  w->dead[c] = true;
  w->changed = true;
}

/* Removes literal l from clause c, then universal reduction of c. */
static void clause_drop_lit (work *w, unsigned c, int l) {
  int *a = w->lits + w->start[c];
  unsigned n = w->size[c], m = 0;
  for (unsigned i = 0; i < n; i++)
    if (a[i] != l) a[m++] = a[i];
  occ_remove (w, l, c);
  if (w->o.ur) {
    unsigned k = m;
    mem_reserve ((void **) &w->buf, &w->cap_buf, m + 1, sizeof *w->buf);
    memcpy (w->buf, a, m * sizeof *a);
    m = reduce_array (w, a, m);
    for (unsigned i = 0, j = 0; i < k; i++) { /* a is an ordered subsequence of buf */
      if (j < m && a[j] == w->buf[i]) j++;
      else occ_remove (w, w->buf[i], c);
    }
  }
  w->size[c] = m;
  w->changed = true;
  clause_check (w, c);
}

/* Unit propagation of the queue. */
static void propagate (work *w) {
  while (w->qhead < w->qn && !w->conflict) {
    int l = w->queue[w->qhead++];
    vec *t = &w->occ[li (l)];
    for (size_t i = 0; i < t->n; i++) clause_kill (w, t->a[i]);
    t->n = 0;
    vec *fl = &w->occ[li (-l)];
    while (fl->n && !w->conflict) {
      unsigned c = fl->a[fl->n - 1];
      if (w->dead[c]) fl->n--;
      else clause_drop_lit (w, c, -l);
    }
  }
}

/* Pure literals: exists ones true, forall ones false. */
static void pure_pass (work *w) {
  for (int v = 1; v <= w->n && !w->conflict; v++) {
    if (w->val[v] || w->gone[v]) continue;
    size_t pos = occ_clean (w, v), neg = occ_clean (w, -v);
    if (!pos && !neg) continue;
    if (pos && neg) continue;
    int l = pos ? v : -v; /* the literal that occurs */
    if (w->univ[v]) w->st->pure_a++, enqueue (w, -l);
    else w->st->pure_e++, enqueue (w, l);
    propagate (w);
  }
}

/* Clause c subsumes or strengthens the clauses that share its rarest literal
 * (subsumption) or the complement of one of its literals (strengthening). */
static void subsume_with (work *w, unsigned c, uint64_t *budget) {
  unsigned n = w->size[c];
  const int *a = w->lits + w->start[c];
  w->stamp++;
  int best = 0;
  size_t bestn = (size_t) -1;
  for (unsigned i = 0; i < n; i++) {
    w->mark[li (a[i])] = w->stamp;
    size_t k = w->occ[li (a[i])].n;
    if (k < bestn) bestn = k, best = a[i];
  }
  vec *t = &w->occ[li (best)];
  if (!tick (w, budget, t->n)) return;
  for (size_t i = 0; i < t->n; i++) {
    unsigned d = t->a[i];
    if (d == c || w->dead[d] || w->size[d] < n) continue;
    const int *b = w->lits + w->start[d];
    unsigned hit = 0;
    if (!tick (w, budget, w->size[d])) return;
    for (unsigned j = 0; j < w->size[d]; j++) hit += w->mark[li (b[j])] == w->stamp;
    if (hit == n) clause_kill (w, d), w->st->subsumed++;
  }
  for (unsigned k = 0; k < n && !w->dead[c]; k++) {
    int l = w->lits[w->start[c] + k];
    vec *u = &w->occ[li (-l)];
    size_t nc = 0;
    if (!tick (w, budget, u->n)) return;
    for (size_t i = 0; i < u->n; i++) {
      unsigned d = u->a[i];
      if (w->dead[d] || w->size[d] < n) continue;
      const int *b = w->lits + w->start[d];
      unsigned hit = 0;
      if (!tick (w, budget, w->size[d])) return;
      for (unsigned j = 0; j < w->size[d]; j++) hit += w->mark[li (b[j])] == w->stamp;
      if (hit == n - 1) {
        mem_reserve ((void **) &w->cand, &w->cap_cand, nc + 1, sizeof *w->cand);
        w->cand[nc++] = d;
      }
    }
    for (size_t i = 0; i < nc && !w->conflict; i++) {
      if (w->dead[w->cand[i]]) continue;
      clause_drop_lit (w, w->cand[i], -l);
      w->st->strengthened++;
    }
    if (w->conflict) return;
    w->stamp++; /* the marks of c again (c itself is unchanged) */
    for (unsigned i = 0; i < n; i++) w->mark[li (w->lits[w->start[c] + i])] = w->stamp;
  }
}

static void subsume_pass (work *w) {
  uint64_t budget = STEP_BUDGET;
  for (int v = 1; v <= w->n; v++) occ_clean (w, v), occ_clean (w, -v);
  unsigned ncl = w->ncl;
  for (unsigned c = 0; c < ncl && !w->conflict && budget && !w->expired; c++)
    if (!w->dead[c] && w->size[c] > 0) {
      subsume_with (w, c, &budget);
      propagate (w);
    }
}

/* The resolvent of clauses c (with v) and d (with -v) into w->buf2; returns
 * its length, -1 for a tautology, -2 if it is longer than BVE_CLAUSE. */
static int resolvent (work *w, unsigned c, unsigned d, int v) {
  const int *a = w->lits + w->start[c], *b = w->lits + w->start[d];
  unsigned n = 0;
  w->stamp++;
  mem_reserve ((void **) &w->buf2, &w->cap_buf2, w->size[c] + w->size[d] + 1, sizeof *w->buf2);
  for (unsigned i = 0; i < w->size[c]; i++)
    if (a[i] != v) w->mark[li (a[i])] = w->stamp, w->buf2[n++] = a[i];
  for (unsigned i = 0; i < w->size[d]; i++) {
    if (b[i] == -v || w->mark[li (b[i])] == w->stamp) continue;
    if (w->mark[li (-b[i])] == w->stamp) return -1;
    w->buf2[n++] = b[i];
  }
  return n > BVE_CLAUSE ? -2 : (int) n;
}

/* Saves the clauses of v for prep_model and kills them. */
static void eliminate_record (work *w, int v) {
  prep *p = w->p;
  mem_reserve ((void **) &p->elim, &p->cap_elim, p->nelim + 1, sizeof *p->elim);
  mem_reserve ((void **) &p->elim_at, &p->cap_elim_at, p->nelim + 1, sizeof *p->elim_at);
  p->elim[p->nelim] = v, p->elim_at[p->nelim] = p->nrec, p->nelim++;
  for (int s = 0; s < 2; s++) {
    vec *t = &w->occ[li (s ? -v : v)];
    for (size_t i = 0; i < t->n; i++) {
      unsigned c = t->a[i];
      mem_reserve ((void **) &p->rec, &p->cap_rec, p->nrec + w->size[c] + 1, sizeof *p->rec);
      memcpy (p->rec + p->nrec, w->lits + w->start[c], w->size[c] * sizeof *p->rec);
      p->nrec += w->size[c];
      p->rec[p->nrec++] = 0;
      clause_kill (w, c);
    }
  }
}

/* Tries to eliminate v: done when the non-tautological resolvents are no
 * more than the clauses they replace. */
static bool try_eliminate (work *w, int v, uint64_t *budget) {
  size_t np = occ_clean (w, v), nn = occ_clean (w, -v);
  if (!np && !nn) return false;
  if (np > BVE_OCC || nn > BVE_OCC) return false;
  vec *P = &w->occ[li (v)], *N = &w->occ[li (-v)];
  size_t limit = np + nn, count = 0;
  for (size_t i = 0; i < np; i++)
    for (size_t j = 0; j < nn; j++) {
      if (!tick (w, budget, w->size[P->a[i]] + w->size[N->a[j]])) return false;
      int k = resolvent (w, P->a[i], N->a[j], v);
      if (k == -2 || (k >= 0 && ++count > limit)) return false; /* too long, or too many */
    }
  /* keep the resolvents aside: adding them changes the lists */
  size_t nres = 0, cap = 0;
  int *res = NULL;
  for (size_t i = 0; i < np; i++)
    for (size_t j = 0; j < nn; j++) {
      int k = resolvent (w, P->a[i], N->a[j], v);
      if (k < 0) continue;
      mem_reserve ((void **) &res, &cap, nres + (size_t) k + 1, sizeof *res);
      memcpy (res + nres, w->buf2, (size_t) k * sizeof *res);
      nres += (size_t) k;
      res[nres++] = 0;
    }
  eliminate_record (w, v);
  w->gone[v] = true;
  w->st->eliminated++;
  for (size_t i = 0; i < nres && !w->conflict;) {
    size_t j = i;
    while (res[j]) j++;
    clause_add (w, res + i, (unsigned) (j - i));
    w->st->resolvents++;
    i = j + 1;
  }
  free (res);
  return true;
}

static void bve_pass (work *w) {
  const qbf *f = w->f;
  int last = -1;
  for (unsigned b = 0; b < f->nblocks; b++)
    if (f->blocks[b].quant == QBF_EXISTS) last = (int) b;
  if (last < 0 || !w->o.ur) return;
  uint64_t budget = STEP_BUDGET;
  const qbf_block *B = &f->blocks[last];
  for (unsigned k = 0; k < B->nvars && !w->conflict && budget && !w->expired; k++) {
    int v = B->vars[k];
    if (w->val[v] || w->gone[v]) continue;
    if (try_eliminate (w, v, &budget)) propagate (w);
  }
}

/* Loads f's clauses: tautologies dropped, universal reduction. */
static void load (work *w) {
  const qbf *f = w->f;
  for (unsigned i = 0; i < f->nclauses && !w->conflict; i++) {
    const int *c = qbf_clause_lits (f, i);
    unsigned n = 0;
    bool taut = false;
    w->stamp++;
    for (const int *p = c; *p; p++) {
      if (w->mark[li (-*p)] == w->stamp) taut = true;
      w->mark[li (*p)] = w->stamp;
      n++;
    }
    w->st->clauses_in++;
    w->st->lits_in += n;
    if (taut) continue;
    mem_reserve ((void **) &w->buf, &w->cap_buf, n + 1, sizeof *w->buf);
    memcpy (w->buf, c, n * sizeof *c);
    clause_add (w, w->buf, n);
  }
  propagate (w);
}

/* The result formula: f's prefix, the live clauses (one empty clause after a conflict). */
static qbf *output (work *w) {
  const qbf *f = w->f;
  qbf *g = qbf_new (f->header_vars, f->header_clauses);
  for (unsigned b = 0; b < f->nblocks; b++)
    qbf_add_block (g, f->blocks[b].quant, f->blocks[b].vars, f->blocks[b].nvars, NULL);
  if (w->conflict) {
    int none = 0;
    qbf_add_clause (g, &none, 0);
    w->st->clauses_out = 1;
  } else
    for (unsigned c = 0; c < w->ncl; c++)
      if (!w->dead[c]) {
        qbf_add_clause (g, w->lits + w->start[c], w->size[c]);
        w->st->clauses_out++;
        w->st->lits_out += w->size[c];
      }
  qbf_finish (g);
  return g;
}

static void work_init (work *w, const qbf *f) {
  int n = w->n = f->nvars;
  w->occ = mem_calloc (2 * (size_t) n + 2, sizeof *w->occ);
  w->mark = mem_calloc (2 * (size_t) n + 2, sizeof *w->mark);
  w->val = mem_calloc ((size_t) n + 1, 1);
  w->gone = mem_calloc ((size_t) n + 1, sizeof *w->gone);
  w->blk = mem_calloc ((size_t) n + 1, sizeof *w->blk);
  w->univ = mem_calloc ((size_t) n + 1, sizeof *w->univ);
  for (int v = 1; v <= n; v++) {
    w->blk[v] = (int) f->block_of[v] - 1;
    w->univ[v] = qbf_quant_of (f, v) == QBF_FORALL;
  }
  size_t longest = 1;
  for (unsigned i = 0; i < f->nclauses; i++)
    if (qbf_clause_size (f, i) > longest) longest = qbf_clause_size (f, i);
  mem_reserve ((void **) &w->buf, &w->cap_buf, longest + 1, sizeof *w->buf);
}

static void work_free (work *w) {
  for (size_t i = 0; i < 2 * (size_t) w->n + 2; i++) free (w->occ[i].a);
  free (w->occ), free (w->mark), free (w->val), free (w->gone), free (w->blk), free (w->univ);
  free (w->lits), free (w->start), free (w->size), free (w->dead), free (w->queue);
  free (w->buf), free (w->buf2), free (w->cand);
}

prep *prep_run (const qbf *f, const prep_opts *o, const scnfg_limits *lim, prep_stats *st) {
  prep_stats local;
  if (!st) st = &local;
  memset (st, 0, sizeof *st);
  st->ran = true;
  double t0 = limits_now ();
  prep *p = mem_calloc (1, sizeof *p);
  p->nvars = f->nvars;
  p->fixed = mem_calloc ((size_t) f->nvars + 1, 1);
  work w;
  memset (&w, 0, sizeof w);
  w.f = f, w.o = *o, w.lim = lim, w.st = st, w.p = p;
  work_init (&w, f);
  load (&w);
  for (unsigned r = 0; r < MAX_ROUNDS && !w.conflict && !expired (&w); r++) {
    w.changed = false;
    st->rounds++;
    if (o->pure) pure_pass (&w);
    if (o->subsume && !w.conflict) subsume_pass (&w);
    if (o->bve && !w.conflict) bve_pass (&w);
    if (!w.changed) break;
  }
  p->g = output (&w);
  work_free (&w);
  st->seconds = limits_now () - t0;
  return p;
}

const qbf *prep_formula (const prep *p) { return p->g; }

void prep_model (const prep *p, const qbf *f, int *model) {
  if (!f->nblocks) return;
  const qbf_block *B = &f->blocks[0];
  for (unsigned k = 0; k < p->nfalsify; k++)
    if (f->block_of[abs (p->falsify[k])] == 1) model[abs (p->falsify[k])] = -p->falsify[k];
  for (unsigned k = 0; k < B->nvars; k++) {
    int v = B->vars[k];
    if (p->fixed[v]) model[v] = p->fixed[v] > 0 ? v : -v;
  }
  for (size_t i = p->nelim; i-- > 0;) {
    int v = p->elim[i];
    if (f->block_of[v] != 1) continue;
    size_t end = i + 1 < p->nelim ? p->elim_at[i + 1] : p->nrec;
    model[v] = -v;
    for (size_t at = p->elim_at[i]; at < end; at++) {
      bool sat = false;
      for (; p->rec[at]; at++) sat = sat || model[abs (p->rec[at])] == p->rec[at];
      if (!sat) {
        model[v] = v;
        break;
      }
    }
  }
}

void prep_free (prep *p) {
  if (!p) return;
  qbf_free (p->g);
  free (p->fixed), free (p->elim), free (p->elim_at), free (p->rec), free (p->falsify);
  free (p);
}

/* Behavioural commitments, their exact evaluation, certificates (see
 * behav.h); their documents and tables are solver/model/result, resulttext. */
#include "solver/model/behav.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "solver/model/game.h"

static bool leader_choice (const game *g, unsigned t) {
  const game_var *v = game_stage (g, t);
  return v->player == g->leader && v->layers != GAME_L1;
}

behav_profile *behav_new (const game *g, size_t max_entries) {
  game_profile *p = profile_new (g, max_entries);
  if (!p) return NULL;
  behav_profile *b = mem_calloc (1, sizeof *b);
  b->pure = p;
  b->prob = mem_calloc (g->nstages ? g->nstages : 1, sizeof *b->prob);
  b->nprob = mem_calloc (g->nstages ? g->nstages : 1, sizeof *b->nprob);
  for (unsigned t = 1; t <= g->nstages; t++) {
    p->pol[t - 1].layer = game_stage (g, t)->layers == GAME_L1 ? 1 : 2;
    if (!leader_choice (g, t)) continue;
    size_t n = p->pol[t - 1].size * game_stage (g, t)->domain;
    b->prob[t - 1] = mem_alloc (n * sizeof **b->prob);
    b->nprob[t - 1] = n;
    for (size_t i = 0; i < n; i++) mpq_init (b->prob[t - 1][i]);
  }
  return b;
}

void behav_free (behav_profile *b) {
  if (!b) return;
  for (unsigned t = 0; t < b->pure->nstages; t++) {
    for (size_t i = 0; i < b->nprob[t]; i++) mpq_clear (b->prob[t][i]);
    free (b->prob[t]);
  }
  free (b->prob), free (b->nprob);
  profile_free (b->pure);
  free (b);
}

void behav_set_dist (const game *g, behav_profile *b, unsigned t, size_t idx, const mpq_t *dist) {
  unsigned d = game_stage (g, t)->domain;
  mpq_t *row = b->prob[t - 1] + idx * d;
  int mode = 0;
  for (unsigned a = 0; a < d; a++) {
    mpq_set (row[a], dist[a]);
    if (mpq_cmp (row[a], row[mode]) > 0) mode = (int) a;
  }
  b->pure->pol[t - 1].act[idx] = mode;
}

void behav_set_pure (const game *g, behav_profile *b, unsigned t, size_t idx, int a) {
  unsigned d = game_stage (g, t)->domain;
  mpq_t *row = b->prob[t - 1] + idx * d;
  for (unsigned k = 0; k < d; k++) mpq_set_ui (row[k], (int) k == a, 1);
  b->pure->pol[t - 1].act[idx] = a;
}

/* ---- evaluation ------------------------------------------------------- */

typedef struct bev {
  const game *g;
  const behav_profile *b;
  int *vals;
  mpq_t *reward, *leaf;
  profile_outcomes *outs;
  size_t max_outcomes;
  unsigned missing;
} bev;

static bool bev_rec (bev *ev, unsigned k, const mpq_t prob) {
  const game *g = ev->g;
  if (k == g->nfixed) {
    profile_add_leaf (g, ev->vals, prob, ev->reward, ev->leaf, ev->outs, ev->max_outcomes);
    return true;
  }
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  const mpq_t *dist = NULL;
  if (x->kind == GAME_EXOGENOUS) dist = x->prior;
  else if (x->kind == GAME_ACTION && game_active (g, v, ev->vals) && ev->b->prob[x->stage - 1]) {
    const game_policy *pol = &ev->b->pure->pol[x->stage - 1];
    size_t idx = profile_index (pol, ev->vals, 0);
    if (pol->act[idx] == PROFILE_NONE) {
      ev->missing = x->stage;
      return false;
    }
    dist = ev->b->prob[x->stage - 1] + idx * x->domain;
  }
  if (dist) {
    mpq_t q;
    mpq_init (q);
    bool ok = true;
    for (unsigned a = 0; a < x->domain && ok; a++) {
      if (mpq_sgn (dist[a]) == 0) continue;
      mpq_mul (q, prob, dist[a]);
      ev->vals[v] = (int) a;
      ok = bev_rec (ev, k + 1, q);
    }
    mpq_clear (q);
    return ok;
  }
  if (x->kind == GAME_ENDOGENOUS) ev->vals[v] = (int) game_eval (x->expr, ev->vals);
  else if (!game_active (g, v, ev->vals)) ev->vals[v] = 0;
  else {
    int a = profile_action (g, ev->b->pure, x->stage, ev->vals);
    if (a < 0 || (unsigned) a >= x->domain) {
      ev->missing = x->stage;
      return false;
    }
    ev->vals[v] = a;
  }
  return bev_rec (ev, k + 1, prob);
}

bool behav_evaluate (const game *g, const behav_profile *b, mpq_t *reward, profile_outcomes *outs, size_t max_outcomes,
                     unsigned *missing_stage) {
  bev ev = {g, b, mem_calloc (g->nvars + 1, sizeof (int)), reward, NULL, outs, max_outcomes, 0};
  ev.leaf = mem_alloc (g->nplayers * sizeof *ev.leaf);
  for (unsigned i = 0; i < g->nplayers; i++) mpq_init (ev.leaf[i]), mpq_set_ui (reward[i], 0, 1);
  mpq_t one;
  mpq_init (one);
  mpq_set_ui (one, 1, 1);
  bool ok = bev_rec (&ev, 0, one);
  if (!ok && missing_stage) *missing_stage = ev.missing;
  mpq_clear (one);
  for (unsigned i = 0; i < g->nplayers; i++) mpq_clear (ev.leaf[i]);
  free (ev.leaf);
  free (ev.vals);
  return ok;
}

/* ---- certificates ------------------------------------------------------ */

void behav_pwl_init (behav_pwl *f) { memset (f, 0, sizeof *f); }

void behav_pwl_reset (behav_pwl *f) {
  for (size_t i = 0; i < f->n; i++) mpq_clear (f->b[i]), mpq_clear (f->vl[i]), mpq_clear (f->vr[i]);
  f->n = 0;
}

void behav_pwl_clear (behav_pwl *f) {
  behav_pwl_reset (f);
  free (f->b), free (f->vl), free (f->vr);
  memset (f, 0, sizeof *f);
}

void behav_pwl_push (behav_pwl *f, const mpq_t b, const mpq_t vl, const mpq_t vr) {
  if (f->n == f->cap) {
    f->cap = f->cap ? 2 * f->cap : 4;
    f->b = mem_realloc (f->b, f->cap * sizeof *f->b);
    f->vl = mem_realloc (f->vl, f->cap * sizeof *f->vl);
    f->vr = mem_realloc (f->vr, f->cap * sizeof *f->vr);
  }
  mpq_init (f->b[f->n]), mpq_init (f->vl[f->n]), mpq_init (f->vr[f->n]);
  mpq_set (f->b[f->n], b), mpq_set (f->vl[f->n], vl), mpq_set (f->vr[f->n], vr);
  f->n++;
}

void behav_pwl_copy (behav_pwl *dst, const behav_pwl *src) {
  behav_pwl_reset (dst);
  for (size_t i = 0; i < src->n; i++) behav_pwl_push (dst, src->b[i], src->vl[i], src->vr[i]);
}

void behav_cert_init (behav_cert *c) { memset (c, 0, sizeof *c); }

void behav_cert_clear (behav_cert *c) {
  if (c->z)
    for (unsigned j = 0; j < c->nf; j++) mpq_clear (c->z[j]);
  if (c->w)
    for (size_t j = 0; j < (size_t) c->nf * c->nf; j++) mpq_clear (c->w[j]);
  free (c->z), free (c->w);
  for (size_t k = 0; k < c->nnodes; k++) behav_pwl_clear (&c->front[k]);
  free (c->front);
  memset (c, 0, sizeof *c);
}

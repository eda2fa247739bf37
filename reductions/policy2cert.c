/* Policy tables to certificate circuits (see policy2cert.h). The circuit of
 * a table is built bottom-up like a reduced ordered decision diagram (Bryant
 * 1986): level by level from the last observed move, each pair of
 * sub-functions becomes ite(x, hi, lo), equal halves collapse, and a unique
 * table shares equal (x, hi, lo) nodes across all the tables of one player. */
#include "reductions/policy2cert.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/model/cert.h"
#include "solver/model/pdag.h"
#include "solver/model/qbf.h"

typedef struct unique {
  size_t cap, n;
  int *key; /* 3 ints per slot: var, hi, lo; var == 0: empty */
  int *val;
} unique;

static size_t slot_of (const unique *u, int v, int hi, int lo) {
  uint64_t h = (uint64_t) (unsigned) v * 0x9e3779b97f4a7c15ULL ^ (uint64_t) (unsigned) hi * 0xc2b2ae3d27d4eb4fULL ^
               (uint64_t) (unsigned) lo * 0x165667b19e3779f9ULL;
  size_t i = (size_t) (h ^ (h >> 29)) & (u->cap - 1);
  while (u->key[3 * i] && (u->key[3 * i] != v || u->key[3 * i + 1] != hi || u->key[3 * i + 2] != lo))
    i = (i + 1) & (u->cap - 1);
  return i;
}

static void grow (unique *u) {
  unique w = {.cap = u->cap ? 2 * u->cap : 1024};
  w.key = mem_calloc (3 * w.cap, sizeof *w.key);
  w.val = mem_alloc (w.cap * sizeof *w.val);
  for (size_t i = 0; i < u->cap; i++)
    if (u->key[3 * i]) {
      size_t j = slot_of (&w, u->key[3 * i], u->key[3 * i + 1], u->key[3 * i + 2]);
      memcpy (w.key + 3 * j, u->key + 3 * i, 3 * sizeof *w.key);
      w.val[j] = u->val[i];
    }
  w.n = u->n;
  free (u->key), free (u->val);
  *u = w;
}

static int mk (cert *c, unique *u, int v, int hi, int lo) {
  if (hi == lo) return hi;
  if (2 * (u->n + 1) > u->cap) grow (u);
  size_t i = slot_of (u, v, hi, lo);
  if (!u->key[3 * i]) {
    u->key[3 * i] = v, u->key[3 * i + 1] = hi, u->key[3 * i + 2] = lo;
    u->val[i] = cert_ite (c, v, hi, lo);
    u->n++;
  }
  return u->val[i];
}

/* qv[t] = the t-th quantified variable of f in prefix order (stage t of g);
 * a new array, or NULL if f does not have exactly g's stage count. */
static int *stage_vars (const qbf *f, const game *g) {
  int *qv = mem_alloc (((size_t) g->nstages + 1) * sizeof *qv);
  unsigned t = 0;
  for (unsigned b = 0; b < f->nblocks; b++)
    for (unsigned i = 0; i < f->blocks[b].nvars; i++) {
      if (t == g->nstages) break;
      qv[++t] = f->blocks[b].vars[i];
    }
  if (t != g->nstages) free (qv), qv = NULL;
  return qv;
}

cert *policy2cert_extract (const qbf *f, const game *g, const game_profile *p, int skolem) {
  if (qbf_is_stochastic (f) || !p) return NULL;
  int *qv = stage_vars (f, g);
  if (!qv || p->nstages != g->nstages) {
    free (qv);
    return NULL;
  }
  cert *c = cert_new (skolem ? CERT_SKOLEM : CERT_HERBRAND, f->nvars);
  qbf_quant mine = skolem ? QBF_EXISTS : QBF_FORALL;
  unique u = {0};
  int *cur = NULL;
  size_t cap = 0;
  for (unsigned st = 1; st <= g->nstages; st++) {
    if (qbf_quant_of (f, qv[st]) != mine) continue;
    const game_policy *pol = &p->pol[st - 1];
    bool ok = !pol->intuition && pol->nobs == st - 1;
    for (unsigned j = 0; j < pol->nobs && ok; j++) ok = g->vars[pol->obs[j]].kind == GAME_ACTION && pol->radix[j] == 2;
    if (!ok) { /* not a reduction game */
      cert_free (c), c = NULL;
      break;
    }
    mem_reserve ((void **) &cur, &cap, pol->size, sizeof *cur);
    for (size_t i = 0; i < pol->size; i++) cur[i] = pol->act[i] == 1 ? CERT_TRUE : CERT_FALSE;
    size_t n = pol->size;
    for (unsigned j = pol->nobs; j-- > 0;) { /* the last observation is the lowest bit */
      n /= 2;
      int x = qv[g->vars[pol->obs[j]].stage];
      for (size_t i = 0; i < n; i++) cur[i] = mk (c, &u, x, cur[2 * i + 1], cur[2 * i]);
    }
    cert_set_function (c, qv[st], cur[0]);
  }
  free (cur), free (qv), free (u.key), free (u.val);
  return c;
}

cert *policy2cert_from_dag (const qbf *f, const game *g, const pdag *d, int skolem) {
  int root = pdag_root (d);
  if (qbf_is_stochastic (f) || root < 0 || pdag_full (d)) return NULL;
  int *qv = stage_vars (f, g);
  if (!qv) return NULL;
  cert *c = cert_new (skolem ? CERT_SKOLEM : CERT_HERBRAND, f->nvars);
  qbf_quant mine = skolem ? QBF_EXISTS : QBF_FORALL;
  int *fn = mem_alloc (((size_t) f->nvars + 1) * sizeof *fn);
  for (int v = 0; v <= f->nvars; v++) fn[v] = CERT_FALSE;
  int *reach = mem_alloc (((size_t) root + 1) * sizeof *reach);
  for (int i = 0; i <= root; i++) reach[i] = CERT_FALSE;
  reach[root] = CERT_TRUE;
  for (int id = root; id >= 1 && c; id--) { /* parents have larger ids: each reach is complete when read */
    int r = reach[id];
    if (r == CERT_FALSE) continue;
    const pdag_node *n = pdag_node_at (d, id);
    const game_var *x = &g->vars[n->var];
    int y = x->kind == GAME_ACTION && x->stage >= 1 && x->stage <= g->nstages ? qv[x->stage] : 0;
    if (!y || (qbf_quant_of (f, y) == mine) != (n->act >= 0)) {
      cert_free (c), c = NULL; /* not the winner's policy of a reduction game */
      break;
    }
    if (n->act >= 0) {
      if (n->act == 1) fn[y] = cert_or (c, fn[y], r);
      int k = n->kid[n->act];
      if (k) reach[k] = cert_or (c, reach[k], r);
    } else {
      for (int a = 0; a < 2; a++)
        if (n->kid[a]) reach[n->kid[a]] = cert_or (c, reach[n->kid[a]], cert_and (c, r, a ? y : -y));
    }
  }
  for (unsigned st = 1; st <= g->nstages && c; st++)
    if (qbf_quant_of (f, qv[st]) == mine) cert_set_function (c, qv[st], fn[qv[st]]);
  free (reach), free (fn), free (qv);
  return c;
}

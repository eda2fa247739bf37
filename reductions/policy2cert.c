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

cert *policy2cert_extract (const qbf *f, const game *g, const game_profile *p, int skolem) {
  if (qbf_is_stochastic (f) || !p) return NULL;
  /* stage t <-> the t-th quantified variable in prefix order */
  int *qv = mem_alloc (((size_t) g->nstages + 1) * sizeof *qv);
  unsigned t = 0;
  for (unsigned b = 0; b < f->nblocks; b++)
    for (unsigned i = 0; i < f->blocks[b].nvars; i++) {
      if (t == g->nstages) break;
      qv[++t] = f->blocks[b].vars[i];
    }
  if (t != g->nstages || p->nstages != g->nstages) {
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

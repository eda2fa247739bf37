/* Instance surgery and greedy shrinking (see edit.h). Every edit rebuilds the
 * game through the model's builder and game_finish, so a result is checked
 * exactly like a game read from a file. */
#include "instances/edit.h"

#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/prng.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/model/qbf.h"

/* ---- rebuilding a game with one plan of changes ----------------------- */

typedef struct plan {
  int drop;              /* variable removed (-1: none) */
  int shrink;            /* variable whose largest value is removed (-1) */
  int noinst;            /* action whose instinct becomes 0 (-1) */
  int noactive;          /* action whose active-if is dropped (-1) */
  game_expr **inst;      /* NULL or nvars entries: replacement instincts (owned by the plan) */
  bool *inst_set;        /* which entries of inst apply (NULL entry: constant 0) */
  unsigned *layers;      /* NULL or nvars entries: replacement layers (0: keep) */
  int leader;            /* new leader (-1: keep) */
} plan;

static void plan_init (plan *p) {
  memset (p, 0, sizeof *p);
  p->drop = p->shrink = p->noinst = p->noactive = p->leader = -1;
}

static void plan_clear (plan *p, unsigned nvars) {
  if (p->inst)
    for (unsigned v = 0; v < nvars; v++) game_expr_free (p->inst[v]);
  free (p->inst), free (p->inst_set), free (p->layers);
}

static void plan_alloc_inst (plan *p, unsigned nvars) {
  if (p->inst) return;
  p->inst = mem_calloc (nvars + 1, sizeof *p->inst);
  p->inst_set = mem_calloc (nvars + 1, sizeof *p->inst_set);
}

typedef struct xfctx {
  const game *g;
  const plan *p;
  const int *remap;
  const unsigned *newdom;
  bool bad;
} xfctx;

static game_expr *xf (xfctx *c, const game_expr *e, unsigned clamp) {
  if (!e) return NULL;
  int drop = c->p->drop;
  switch (e->op) {
  case GAME_CONST: {
    game_expr *r = game_expr_copy (e);
    if (clamp && mpz_cmp_ui (mpq_denref (r->q), 1) == 0 && mpz_cmp_si (mpq_numref (r->q), (long) clamp) >= 0) {
      r->k = (long) clamp - 1;
      mpq_set_si (r->q, r->k, 1);
    }
    return r;
  }
  case GAME_VAR:
    if (e->var == drop) return game_expr_const (0);
    if (clamp && c->newdom[e->var] > clamp) c->bad = true;
    return game_expr_var (c->remap[e->var]);
  case GAME_EQ:
    if (e->var == drop) return game_expr_const (e->k == 0);
    if (e->k >= (long) c->newdom[e->var]) return game_expr_const (0);
    return game_expr_eq (c->remap[e->var], e->k);
  case GAME_NOT: return game_expr_not (xf (c, e->kids[0], 0));
  case GAME_ITE: {
    game_expr *a = xf (c, e->kids[0], 0), *b = xf (c, e->kids[1], clamp), *d = xf (c, e->kids[2], clamp);
    return game_expr_ite (a, b, d);
  }
  case GAME_AND: case GAME_OR: case GAME_XOR: case GAME_SUM: case GAME_PROD: {
    game_expr **k = mem_alloc (e->nkids * sizeof *k);
    for (unsigned i = 0; i < e->nkids; i++) k[i] = xf (c, e->kids[i], 0);
    game_expr *r = game_expr_nary (e->op, e->nkids, k);
    free (k);
    return r;
  }
  case GAME_TABLE: {
    unsigned np = 0;
    int *par = mem_alloc ((e->nparents + 1) * sizeof *par);
    unsigned *rad = mem_alloc ((e->nparents + 1) * sizeof *rad);
    size_t n = 1;
    for (unsigned j = 0; j < e->nparents; j++)
      if (e->parents[j] != drop) {
        par[np] = e->parents[j];
        rad[np] = c->newdom[e->parents[j]];
        n *= rad[np++];
      }
    long *iv = e->ivals ? mem_alloc (n * sizeof *iv) : NULL;
    mpq_t *qv = e->qvals ? mem_alloc (n * sizeof *qv) : NULL;
    unsigned *digit = mem_calloc (np + 1, sizeof *digit);
    for (size_t i = 0; i < n; i++) {
      /* old index of the new joint value 'digit' (dropped parents at 0) */
      size_t old = 0;
      unsigned k = 0;
      for (unsigned j = 0; j < e->nparents; j++) {
        unsigned val = e->parents[j] == drop ? 0 : digit[k++];
        old = old * (e->pdom ? e->pdom[j] : c->g->vars[e->parents[j]].domain) + val;
      }
      if (iv) {
        iv[i] = e->ivals[old];
        if (clamp && iv[i] >= (long) clamp) iv[i] = (long) clamp - 1;
      } else {
        mpq_init (qv[i]);
        mpq_set (qv[i], e->qvals[old]);
      }
      for (unsigned j = np; j-- > 0;) { /* last parent fastest */
        if (++digit[j] < rad[j]) break;
        digit[j] = 0;
      }
    }
    game_expr *r;
    if (np == 0) {
      r = iv ? game_expr_const (iv[0]) : game_expr_const_q (qv[0]);
    } else {
      for (unsigned j = 0; j < np; j++) par[j] = c->remap[par[j]];
      r = game_expr_table (np, par, n, iv, (const mpq_t *) qv);
    }
    if (qv) {
      for (size_t i = 0; i < n; i++) mpq_clear (qv[i]);
      free (qv);
    }
    free (iv), free (digit), free (par), free (rad);
    return r;
  }
  }
  c->bad = true;
  return game_expr_const (0);
}

static game *rebuild (const game *g, const plan *p) {
  unsigned n = g->nvars;
  int *remap = mem_alloc ((n + 1) * sizeof *remap);
  unsigned *newdom = mem_alloc ((n + 1) * sizeof *newdom);
  unsigned t0 = 0; /* stage dropped */
  int k = 0;
  for (unsigned v = 0; v < n; v++) {
    newdom[v] = g->vars[v].domain;
    if ((int) v == p->shrink) newdom[v]--;
    remap[v] = (int) v == p->drop ? -1 : k++;
  }
  if (p->drop >= 0 && g->vars[p->drop].kind == GAME_ACTION) t0 = g->vars[p->drop].stage;
  game *ng = game_new (g->name);
  ng->layers_observable = g->layers_observable;
  if (g->file) ng->file = mem_strdup (g->file);
  for (unsigned i = 0; i < g->nplayers; i++) game_add_player (ng, g->players[i]);
  game_set_leader (ng, p->leader >= 0 ? p->leader : g->leader);
  for (unsigned v = 0; v < n; v++)
    if (remap[v] >= 0) game_add_var (ng, g->vars[v].kind, g->vars[v].id, newdom[v]);
  xfctx c = {g, p, remap, newdom, false};
  for (unsigned v = 0; v < n; v++) {
    if (remap[v] < 0) continue;
    const game_var *x = &g->vars[v];
    int nv = remap[v];
    if (x->labels && x->kind != GAME_UTILITY) game_set_labels (ng, nv, x->labels);
    switch (x->kind) {
    case GAME_EXOGENOUS: {
      mpq_t *q = mem_alloc (x->domain * sizeof *q), sum;
      mpq_init (sum);
      for (unsigned i = 0; i < x->domain; i++) mpq_init (q[i]), mpq_set (q[i], x->prior[i]);
      if (newdom[v] < x->domain) {
        for (unsigned i = 0; i < newdom[v]; i++) mpq_add (sum, sum, q[i]);
        if (mpq_sgn (sum) == 0) c.bad = true;
        else
          for (unsigned i = 0; i < newdom[v]; i++) mpq_div (q[i], q[i], sum);
      }
      game_set_prior (ng, nv, (const mpq_t *) q);
      for (unsigned i = 0; i < x->domain; i++) mpq_clear (q[i]);
      mpq_clear (sum), free (q);
      game_set_position (ng, nv, t0 && x->position > t0 ? x->position - 1 : x->position);
      break;
    }
    case GAME_ENDOGENOUS: game_set_expr (ng, nv, xf (&c, x->expr, 0)); break;
    case GAME_UTILITY:
      game_set_owner (ng, nv, x->player);
      game_set_expr (ng, nv, xf (&c, x->expr, 0));
      break;
    case GAME_ACTION: {
      game_set_owner (ng, nv, x->player);
      game_set_stage (ng, nv, t0 && x->stage > t0 ? x->stage - 1 : x->stage);
      game_set_layers (ng, nv, p->layers && p->layers[v] ? p->layers[v] : x->layers);
      for (unsigned j = 0; j < x->nobs; j++)
        if (remap[x->obs[j]] >= 0) game_add_observation (ng, nv, remap[x->obs[j]]);
      if (p->inst_set && p->inst_set[v]) {
        if (p->inst[v]) game_set_expr (ng, nv, xf (&c, p->inst[v], 0));
      } else if ((int) v != p->noinst && x->expr) {
        game_set_expr (ng, nv, xf (&c, x->expr, newdom[v] < x->domain ? newdom[v] : 0));
      }
      if ((int) v != p->noactive && x->active_if) game_set_active_if (ng, nv, xf (&c, x->active_if, 0));
      break;
    }
    }
  }
  scnfg_error err;
  error_init (&err);
  bool ok = !c.bad && game_finish (ng, &err);
  free (remap), free (newdom);
  if (!ok) {
    game_free (ng);
    return NULL;
  }
  return ng;
}

game *edit_game (const game *g, const edit_op *op) {
  if (op->var < 0 || (unsigned) op->var >= g->nvars) return NULL;
  const game_var *x = &g->vars[op->var];
  plan p;
  plan_init (&p);
  switch (op->kind) {
  case EDIT_DROP_VAR: p.drop = op->var; break;
  case EDIT_SHRINK_DOMAIN:
    if ((x->kind != GAME_ACTION && x->kind != GAME_EXOGENOUS) || x->domain < 3) return NULL;
    p.shrink = op->var;
    break;
  case EDIT_DROP_INSTINCT:
    if (x->kind != GAME_ACTION || !x->expr) return NULL;
    p.noinst = op->var;
    break;
  case EDIT_DROP_ACTIVE_IF:
    if (x->kind != GAME_ACTION || !x->active_if) return NULL;
    p.noactive = op->var;
    break;
  }
  game *r = rebuild (g, &p);
  plan_clear (&p, g->nvars);
  return r;
}

game *edit_freeze (const game *g, const game_profile *pr, int player, int leader) {
  plan p;
  plan_init (&p);
  plan_alloc_inst (&p, g->nvars);
  p.layers = mem_calloc (g->nvars + 1, sizeof *p.layers);
  p.leader = leader;
  bool ok = true;
  for (unsigned t = 1; t <= g->nstages && ok; t++) {
    const game_var *x = game_stage (g, t);
    int v = g->stage_var[t - 1];
    if (x->player != player) continue;
    const game_policy *pol = &pr->pol[t - 1];
    if (pol->intuition) {
      ok = false;
      break;
    }
    long *iv = mem_alloc ((pol->size + 1) * sizeof *iv);
    for (size_t i = 0; i < pol->size; i++) iv[i] = pol->act[i] == PROFILE_NONE ? 0 : pol->act[i];
    p.inst[v] = pol->nobs ? game_expr_table (pol->nobs, pol->obs, pol->size, iv, NULL) : game_expr_const (iv[0]);
    p.inst_set[v] = true;
    p.layers[v] = GAME_L1;
    free (iv);
  }
  game *r = ok ? rebuild (g, &p) : NULL;
  plan_clear (&p, g->nvars);
  return r;
}

static bool observes (const game_var *x, int w) {
  for (unsigned j = 0; j < x->nobs; j++)
    if (x->obs[j] == w) return true;
  return false;
}

bool edit_confounded (const game *g, int player) {
  for (unsigned t = 1; t <= g->nstages; t++) {
    const game_var *x = game_stage (g, t);
    if ((player < 0 || x->player == player) && game_stage_confounded (g, t)) return true;
  }
  return false;
}

game *edit_confound (const game *g, prng *r, uint64_t num, uint64_t den) {
  plan p;
  plan_init (&p);
  plan_alloc_inst (&p, g->nvars);
  int *cand = mem_alloc ((g->nvars + 1) * sizeof *cand);
  for (unsigned t = 1; t <= g->nstages; t++) {
    const game_var *x = game_stage (g, t);
    int v = g->stage_var[t - 1];
    if (game_stage_confounded (g, t)) p.inst_set[v] = true; /* constant 0 */
    if (!prng_chance (r, num, den)) continue;
    unsigned nc = 0;
    for (unsigned w = 0; w < g->nvars; w++)
      if (g->vars[w].kind == GAME_EXOGENOUS && g->vars[w].position <= t && !observes (x, (int) w)) cand[nc++] = (int) w;
    if (!nc) continue;
    int u = cand[prng_below (r, nc)];
    unsigned du = g->vars[u].domain;
    long *iv = mem_alloc (du * sizeof *iv);
    for (unsigned i = 0; i < du; i++) iv[i] = (long) prng_below (r, x->domain);
    bool constant = true;
    for (unsigned i = 1; i < du; i++) constant &= iv[i] == iv[0];
    if (constant) iv[1] = (iv[0] + 1) % (long) x->domain;
    game_expr_free (p.inst[v]);
    p.inst[v] = game_expr_table (1, &u, du, iv, NULL);
    p.inst_set[v] = true;
    free (iv);
  }
  free (cand);
  game *res = rebuild (g, &p);
  plan_clear (&p, g->nvars);
  return res;
}

size_t edit_game_size (const game *g) {
  size_t s = g->nstages + g->nvars;
  for (unsigned v = 0; v < g->nvars; v++) s += g->vars[v].domain;
  return s;
}

/* ---- shrinking ---------------------------------------------------------- */

static size_t game_candidates (const game *g, edit_op *ops) {
  size_t n = 0;
  for (unsigned t = g->nstages; t >= 1; t--) ops[n++] = (edit_op){EDIT_DROP_VAR, g->stage_var[t - 1]};
  static const game_kind kinds[3] = {GAME_EXOGENOUS, GAME_ENDOGENOUS, GAME_UTILITY};
  for (unsigned k = 0; k < 3; k++)
    for (unsigned v = g->nvars; v-- > 0;)
      if (g->vars[v].kind == kinds[k]) ops[n++] = (edit_op){EDIT_DROP_VAR, (int) v};
  for (unsigned v = 0; v < g->nvars; v++)
    if ((g->vars[v].kind == GAME_ACTION || g->vars[v].kind == GAME_EXOGENOUS) && g->vars[v].domain >= 3)
      ops[n++] = (edit_op){EDIT_SHRINK_DOMAIN, (int) v};
  for (unsigned v = 0; v < g->nvars; v++)
    if (g->vars[v].kind == GAME_ACTION && g->vars[v].expr) ops[n++] = (edit_op){EDIT_DROP_INSTINCT, (int) v};
  for (unsigned v = 0; v < g->nvars; v++)
    if (g->vars[v].kind == GAME_ACTION && g->vars[v].active_if) ops[n++] = (edit_op){EDIT_DROP_ACTIVE_IF, (int) v};
  return n;
}

game *edit_shrink_game (const game *g, bool (*still) (const game *, void *), void *arg, unsigned max_tries,
                        unsigned *tries) {
  if (!max_tries) max_tries = 2000;
  plan p;
  plan_init (&p);
  game *cur = rebuild (g, &p);
  unsigned n = 0;
  bool progress = cur != NULL;
  while (progress && n < max_tries) {
    progress = false;
    edit_op *ops = mem_alloc ((4 * cur->nvars + cur->nstages + 1) * sizeof *ops);
    size_t nops = game_candidates (cur, ops);
    for (size_t i = 0; i < nops && n < max_tries; i++) {
      game *ng = edit_game (cur, &ops[i]);
      if (!ng) continue;
      n++;
      if (still (ng, arg)) {
        game_free (cur);
        cur = ng;
        progress = true;
        break;
      }
      game_free (ng);
    }
    free (ops);
  }
  if (tries) *tries = n;
  return cur;
}

/* ---- formulas ----------------------------------------------------------- */

/* f without clause 'clause' (or none: clause >= nclauses) and without
 * variable 'var' (0: none). */
static qbf *qbf_rebuild (const qbf *f, unsigned clause, int var) {
  int *map = mem_calloc ((size_t) f->nvars + 1, sizeof *map);
  int k = 0;
  for (unsigned b = 0; b < f->nblocks; b++)
    for (unsigned i = 0; i < f->blocks[b].nvars; i++)
      if (f->blocks[b].vars[i] != var) map[f->blocks[b].vars[i]] = ++k;
  /* every remaining clause must stay non-empty */
  unsigned nc = 0;
  for (unsigned c = 0; c < f->nclauses; c++) {
    if (c == clause) continue;
    unsigned left = 0;
    for (const int *l = qbf_clause_lits (f, c); *l; l++) left += map[abs (*l)] != 0;
    if (!left) {
      free (map);
      return NULL;
    }
    nc++;
  }
  qbf *r = qbf_new (k, nc);
  for (unsigned b = 0; b < f->nblocks; b++) {
    const qbf_block *bl = &f->blocks[b];
    for (unsigned i = 0; i < bl->nvars; i++) {
      int v = bl->vars[i];
      if (!map[v]) continue;
      qbf_add_block (r, bl->quant, &map[v], 1, bl->quant == QBF_RANDOM ? f->prob[v] : NULL);
    }
  }
  int *lits = mem_alloc (((size_t) f->nvars + 1) * sizeof *lits);
  for (unsigned c = 0; c < f->nclauses; c++) {
    if (c == clause) continue;
    unsigned n = 0;
    for (const int *l = qbf_clause_lits (f, c); *l; l++)
      if (map[abs (*l)]) lits[n++] = *l > 0 ? map[*l] : -map[-*l];
    qbf_add_clause (r, lits, n);
  }
  qbf_finish (r);
  free (lits), free (map);
  return r;
}

qbf *edit_qbf_drop (const qbf *f, unsigned clause, int var) {
  if (var == 0 && clause >= f->nclauses) return NULL;
  if (var != 0 && (var < 1 || var > f->nvars || !f->block_of[var])) return NULL;
  return qbf_rebuild (f, var ? f->nclauses : clause, var);
}

qbf *edit_shrink_qbf (const qbf *f, bool (*still) (const qbf *, void *), void *arg, unsigned max_tries,
                      unsigned *tries) {
  if (!max_tries) max_tries = 2000;
  qbf *cur = qbf_rebuild (f, f->nclauses, 0);
  unsigned n = 0;
  bool progress = cur != NULL;
  while (progress && n < max_tries) {
    progress = false;
    /* variables, innermost first */
    int *order = mem_alloc (((size_t) cur->nvars + 1) * sizeof *order);
    unsigned no = 0;
    for (unsigned b = cur->nblocks; b-- > 0;)
      for (unsigned i = cur->blocks[b].nvars; i-- > 0;) order[no++] = cur->blocks[b].vars[i];
    for (unsigned i = 0; i < no && !progress && n < max_tries; i++) {
      qbf *nf = edit_qbf_drop (cur, 0, order[i]);
      if (!nf) continue;
      n++;
      if (still (nf, arg)) {
        qbf_free (cur);
        cur = nf;
        progress = true;
      } else {
        qbf_free (nf);
      }
    }
    free (order);
    for (unsigned c = cur->nclauses; c-- > 0 && !progress && n < max_tries;) {
      qbf *nf = edit_qbf_drop (cur, c, 0);
      if (!nf) continue;
      n++;
      if (still (nf, arg)) {
        qbf_free (cur);
        cur = nf;
        progress = true;
      } else {
        qbf_free (nf);
      }
    }
  }
  if (tries) *tries = n;
  return cur;
}

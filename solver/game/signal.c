/* Signaling games: shape, pure PBE families, intuitive criterion, D1,
 * causal layers (see signal.h).
 *
 * Method. Pure perfect Bayesian equilibria are enumerated sender strategy
 * by sender strategy (M^K of them): on-path beliefs by Bayes' rule, the
 * receiver's on-path best responses, the sender's incentive constraints
 * among on-path messages; at each off-path message the supporting
 * responses are the mixtures over a support T that are best responses (all
 * of T) to one belief and deter every type — two polytopes, decided and
 * measured exactly (polytope.h). The intuitive criterion follows Cho and
 * Kreps (QJE 1987), D1 Cho and Kreps / Banks and Sobel (Econometrica 1987)
 * in the exact form of DESIGN §4: deletion of type t at m by a single
 * t' != t when every best-response mixture giving t at least its
 * equilibrium payoff gives t' strictly more (no such mixture exists with
 * t >= and t' <=, an exact feasibility question per support). */
#include "solver/game/signal.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "solver/model/game.h"
#include "solver/game/polytope.h"

/* ---- shape ------------------------------------------------------------- */

static bool shape_error (scnfg_error *err, const game *g, int v, const char *fmt, ...)
    __attribute__ ((format (printf, 4, 5)));
static bool shape_error (scnfg_error *err, const game *g, int v, const char *fmt, ...) {
  char msg[170];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (msg, sizeof msg, fmt, ap);
  va_end (ap);
  return error_set (err, ERROR_INPUT, g->file, v >= 0 ? g->vars[v].line : 0, 0, "not a signaling game: %s", msg);
}

/* True iff e reads (through endogenous variables) only variables in ok[]. */
static bool reads_only (const game *g, const game_expr *e, const bool *ok, int *bad) {
  if (!e) return true;
  int one[1];
  const int *ps = e->parents;
  unsigned n = e->op == GAME_TABLE ? e->nparents : 0;
  if (e->op == GAME_VAR || e->op == GAME_EQ) one[0] = e->var, ps = one, n = 1;
  for (unsigned i = 0; i < n; i++) {
    int v = ps[i];
    if (ok[v]) continue;
    if (g->vars[v].kind == GAME_ENDOGENOUS) {
      if (!reads_only (g, g->vars[v].expr, ok, bad)) return false;
      continue;
    }
    *bad = v;
    return false;
  }
  for (unsigned i = 0; i < e->nkids; i++)
    if (!reads_only (g, e->kids[i], ok, bad)) return false;
  return true;
}

void signal_game_clear (signal_game *sg) {
  if (sg->prior)
    for (unsigned t = 0; t < sg->K; t++) mpq_clear (sg->prior[t]);
  size_t n = (size_t) sg->K * sg->M * sg->A;
  if (sg->us)
    for (size_t i = 0; i < n; i++) mpq_clear (sg->us[i]), mpq_clear (sg->ur[i]);
  free (sg->prior), free (sg->us), free (sg->ur);
  memset (sg, 0, sizeof *sg);
}

bool signal_game_init (signal_game *sg, const game *g, scnfg_error *err) {
  memset (sg, 0, sizeof *sg);
  sg->g = g;
  if (g->nplayers != 2) return shape_error (err, g, -1, "%s", "it needs exactly two players (sender, receiver)");
  if (g->nstages != 2) return shape_error (err, g, -1, "%s", "it needs exactly two stages (message, action)");
  int m = g->stage_var[0], a = g->stage_var[1];
  const game_var *vm = &g->vars[m], *va = &g->vars[a];
  if (vm->player == va->player)
    return shape_error (err, g, a, "the same player '%s' moves at both stages", g->players[vm->player]);
  if (vm->active_if) return shape_error (err, g, m, "stage 1 action '%s' has an active-if", vm->id);
  if (va->active_if) return shape_error (err, g, a, "stage 2 action '%s' has an active-if", va->id);
  if (vm->nobs != 1 || g->vars[vm->obs[0]].kind != GAME_EXOGENOUS)
    return shape_error (err, g, m, "the sender's action '%s' must observe exactly one exogenous type variable",
                        vm->id);
  int th = vm->obs[0];
  if (va->nobs != 1 || va->obs[0] != m)
    return shape_error (err, g, a, "the receiver's action '%s' must observe exactly the message", va->id);
  if (g->vars[th].position != 1) return shape_error (err, g, th, "the type '%s' must be revealed at stage 1", g->vars[th].id);
  if (!(va->layers & (GAME_L2 | GAME_L3)))
    return shape_error (err, g, a, "the receiver's action '%s' must allow layer 2 or 3", va->id);
  bool *ok = mem_calloc (g->nvars, sizeof *ok);
  ok[th] = ok[m] = ok[a] = true;
  for (unsigned v = 0; v < g->nvars; v++) {
    const game_var *x = &g->vars[v];
    int bad = -1;
    if (x->kind == GAME_UTILITY && !reads_only (g, x->expr, ok, &bad)) {
      free (ok);
      return shape_error (err, g, (int) v, "utility '%.60s' reads '%.60s' (rewards depend on type, message, action only)",
                          x->id, g->vars[bad].id);
    }
  }
  free (ok);
  if (g->vars[th].domain > SIGNAL_MAX_TYPES)
    return shape_error (err, g, th, "more than %d types (%s)", SIGNAL_MAX_TYPES, g->vars[th].id);
  if (va->domain > SIGNAL_MAX_ACTIONS) return shape_error (err, g, a, "more than %d actions (%s)", SIGNAL_MAX_ACTIONS, va->id);
  for (unsigned t = 0; t < g->vars[th].domain; t++)
    if (!mpq_sgn (g->vars[th].prior[t]))
      return shape_error (err, g, th, "type '%s' has prior 0 (every type needs a positive prior)", g->vars[th].id);
  sg->theta = th, sg->msg = m, sg->act = a;
  sg->sender = vm->player, sg->receiver = va->player;
  sg->K = g->vars[th].domain, sg->M = vm->domain, sg->A = va->domain;
  sg->layers = vm->layers;
  sg->observable = g->layers_observable;
  sg->prior = mem_alloc (sg->K * sizeof *sg->prior);
  for (unsigned t = 0; t < sg->K; t++) mpq_init (sg->prior[t]), mpq_set (sg->prior[t], g->vars[th].prior[t]);
  size_t n = (size_t) sg->K * sg->M * sg->A;
  sg->us = mem_alloc (n * sizeof *sg->us);
  sg->ur = mem_alloc (n * sizeof *sg->ur);
  int *vals = mem_calloc (g->nvars + 1, sizeof *vals);
  mpq_t *rw = mem_alloc (g->nplayers * sizeof *rw);
  for (unsigned p = 0; p < g->nplayers; p++) mpq_init (rw[p]);
  for (unsigned t = 0; t < sg->K; t++)
    for (unsigned mm = 0; mm < sg->M; mm++)
      for (unsigned aa = 0; aa < sg->A; aa++) {
        memset (vals, 0, (g->nvars + 1) * sizeof *vals);
        vals[th] = (int) t, vals[m] = (int) mm, vals[a] = (int) aa;
        game_complete (g, vals);
        game_rewards (g, vals, rw);
        size_t i = SIGNAL_IX (sg, t, mm, aa);
        mpq_init (sg->us[i]), mpq_init (sg->ur[i]);
        mpq_set (sg->us[i], rw[sg->sender]);
        mpq_set (sg->ur[i], rw[sg->receiver]);
      }
  for (unsigned p = 0; p < g->nplayers; p++) mpq_clear (rw[p]);
  free (rw), free (vals);
  return true;
}

/* ---- polytopes ----------------------------------------------------------- */

/* Beliefs on the types in 'types' under which every action of 'support'
 * is a best response at m. */
static void belief_poly (polytope *p, const signal_game *sg, unsigned m, unsigned support, uint32_t types) {
  polytope_init (p, sg->K);
  bool keep[SIGNAL_MAX_TYPES];
  for (unsigned t = 0; t < sg->K; t++) keep[t] = types >> t & 1;
  polytope_add_simplex (p, keep);
  mpq_t c[SIGNAL_MAX_TYPES], zero;
  for (unsigned t = 0; t < sg->K; t++) mpq_init (c[t]);
  mpq_init (zero);
  for (unsigned a = 0; a < sg->A; a++) {
    if (!(support >> a & 1)) continue;
    for (unsigned b = 0; b < sg->A; b++) {
      if (b == a || (support >> b & 1 && b < a)) continue;
      for (unsigned t = 0; t < sg->K; t++) mpq_sub (c[t], sg->ur[SIGNAL_IX (sg, t, m, a)], sg->ur[SIGNAL_IX (sg, t, m, b)]);
      polytope_add (p, c, support >> b & 1 ? POLYTOPE_EQ : POLYTOPE_GE, zero);
    }
  }
  for (unsigned t = 0; t < sg->K; t++) mpq_clear (c[t]);
  mpq_clear (zero);
}

/* Mixtures over 'support' at m giving each type at most pay[t]. */
static void deter_poly (polytope *p, const signal_game *sg, unsigned m, unsigned support, mpq_t *const pay) {
  polytope_init (p, sg->A);
  bool keep[SIGNAL_MAX_ACTIONS];
  for (unsigned a = 0; a < sg->A; a++) keep[a] = support >> a & 1;
  polytope_add_simplex (p, keep);
  mpq_t c[SIGNAL_MAX_ACTIONS];
  for (unsigned a = 0; a < sg->A; a++) mpq_init (c[a]);
  for (unsigned t = 0; t < sg->K; t++) {
    for (unsigned a = 0; a < sg->A; a++) mpq_set (c[a], sg->us[SIGNAL_IX (sg, t, m, a)]);
    polytope_add (p, c, POLYTOPE_LE, pay[t]);
  }
  for (unsigned a = 0; a < sg->A; a++) mpq_clear (c[a]);
}

/* Memoised: is 'support' a set of joint best responses at m to some belief
 * on all types? */
typedef struct ctx {
  const signal_game *sg;
  signed char *rat;      /* M * 2^A: -1 unknown */
  uint32_t all;          /* all types */
} ctx;

static bool rationalisable (ctx *c, unsigned m, unsigned support) {
  signed char *r = &c->rat[((size_t) m << c->sg->A) + support];
  if (*r < 0) {
    polytope p;
    belief_poly (&p, c->sg, m, support, c->all);
    *r = polytope_feasible (&p, NULL);
    polytope_clear (&p);
  }
  return *r;
}

static bool belief_feasible (const signal_game *sg, unsigned m, unsigned support, uint32_t types) {
  polytope p;
  belief_poly (&p, sg, m, support, types);
  bool ok = polytope_feasible (&p, NULL);
  polytope_clear (&p);
  return ok;
}

static mpq_t *qvec (size_t n) {
  mpq_t *v = mem_alloc ((n ? n : 1) * sizeof *v);
  for (size_t i = 0; i < n; i++) mpq_init (v[i]);
  return v;
}

static void qvec_free (mpq_t *v, size_t n) {
  if (!v) return;
  for (size_t i = 0; i < n; i++) mpq_clear (v[i]);
  free (v);
}

static unsigned popcount (unsigned x) {
  unsigned n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

/* lo/hi of every coordinate over the nonempty bounded polytope p; mid gets
 * the average of the optimal vertices found (a point of p, in the relative
 * interior whenever a coordinate is not fixed: a readable witness). */
static void ranges (const polytope *p, mpq_t *lo, mpq_t *hi, mpq_t *mid) {
  unsigned n = p->n;
  mpq_t *c = qvec (n), *x = qvec (n);
  for (unsigned j = 0; j < n; j++) mpq_set_ui (mid[j], 0, 1);
  for (unsigned j = 0; j < n; j++)
    for (int sgn = 1; sgn >= -1; sgn -= 2) {
      for (unsigned k = 0; k < n; k++) mpq_set_si (c[k], k == j ? sgn : 0, 1);
      polytope_status st = polytope_minimize (p, c, x, sgn > 0 ? lo[j] : hi[j]);
      (void) st;
      assert (st == POLYTOPE_OPTIMAL);
      if (sgn < 0) mpq_neg (hi[j], hi[j]);
      for (unsigned k = 0; k < n; k++) mpq_add (mid[k], mid[k], x[k]);
    }
  mpq_t d;
  mpq_init (d);
  mpq_set_ui (d, 2 * n, 1);
  for (unsigned j = 0; j < n; j++) mpq_div (mid[j], mid[j], d);
  mpq_clear (d);
  qvec_free (c, n), qvec_free (x, n);
}

/* Fills r for support T at m if both polytopes are nonempty. */
static bool make_response (signal_response *r, const signal_game *sg, unsigned m, unsigned T, mpq_t *const pay,
                           uint32_t all) {
  polytope dp;
  deter_poly (&dp, sg, m, T, pay);
  mpq_t *mix = qvec (sg->A);
  if (!polytope_feasible (&dp, mix)) {
    polytope_clear (&dp);
    qvec_free (mix, sg->A);
    return false;
  }
  polytope bp;
  belief_poly (&bp, sg, m, T, all);
  mpq_t *bel = qvec (sg->K);
  bool ok = polytope_feasible (&bp, bel);
  if (!ok) {
    polytope_clear (&dp), polytope_clear (&bp);
    qvec_free (mix, sg->A), qvec_free (bel, sg->K);
    return false;
  }
  r->support = T;
  r->belief = bel, r->mix = mix;
  r->blo = qvec (sg->K), r->bhi = qvec (sg->K), r->mlo = qvec (sg->A), r->mhi = qvec (sg->A);
  ranges (&bp, r->blo, r->bhi, bel);
  ranges (&dp, r->mlo, r->mhi, mix);
  r->d1_ok = false;
  polytope_clear (&dp), polytope_clear (&bp);
  return true;
}

static void response_clear (signal_response *r, const signal_game *sg) {
  qvec_free (r->belief, sg->K), qvec_free (r->blo, sg->K), qvec_free (r->bhi, sg->K);
  qvec_free (r->mix, sg->A), qvec_free (r->mlo, sg->A), qvec_free (r->mhi, sg->A);
}

/* ---- refinements ----------------------------------------------------------- */

static void intuitive (ctx *c, signal_pbe *e) {
  const signal_game *sg = c->sg;
  e->intuitive.survives = true;
  e->intuitive.msg = e->intuitive.type = -1;
  e->intuitive.set = 0;
  mpq_t best;
  mpq_init (best);
  for (size_t k = 0; k < e->noff; k++) {
    unsigned m = e->off[k].m;
    uint32_t J = 0;
    for (unsigned t = 0; t < sg->K; t++) {
      bool any = false;
      for (unsigned a = 0; a < sg->A; a++) {
        if (!rationalisable (c, m, 1u << a)) continue;
        const mpq_t *u = &sg->us[SIGNAL_IX (sg, t, m, a)];
        if (!any || mpq_cmp (*u, best) > 0) mpq_set (best, *u);
        any = true;
      }
      if (mpq_cmp (e->pay[t], best) > 0) J |= 1u << t;
    }
    if (J == c->all) continue;
    uint32_t rest = c->all & ~J;
    for (unsigned t = 0; t < sg->K; t++) {
      if (J >> t & 1) continue;
      bool gains = true;
      for (unsigned a = 0; a < sg->A && gains; a++)
        if (belief_feasible (sg, m, 1u << a, rest) && mpq_cmp (sg->us[SIGNAL_IX (sg, t, m, a)], e->pay[t]) <= 0)
          gains = false;
      if (gains) {
        e->intuitive.survives = false;
        e->intuitive.msg = (int) m, e->intuitive.type = (int) t, e->intuitive.set = J;
        mpq_clear (best);
        return;
      }
    }
  }
  mpq_clear (best);
}

/* Is there a best-response mixture at m (to some belief on all types) that
 * gives t at least pay[t] and t2 at most pay[t2]? */
static bool weak_not_strict (ctx *c, unsigned m, unsigned t, unsigned t2, mpq_t *const pay) {
  const signal_game *sg = c->sg;
  mpq_t cf[SIGNAL_MAX_ACTIONS];
  for (unsigned a = 0; a < sg->A; a++) mpq_init (cf[a]);
  bool found = false;
  for (unsigned T = 1; T < (1u << sg->A) && !found; T++) {
    if (!rationalisable (c, m, T)) continue;
    polytope p;
    polytope_init (&p, sg->A);
    bool keep[SIGNAL_MAX_ACTIONS];
    for (unsigned a = 0; a < sg->A; a++) keep[a] = T >> a & 1;
    polytope_add_simplex (&p, keep);
    for (unsigned a = 0; a < sg->A; a++) mpq_set (cf[a], sg->us[SIGNAL_IX (sg, t, m, a)]);
    polytope_add (&p, cf, POLYTOPE_GE, pay[t]);
    for (unsigned a = 0; a < sg->A; a++) mpq_set (cf[a], sg->us[SIGNAL_IX (sg, t2, m, a)]);
    polytope_add (&p, cf, POLYTOPE_LE, pay[t2]);
    found = polytope_feasible (&p, NULL);
    polytope_clear (&p);
  }
  for (unsigned a = 0; a < sg->A; a++) mpq_clear (cf[a]);
  return found;
}

static void d1 (ctx *c, signal_pbe *e) {
  const signal_game *sg = c->sg;
  signal_verdict *v = &e->d1;
  v->survives = true;
  v->msg = v->type = -1;
  v->set = 0;
  for (unsigned t = 0; t < SIGNAL_MAX_TYPES; t++) v->by[t] = -1;
  bool failed = false;
  for (size_t k = 0; k < e->noff; k++) {
    signal_offpath *o = &e->off[k];
    unsigned m = o->m;
    uint32_t del = 0;
    int by[SIGNAL_MAX_TYPES];
    for (unsigned t = 0; t < sg->K; t++) {
      by[t] = -1;
      for (unsigned t2 = 0; t2 < sg->K && by[t] < 0; t2++)
        if (t2 != t && !weak_not_strict (c, m, t, t2, e->pay)) by[t] = (int) t2;
      if (by[t] >= 0) del |= 1u << t;
    }
    uint32_t undeleted = c->all & ~del;
    bool any = false;
    for (size_t i = 0; i < o->n; i++) {
      o->r[i].d1_ok = !undeleted || belief_feasible (sg, m, o->r[i].support, undeleted);
      any |= o->r[i].d1_ok;
    }
    if (!any && !failed) {
      failed = true;
      v->survives = false;
      v->msg = (int) m;
      v->set = del;
      for (unsigned t = 0; t < sg->K; t++) v->by[t] = by[t];
      for (unsigned t = 0; t < sg->K && v->type < 0; t++)
        if (undeleted >> t & 1) v->type = (int) t;
    }
  }
}

/* ---- enumeration ------------------------------------------------------------ */

void signal_result_init (signal_result *r) { memset (r, 0, sizeof *r); }

static void pbe_clear (signal_pbe *e, const signal_game *sg) {
  free (e->send), free (e->resp), free (e->onpath);
  qvec_free (e->post, (size_t) sg->M * sg->K);
  qvec_free (e->pay, sg->K);
  mpq_clear (e->reward_s), mpq_clear (e->reward_r);
  for (size_t k = 0; k < e->noff; k++) {
    for (size_t i = 0; i < e->off[k].n; i++) response_clear (&e->off[k].r[i], sg);
    free (e->off[k].r);
  }
  free (e->off);
}

static void pbe_clear_dims (signal_pbe *e, unsigned K, unsigned M, unsigned A) {
  signal_game d;
  memset (&d, 0, sizeof d);
  d.K = K, d.M = M, d.A = A;
  pbe_clear (e, &d);
}

static uint64_t sat_mul (uint64_t a, uint64_t b) {
  if (a && b > UINT64_MAX / a) return UINT64_MAX;
  return a * b;
}

static void layers_clear (signal_layers *L, unsigned K, unsigned M) {
  for (size_t i = 0; i < L->n; i++) {
    signal_layer_eq *q = &L->eq[i];
    qvec_free (q->sigma, (size_t) K * M), qvec_free (q->post, (size_t) K * M);
    free (q->resp);
    mpq_clear (q->reward_s), mpq_clear (q->reward_r);
  }
  free (L->eq);
  memset (L, 0, sizeof *L);
}

void signal_result_clear (signal_result *r) {
  for (size_t i = 0; i < r->n; i++) pbe_clear_dims (&r->pbe[i], r->K, r->M, r->A);
  free (r->pbe);
  layers_clear (&r->layers, r->K, r->M);
  memset (r, 0, sizeof *r);
}

/* Posteriors post[m*K+t] of behaviour sigma[t*M+m]; onpath[m]; returns
 * nothing. prob[m] = P(m). */
static void bayes (const signal_game *sg, mpq_t *const sigma, mpq_t *post, bool *onpath, mpq_t *prob) {
  mpq_t x;
  mpq_init (x);
  for (unsigned m = 0; m < sg->M; m++) {
    mpq_set_ui (prob[m], 0, 1);
    for (unsigned t = 0; t < sg->K; t++) {
      mpq_mul (x, sg->prior[t], sigma[t * sg->M + m]);
      mpq_set (post[m * sg->K + t], x);
      mpq_add (prob[m], prob[m], x);
    }
    onpath[m] = mpq_sgn (prob[m]) > 0;
    for (unsigned t = 0; t < sg->K; t++)
      if (onpath[m]) mpq_div (post[m * sg->K + t], post[m * sg->K + t], prob[m]);
  }
  mpq_clear (x);
}

/* Bit set of the receiver's best responses at m under belief mu (K). */
static unsigned best_responses (const signal_game *sg, unsigned m, mpq_t *const mu) {
  mpq_t best, v, x;
  mpq_init (best), mpq_init (v), mpq_init (x);
  unsigned set = 0;
  for (unsigned a = 0; a < sg->A; a++) {
    mpq_set_ui (v, 0, 1);
    for (unsigned t = 0; t < sg->K; t++) {
      mpq_mul (x, mu[t], sg->ur[SIGNAL_IX (sg, t, m, a)]);
      mpq_add (v, v, x);
    }
    int c = a ? mpq_cmp (v, best) : 1;
    if (c > 0) set = 1u << a, mpq_set (best, v);
    else if (c == 0) set |= 1u << a;
  }
  mpq_clear (best), mpq_clear (v), mpq_clear (x);
  return set;
}

/* The supporting responses at every off-path message of a candidate
 * (sender strategy with on-path responses giving the types pay) into
 * *off (*noff entries); *npure: the pure PBE they make (saturating). False
 * if some off-path message has no pure supporting response. */
static bool offpath_responses (ctx *c, const bool *onpath, mpq_t *const pay, signal_offpath **off, size_t *noff,
                               uint64_t *npure) {
  const signal_game *sg = c->sg;
  unsigned M = sg->M, A = sg->A;
  for (unsigned m = 0; m < M; m++) {
    if (onpath[m]) continue;
    signal_offpath *o;
    *off = mem_realloc (*off, (*noff + 1) * sizeof **off);
    o = &(*off)[(*noff)++];
    o->m = m, o->n = 0, o->r = NULL;
    unsigned npures = 0;
    for (unsigned pass = 0; pass < 2; pass++)
      for (unsigned T = 1; T < (1u << A); T++) {
        if ((popcount (T) == 1) != (pass == 0)) continue;
        if (!rationalisable (c, m, T)) continue;
        signal_response rr;
        if (!make_response (&rr, sg, m, T, pay, c->all)) continue;
        o->r = mem_realloc (o->r, (o->n + 1) * sizeof *o->r);
        o->r[o->n++] = rr;
        if (pass == 0) npures++;
      }
    if (!npures) return false;
    *npure = sat_mul (*npure, npures);
  }
  return true;
}

static void offpath_free (const signal_game *sg, signal_offpath *off, size_t noff) {
  for (size_t k = 0; k < noff; k++) {
    for (size_t i = 0; i < off[k].n; i++) response_clear (&off[k].r[i], sg);
    free (off[k].r);
  }
  free (off);
}

/* Records the family of sender strategy s with on-path responses r (its
 * posteriors post, the types' payoffs pay, the off-path responses off,
 * taken over) in res, classified and refined. */
static void add_family (signal_result *res, ctx *c, size_t *cap, const int *s, const int *r, const bool *onpath,
                        mpq_t *const post, mpq_t *const pay, signal_offpath *off, size_t noff, uint64_t npure) {
  const signal_game *sg = c->sg;
  unsigned K = sg->K, M = sg->M;
  if (res->n == *cap) {
    *cap = *cap ? 2 * *cap : 8;
    res->pbe = mem_realloc (res->pbe, *cap * sizeof *res->pbe);
  }
  signal_pbe *e = &res->pbe[res->n++];
  memset (e, 0, sizeof *e);
  e->send = mem_alloc (K * sizeof *e->send);
  memcpy (e->send, s, K * sizeof *s);
  e->resp = mem_alloc (M * sizeof *e->resp);
  e->onpath = mem_alloc (M * sizeof *e->onpath);
  memcpy (e->onpath, onpath, M * sizeof *onpath);
  e->post = qvec ((size_t) M * K);
  e->pay = qvec (K);
  for (unsigned t = 0; t < K; t++) mpq_set (e->pay[t], pay[t]);
  e->off = off, e->noff = noff;
  size_t k = 0;
  for (unsigned m = 0; m < M; m++) {
    if (onpath[m]) {
      e->resp[m] = r[m];
      for (unsigned t = 0; t < K; t++) mpq_set (e->post[m * K + t], post[m * K + t]);
    } else {
      signal_response *f = &off[k++].r[0];
      e->resp[m] = __builtin_ctz (f->support);
      for (unsigned t = 0; t < K; t++) mpq_set (e->post[m * K + t], f->belief[t]);
    }
  }
  mpq_init (e->reward_s), mpq_init (e->reward_r);
  mpq_t x;
  mpq_init (x);
  for (unsigned t = 0; t < K; t++) {
    mpq_mul (x, sg->prior[t], pay[t]);
    mpq_add (e->reward_s, e->reward_s, x);
    mpq_mul (x, sg->prior[t], sg->ur[SIGNAL_IX (sg, t, s[t], r[s[t]])]);
    mpq_add (e->reward_r, e->reward_r, x);
  }
  mpq_clear (x);
  bool pool = true, sep = true;
  for (unsigned t = 1; t < K; t++) pool &= s[t] == s[0];
  for (unsigned t = 0; t < K; t++)
    for (unsigned u = t + 1; u < K; u++) sep &= s[t] != s[u];
  e->cls = pool ? SIGNAL_POOLING : sep ? SIGNAL_SEPARATING : SIGNAL_PARTIAL;
  e->npure = npure;
  intuitive (c, e);
  d1 (c, e);
  res->nclass[e->cls]++;
  res->npure = res->npure + npure < res->npure ? UINT64_MAX : res->npure + npure;
  res->nintuitive += e->intuitive.survives;
  res->nd1 += e->d1.survives;
}

static bool layers_analyse (signal_result *res, ctx *c, scnfg_error *err);

bool signal_solve (signal_result *res, const signal_game *sg, uint64_t max_strategies, scnfg_error *err) {
  signal_result_init (res);
  res->K = sg->K, res->M = sg->M, res->A = sg->A;
  if (!max_strategies) max_strategies = (uint64_t) 1 << 20;
  uint64_t count = 1;
  for (unsigned t = 0; t < sg->K; t++) count = sat_mul (count, sg->M);
  if (count > max_strategies)
    return error_set (err, ERROR_LIMIT, sg->g ? sg->g->file : NULL, 0, 0,
                      "%u messages and %u types give more than %llu sender strategies", sg->M, sg->K,
                      (unsigned long long) max_strategies);
  unsigned K = sg->K, M = sg->M, A = sg->A;
  ctx c;
  c.sg = sg;
  c.rat = mem_alloc ((size_t) M << A);
  memset (c.rat, -1, (size_t) M << A);
  c.all = (uint32_t) ((1ull << K) - 1);
  int *s = mem_calloc (K, sizeof *s);
  int *r = mem_calloc (M, sizeof *r);
  unsigned *br = mem_calloc (M, sizeof *br);
  bool *onpath = mem_calloc (M, sizeof *onpath);
  mpq_t *sigma = qvec ((size_t) K * M), *post = qvec ((size_t) K * M), *prob = qvec (M), *pay = qvec (K);
  size_t cap = 0;
  for (;;) {
    for (unsigned t = 0; t < K; t++)
      for (unsigned m = 0; m < M; m++) mpq_set_ui (sigma[t * M + m], s[t] == (int) m, 1);
    bayes (sg, sigma, post, onpath, prob);
    for (unsigned m = 0; m < M; m++) {
      br[m] = onpath[m] ? best_responses (sg, m, &post[m * K]) : 0;
      r[m] = -1;
    }
    /* odometer over the on-path best responses */
    for (unsigned m = 0; m < M; m++)
      if (onpath[m]) r[m] = __builtin_ctz (br[m]);
    for (;;) {
      for (unsigned t = 0; t < K; t++) mpq_set (pay[t], sg->us[SIGNAL_IX (sg, t, s[t], r[s[t]])]);
      bool ok = true;
      for (unsigned t = 0; t < K && ok; t++)
        for (unsigned m = 0; m < M && ok; m++)
          if (onpath[m] && mpq_cmp (sg->us[SIGNAL_IX (sg, t, m, r[m])], pay[t]) > 0) ok = false;
      signal_offpath *off = NULL;
      size_t noff = 0;
      uint64_t npure = 1;
      if (ok) ok = offpath_responses (&c, onpath, pay, &off, &noff, &npure);
      if (ok) add_family (res, &c, &cap, s, r, onpath, post, pay, off, noff, npure);
      else offpath_free (sg, off, noff);
      /* next on-path response */
      unsigned m = M;
      while (m-- > 0) {
        if (!onpath[m]) continue;
        unsigned rest = br[m] & ~((2u << r[m]) - 1);
        if (rest) {
          r[m] = __builtin_ctz (rest);
          break;
        }
        r[m] = __builtin_ctz (br[m]);
      }
      if (m == (unsigned) -1) break;
    }
    /* next sender strategy (last type fastest) */
    unsigned t = K;
    while (t-- > 0) {
      if (++s[t] < (int) M) break;
      s[t] = 0;
    }
    if (t == (unsigned) -1) break;
  }
  free (s), free (r), free (br), free (onpath);
  qvec_free (sigma, (size_t) K * M), qvec_free (post, (size_t) K * M), qvec_free (prob, M), qvec_free (pay, K);
  bool ok = layers_analyse (res, &c, err);
  free (c.rat);
  return ok;
}

/* ---- causal layers ---------------------------------------------------------- */

#define LAYER_MAX_STRATEGIES 4096
#define LAYER_MAX_RESPONSES 4096
#define LAYER_MAX_PAIRS ((uint64_t) 1 << 18) /* strategies x responses */

typedef struct lstrat {
  unsigned tag;
  mpq_t *sigma;          /* K*M */
} lstrat;

static bool is_pure (const signal_game *sg, mpq_t *const sigma, uint64_t *index) {
  uint64_t ix = 0;
  for (unsigned t = 0; t < sg->K; t++) {
    int m = -1;
    for (unsigned k = 0; k < sg->M; k++)
      if (mpq_sgn (sigma[t * sg->M + k])) {
        if (mpq_cmp_ui (sigma[t * sg->M + k], 1, 1)) return false;
        m = (int) k;
      }
    ix = ix * sg->M + (uint64_t) m;
  }
  *index = ix;
  return true;
}

static bool same_sigma (const signal_game *sg, mpq_t *const a, mpq_t *const b) {
  for (size_t i = 0; i < (size_t) sg->K * sg->M; i++)
    if (!mpq_equal (a[i], b[i])) return false;
  return true;
}

/* xt[t*M + x] = P(instinct = x | theta = t), from the other exogenous
 * variables revealed at stage 1 (independent of theta). */
static bool instinct_dist (const signal_game *sg, mpq_t *xt, scnfg_error *err) {
  const game *g = sg->g;
  int *ex = mem_alloc (g->nvars * sizeof *ex), nex = 0;
  uint64_t combos = 1;
  for (unsigned v = 0; v < g->nvars; v++)
    if (g->vars[v].kind == GAME_EXOGENOUS && g->vars[v].position == 1 && (int) v != sg->theta) {
      ex[nex++] = (int) v;
      combos = sat_mul (combos, g->vars[v].domain);
    }
  if (combos > ((uint64_t) 1 << 20)) {
    free (ex);
    return error_set (err, ERROR_LIMIT, g->file, 0, 0, "too many noise values for the sender's instinct");
  }
  int *vals = mem_calloc (g->nvars + 1, sizeof *vals);
  mpq_t w;
  mpq_init (w);
  bool ok = true;
  for (uint64_t k = 0; k < combos && ok; k++) {
    uint64_t rest = k;
    mpq_set_ui (w, 1, 1);
    memset (vals, 0, (g->nvars + 1) * sizeof *vals);
    for (int i = nex - 1; i >= 0; i--) {
      unsigned d = g->vars[ex[i]].domain;
      vals[ex[i]] = (int) (rest % d);
      rest /= d;
      mpq_mul (w, w, g->vars[ex[i]].prior[vals[ex[i]]]);
    }
    if (!mpq_sgn (w)) continue;
    for (unsigned t = 0; t < sg->K; t++) {
      vals[sg->theta] = (int) t;
      vals[sg->msg] = 0, vals[sg->act] = 0;
      game_complete (g, vals);
      int x = game_instinct (g, sg->msg, vals);
      if (x < 0 || (unsigned) x >= sg->M) {
        ok = error_set (err, ERROR_INPUT, g->file, g->vars[sg->msg].line, 0,
                        "the instinct of '%s' takes value %d outside its domain", g->vars[sg->msg].id, x);
        break;
      }
      mpq_add (xt[t * sg->M + (unsigned) x], xt[t * sg->M + (unsigned) x], w);
    }
  }
  mpq_clear (w);
  free (vals), free (ex);
  return ok;
}

static void payoff (const signal_game *sg, mpq_t out, mpq_t *const sigma, const int *r, bool receiver) {
  mpq_t x;
  mpq_init (x);
  mpq_set_ui (out, 0, 1);
  for (unsigned t = 0; t < sg->K; t++)
    for (unsigned m = 0; m < sg->M; m++) {
      if (!mpq_sgn (sigma[t * sg->M + m])) continue;
      mpq_mul (x, sg->prior[t], sigma[t * sg->M + m]);
      mpq_mul (x, x, (receiver ? sg->ur : sg->us)[SIGNAL_IX (sg, t, m, r[m])]);
      mpq_add (out, out, x);
    }
  mpq_clear (x);
}

static int cmp_str (const void *a, const void *b) { return strcmp (*(char *const *) a, *(char *const *) b); }

/* Set equality of two string lists (sorted in place). */
static bool same_set (char **a, size_t na, char **b, size_t nb) {
  qsort (a, na, sizeof *a, cmp_str);
  qsort (b, nb, sizeof *b, cmp_str);
  size_t i = 0, j = 0;
  for (;;) {
    while (i + 1 < na && !strcmp (a[i], a[i + 1])) i++;
    while (j + 1 < nb && !strcmp (b[j], b[j + 1])) j++;
    if (i >= na || j >= nb) return i >= na && j >= nb;
    if (strcmp (a[i], b[j])) return false;
    i++, j++;
  }
}

static char *key_post (const signal_game *sg, const bool *onpath, mpq_t *const post) {
  size_t cap = 64, n = 0;
  char *s = mem_alloc (cap);
  s[0] = 0;
  for (unsigned m = 0; m < sg->M; m++) {
    if (!onpath[m]) continue;
    for (unsigned t = 0; t < sg->K; t++) {
      char *q = mpq_get_str (NULL, 10, post[m * sg->K + t]);
      size_t need = n + strlen (q) + 16;
      if (need > cap) cap = 2 * need, s = mem_realloc (s, cap);
      n += (size_t) sprintf (s + n, "%s%u:%s", t ? "," : ";", m, q);
      free (q);
    }
  }
  return s;
}

static char *key_reward (mpq_t rs, mpq_t rr) {
  char *a = mpq_get_str (NULL, 10, rs), *b = mpq_get_str (NULL, 10, rr);
  char *s = mem_alloc (strlen (a) + strlen (b) + 2);
  sprintf (s, "%s|%s", a, b);
  free (a), free (b);
  return s;
}

/* The sender's strategy set of the layered game, growing. */
typedef struct lset {
  lstrat *s;
  size_t n, cap;
} lset;

static void lset_push (lset *S, unsigned tag, mpq_t *sigma) {
  if (S->n == S->cap) S->cap = S->cap ? 2 * S->cap : 16, S->s = mem_realloc (S->s, S->cap * sizeof *S->s);
  S->s[S->n].tag = tag, S->s[S->n].sigma = sigma, S->n++;
}

static mpq_t *qcopy (mpq_t *const a, size_t n) {
  mpq_t *b = qvec (n);
  for (size_t i = 0; i < n; i++) mpq_set (b[i], a[i]);
  return b;
}

/* Layer 3: the policies over (theta, x~), one digit per (t, x) with
 * P(x | t) > 0, each distinct behaviour once (observable: once among the
 * layer-3 strategies, pure ones included; else a pure behaviour is already
 * in the set and a mixed one is compared with the mixed ones from
 * first_mixed on). */
static void layer3_strategies (const signal_game *sg, mpq_t *const xt, uint64_t npure, size_t first_mixed, lset *S) {
  unsigned K = sg->K, M = sg->M;
  size_t KM = (size_t) K * M;
  bool obs = sg->observable;
  unsigned nd = 0, dt[SIGNAL_MAX_TYPES * 64], dx[SIGNAL_MAX_TYPES * 64];
  for (unsigned t = 0; t < K; t++)
    for (unsigned x = 0; x < M && nd < SIGNAL_MAX_TYPES * 64; x++)
      if (mpq_sgn (xt[t * M + x])) dt[nd] = t, dx[nd] = x, nd++;
  unsigned *dig = mem_calloc (nd + 1, sizeof *dig);
  bool *seenpure = mem_calloc (npure, sizeof *seenpure);
  size_t first3 = S->n;
  mpq_t *sig = qvec (KM);
  for (;;) {
    for (size_t i = 0; i < KM; i++) mpq_set_ui (sig[i], 0, 1);
    for (unsigned i = 0; i < nd; i++) mpq_add (sig[dt[i] * M + dig[i]], sig[dt[i] * M + dig[i]], xt[dt[i] * M + dx[i]]);
    uint64_t ix;
    bool pure = is_pure (sg, sig, &ix), fresh;
    if (pure) fresh = obs && !seenpure[ix], seenpure[ix] = true;
    else {
      fresh = true;
      for (size_t j = obs ? first3 : first_mixed; j < S->n && fresh; j++)
        fresh = !(pure == false && same_sigma (sg, S->s[j].sigma, sig));
    }
    if (fresh) lset_push (S, 3, qcopy (sig, KM));
    unsigned i = nd;
    while (i-- > 0) {
      if (++dig[i] < M) break;
      dig[i] = 0;
    }
    if (i == (unsigned) -1) break;
  }
  qvec_free (sig, KM);
  free (dig), free (seenpure);
}

/* The strategy set. Not observable: the union of the layers' policy sets,
 * each strategy tagged with the lowest layer holding it. Observable:
 * (layer, policy) pairs, each layer with its whole set. */
static void layer_strategies (const signal_game *sg, mpq_t *const xt, uint64_t npure, lset *S) {
  unsigned K = sg->K, M = sg->M;
  size_t KM = (size_t) K * M;
  bool obs = sg->observable, choose = sg->layers & (GAME_L2 | GAME_L3);
  unsigned puretag = sg->layers & GAME_L2 ? 2 : 3;
  if (obs && sg->layers & GAME_L1) lset_push (S, 1, qcopy (xt, KM));
  size_t first_pure = S->n;
  if (obs ? (sg->layers & GAME_L2) != 0 : choose)
    for (uint64_t ix = 0; ix < npure; ix++) {
      mpq_t *sig = qvec (KM);
      uint64_t rest = ix;
      for (unsigned t = K; t-- > 0;) {
        mpq_set_ui (sig[t * M + rest % M], 1, 1);
        rest /= M;
      }
      lset_push (S, obs ? 2 : puretag, sig);
    }
  size_t first_mixed = S->n;
  if (!obs && sg->layers & GAME_L1) {
    uint64_t ix;
    if (choose && is_pure (sg, xt, &ix)) S->s[first_pure + ix].tag = 1;
    else lset_push (S, 1, qcopy (xt, KM));
  }
  if (sg->layers & GAME_L3) layer3_strategies (sg, xt, npure, first_mixed, S);
}

/* The receiver's pure responses (nresp of them, M entries each),
 * rationalisable at every message, into a new array of *nR rows. */
static int *layer_responses (ctx *c, uint64_t nresp, size_t *nR) {
  unsigned M = c->sg->M, A = c->sg->A;
  int *R = mem_alloc ((size_t) nresp * M * sizeof *R);
  int *r = mem_calloc (M, sizeof *r);
  *nR = 0;
  for (uint64_t ix = 0; ix < nresp; ix++) {
    uint64_t rest = ix;
    bool ok = true;
    for (unsigned m = M; m-- > 0;) {
      r[m] = (int) (rest % A);
      rest /= A;
      ok &= rationalisable (c, m, 1u << r[m]);
    }
    if (ok) memcpy (&R[(*nR)++ * M], r, M * sizeof *r);
  }
  free (r);
  return R;
}

/* The sender's payoffs: U[j*nR + k] of S[j] against R[k]; per group gi
 * (the layer when observable, else one group) D[gi*nR + k] the best
 * deviation against R[k] and P[gi] the least of those (the punishment). */
typedef struct lpay {
  unsigned ngroups;
  mpq_t *U, *D, *P;
  bool *Dset, *Pset;
} lpay;

static void layer_payoffs (const signal_game *sg, const lset *S, const int *R, size_t nR, lpay *y) {
  size_t nS = S->n;
  unsigned M = sg->M, ngroups = y->ngroups = sg->observable ? 4 : 1;
  y->U = qvec (nS * nR);
  for (size_t j = 0; j < nS; j++)
    for (size_t k = 0; k < nR; k++) payoff (sg, y->U[j * nR + k], S->s[j].sigma, &R[k * M], false);
  y->D = qvec (ngroups * nR), y->P = qvec (ngroups);
  y->Dset = mem_calloc (ngroups * nR, sizeof *y->Dset), y->Pset = mem_calloc (ngroups, sizeof *y->Pset);
  for (size_t j = 0; j < nS; j++) {
    unsigned gi = sg->observable ? S->s[j].tag : 0;
    for (size_t k = 0; k < nR; k++)
      if (!y->Dset[gi * nR + k] || mpq_cmp (y->U[j * nR + k], y->D[gi * nR + k]) > 0)
        mpq_set (y->D[gi * nR + k], y->U[j * nR + k]), y->Dset[gi * nR + k] = true;
  }
  for (unsigned gi = 0; gi < ngroups; gi++)
    for (size_t k = 0; k < nR; k++)
      if (y->Dset[gi * nR + k] && (!y->Pset[gi] || mpq_cmp (y->D[gi * nR + k], y->P[gi]) < 0))
        mpq_set (y->P[gi], y->D[gi * nR + k]), y->Pset[gi] = true;
}

static void lpay_clear (lpay *y, size_t nS, size_t nR) {
  qvec_free (y->U, nS * nR), qvec_free (y->D, y->ngroups * nR), qvec_free (y->P, y->ngroups);
  free (y->Dset), free (y->Pset);
}

/* The equilibria of the layered game into L->eq: each strategy with each
 * on-path best response no deviation (within or across groups) beats. */
static void layer_equilibria (const signal_game *sg, signal_layers *L, const lset *S, const int *R, size_t nR,
                              const lpay *y) {
  unsigned K = sg->K, M = sg->M;
  size_t KM = (size_t) K * M;
  mpq_t *post = qvec (KM), *prob = qvec (M);
  bool *onpath = mem_alloc (M * sizeof *onpath);
  size_t capE = 0;
  for (size_t j = 0; j < S->n; j++) {
    const lstrat *sj = &S->s[j];
    bayes (sg, sj->sigma, post, onpath, prob);
    unsigned brs[64];
    for (unsigned m = 0; m < M; m++) brs[m] = onpath[m] ? best_responses (sg, m, &post[m * K]) : 0;
    unsigned gi = sg->observable ? sj->tag : 0;
    size_t firstE = L->n;
    for (size_t k = 0; k < nR; k++) {
      const int *r = &R[k * M];
      bool ok = true;
      for (unsigned m = 0; m < M && ok; m++) ok = !onpath[m] || brs[m] >> r[m] & 1;
      if (!ok || mpq_cmp (y->U[j * nR + k], y->D[gi * nR + k]) < 0) continue;
      for (unsigned h = 0; h < y->ngroups && ok; h++)
        if (h != gi && y->Pset[h] && mpq_cmp (y->U[j * nR + k], y->P[h]) < 0) ok = false;
      if (!ok) continue;
      bool dup = false;
      for (size_t e = firstE; e < L->n && !dup; e++) {
        dup = true;
        for (unsigned m = 0; m < M && dup; m++) dup = !onpath[m] || L->eq[e].resp[m] == r[m];
      }
      if (dup) continue;
      if (L->n == capE) capE = capE ? 2 * capE : 8, L->eq = mem_realloc (L->eq, capE * sizeof *L->eq);
      signal_layer_eq *q = &L->eq[L->n++];
      q->layer = sj->tag;
      q->sigma = qcopy (sj->sigma, KM), q->post = qcopy (post, KM);
      q->resp = mem_alloc (M * sizeof *q->resp);
      for (unsigned m = 0; m < M; m++) q->resp[m] = onpath[m] ? r[m] : -1;
      mpq_init (q->reward_s), mpq_init (q->reward_r);
      mpq_set (q->reward_s, y->U[j * nR + k]);
      payoff (sg, q->reward_r, sj->sigma, r, true);
    }
  }
  qvec_free (post, KM), qvec_free (prob, M);
  free (onpath);
}

/* Whether the layered game's equilibria change the on-path posteriors or
 * the rewards of the plain pure PBE (as sets). */
static void layer_compare (const signal_game *sg, signal_result *res) {
  signal_layers *L = &res->layers;
  unsigned M = sg->M;
  bool *onpath = mem_alloc (M * sizeof *onpath);
  char **pa = mem_alloc ((L->n + 1) * sizeof *pa), **ra = mem_alloc ((L->n + 1) * sizeof *ra);
  char **pb = mem_alloc ((res->n + 1) * sizeof *pb), **rb = mem_alloc ((res->n + 1) * sizeof *rb);
  for (size_t e = 0; e < L->n; e++) {
    for (unsigned m = 0; m < M; m++) onpath[m] = L->eq[e].resp[m] >= 0;
    pa[e] = key_post (sg, onpath, L->eq[e].post);
    ra[e] = key_reward (L->eq[e].reward_s, L->eq[e].reward_r);
  }
  for (size_t e = 0; e < res->n; e++) {
    pb[e] = key_post (sg, res->pbe[e].onpath, res->pbe[e].post);
    rb[e] = key_reward (res->pbe[e].reward_s, res->pbe[e].reward_r);
  }
  L->changes_posterior = !same_set (pa, L->n, pb, res->n);
  L->changes_reward = !same_set (ra, L->n, rb, res->n);
  for (size_t e = 0; e < L->n; e++) free (pa[e]), free (ra[e]);
  for (size_t e = 0; e < res->n; e++) free (pb[e]), free (rb[e]);
  free (pa), free (ra), free (pb), free (rb);
  free (onpath);
}

/* The causal-layer analysis of the sender (see signal_layers); skipped
 * beyond the LAYER_MAX_* bounds. False only when the instinct cannot be
 * tabulated (err set). */
static bool layers_analyse (signal_result *res, ctx *c, scnfg_error *err) {
  const signal_game *sg = c->sg;
  signal_layers *L = &res->layers;
  unsigned K = sg->K, M = sg->M, A = sg->A;
  size_t KM = (size_t) K * M;
  mpq_t *xt = qvec (KM);
  if (!instinct_dist (sg, xt, err)) {
    qvec_free (xt, KM);
    return false;
  }
  bool choose = sg->layers & (GAME_L2 | GAME_L3);
  uint64_t npure = 1;
  for (unsigned t = 0; t < K; t++) npure = sat_mul (npure, M);
  uint64_t n3 = 1;
  for (unsigned t = 0; t < K; t++) {
    unsigned nx = 0;
    for (unsigned x = 0; x < M; x++) nx += mpq_sgn (xt[t * M + x]) > 0;
    for (unsigned i = 0; i < nx; i++) n3 = sat_mul (n3, M);
  }
  uint64_t nresp = 1;
  for (unsigned m = 0; m < M; m++) nresp = sat_mul (nresp, A);
  if ((choose && npure > LAYER_MAX_STRATEGIES) || (sg->layers & GAME_L3 && n3 > LAYER_MAX_STRATEGIES) ||
      nresp > LAYER_MAX_RESPONSES) {
    L->skipped = true;
    qvec_free (xt, KM);
    return true;
  }
  lset S = {NULL, 0, 0};
  layer_strategies (sg, xt, npure, &S);
  bool allpure = true, onetag = true;
  for (size_t j = 0; j < S.n; j++) {
    L->nstrat[S.s[j].tag]++;
    uint64_t ix;
    allpure &= is_pure (sg, S.s[j].sigma, &ix);
    onetag &= S.s[j].tag == S.s[0].tag;
  }
  L->trivial = choose && S.n == npure && allpure && (!sg->observable || onetag);
  if ((uint64_t) S.n * nresp > LAYER_MAX_PAIRS) L->skipped = true; /* the plain game needs no enumeration */
  else {
    size_t nR;
    int *R = layer_responses (c, nresp, &nR);
    lpay y;
    layer_payoffs (sg, &S, R, nR, &y);
    layer_equilibria (sg, L, &S, R, nR, &y);
    layer_compare (sg, res);
    lpay_clear (&y, S.n, nR);
    free (R);
  }
  for (size_t j = 0; j < S.n; j++) qvec_free (S.s[j].sigma, KM);
  free (S.s);
  qvec_free (xt, KM);
  return true;
}

void signal_pbe_member (const signal_game *sg, const signal_pbe *e, size_t k, size_t j, mpq_t *alpha, mpq_t *mu) {
  unsigned K = sg->K, M = sg->M, A = sg->A;
  for (unsigned m = 0; m < M; m++) {
    for (unsigned a = 0; a < A; a++) mpq_set_ui (alpha[m * A + a], e->resp[m] == (int) a, 1);
    for (unsigned t = 0; t < K; t++) mpq_set (mu[m * K + t], e->post[m * K + t]);
  }
  if (k < e->noff) {
    const signal_response *r = &e->off[k].r[j];
    unsigned m = e->off[k].m;
    for (unsigned a = 0; a < A; a++) mpq_set (alpha[m * A + a], r->mix[a]);
    for (unsigned t = 0; t < K; t++) mpq_set (mu[m * K + t], r->belief[t]);
  }
}

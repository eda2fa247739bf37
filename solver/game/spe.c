/* Subgame-perfect equilibrium by backward induction (Zermelo; Kuhn 1953;
 * Selten 1965) over the expanded tree of a perfect-information S-CNFG.
 *
 * The tree is walked depth-first along the game's fixing order (g->order):
 * exogenous variables are chance nodes (every value is solved, the
 * zero-probability ones too, and the expectation weights them by the prior),
 * endogenous variables are computed on the way, an inactive stage takes 0,
 * a stage whose only layer is 1 plays its instinct, and every other stage is
 * a choice of its owner, resolved with the tie-breaks of DESIGN §3. Memory is
 * two reward vectors per level: it grows with the number of variables, not
 * with the tree. */
#include "solver/game/spe.h"

#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "solver/game/model.h"

void spe_options_init (spe_options *o) {
  memset (o, 0, sizeof *o);
  o->tie = GAME_TIE_STRONG;
  limits_init (&o->limits);
  o->max_profile = (size_t) 1 << 20;
  o->max_outcomes = 1000;
}

typedef struct spe {
  const game *g;
  const spe_options *opt;
  unsigned np;
  int leader;
  int *vals;
  mpq_t *scratch;   /* per level: best[np], child[np] */
  mpq_t tmp, fa, fb;
  game_profile *prof;
  uint64_t nodes, leaves;
  int stop;         /* 0, 1 timeout, 2 node limit */
} spe;

static void leaf (spe *s, mpq_t *out) {
  const game *g = s->g;
  for (unsigned p = 0; p < s->np; p++) mpq_set_ui (out[p], 0, 1);
  for (unsigned k = g->nfixed; k < g->nvars; k++) {
    const game_var *x = &g->vars[g->order[k]];
    if (x->expr->integral) {
      long v = game_eval (x->expr, s->vals);
      if (v) {
        mpq_set_si (s->tmp, v, 1);
        mpq_add (out[x->player], out[x->player], s->tmp);
      }
    } else {
      game_eval_q (s->tmp, x->expr, s->vals);
      mpq_add (out[x->player], out[x->player], s->tmp);
    }
  }
}

/* Sum of the players' rewards other than p. */
static void others (spe *s, mpq_t out, const mpq_t *v, int p) {
  mpq_set_ui (out, 0, 1);
  for (unsigned i = 0; i < s->np; i++)
    if ((int) i != p) mpq_add (out, out, v[i]);
}

/* True iff action a (values c) replaces the current best action b (values
 * best) for mover p; inst is the mover's instinct. Actions come in index
 * order, so "keep" means the lower index. */
static bool better (spe *s, int p, const mpq_t *c, int a, const mpq_t *best, int b, int inst) {
  int cmp = mpq_cmp (c[p], best[p]);
  if (cmp) return cmp > 0;
  if (p == s->leader) {
    others (s, s->fa, c, p);
    others (s, s->fb, best, p);
    return mpq_cmp (s->fa, s->fb) > 0;
  }
  game_tie t = s->opt->tie;
  if (t >= GAME_TIE_INSTINCT_STRONG) {
    if (a == inst) return true;
    if (b == inst) return false;
    t = (game_tie) (t - GAME_TIE_INSTINCT_STRONG);
  }
  int l = mpq_cmp (c[s->leader], best[s->leader]);
  if (t == GAME_TIE_STRONG) return l > 0;
  if (t == GAME_TIE_WEAK) return l < 0;
  (void) a, (void) b;
  return false;
}

static void solve (spe *s, unsigned k, mpq_t *out) {
  const game *g = s->g;
  if (s->stop) return;
  s->nodes++;
  if (s->opt->limits.max_nodes && s->nodes > s->opt->limits.max_nodes) {
    s->stop = 2;
    return;
  }
  if ((s->nodes & 4095) == 0 && limits_expired (&s->opt->limits)) {
    s->stop = 1;
    return;
  }
  while (k < g->nfixed) {
    int v = g->order[k];
    const game_var *x = &g->vars[v];
    if (x->kind == GAME_ENDOGENOUS) s->vals[v] = (int) game_eval (x->expr, s->vals);
    else if (x->kind == GAME_ACTION && !game_active (g, v, s->vals)) s->vals[v] = 0;
    else if (x->kind == GAME_ACTION && x->layers == GAME_L1) s->vals[v] = game_instinct (g, v, s->vals);
    else break;
    k++;
  }
  if (k == g->nfixed) {
    s->leaves++;
    leaf (s, out);
    return;
  }
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  mpq_t *child = s->scratch + (size_t) (2 * k + 1) * s->np;
  if (x->kind == GAME_EXOGENOUS) {
    for (unsigned p = 0; p < s->np; p++) mpq_set_ui (out[p], 0, 1);
    for (unsigned a = 0; a < x->domain; a++) {
      s->vals[v] = (int) a;
      solve (s, k + 1, child);
      if (s->stop) return;
      if (mpq_sgn (x->prior[a]) == 0) continue;
      for (unsigned p = 0; p < s->np; p++) mpq_mul (s->tmp, child[p], x->prior[a]), mpq_add (out[p], out[p], s->tmp);
    }
    return;
  }
  /* a choice of x->player */
  int p = x->player, inst = game_instinct (g, v, s->vals), ba = -1;
  mpq_t *best = s->scratch + (size_t) (2 * k) * s->np;
  for (unsigned a = 0; a < x->domain; a++) {
    s->vals[v] = (int) a;
    solve (s, k + 1, child);
    if (s->stop) return;
    if (ba < 0 || better (s, p, child, (int) a, best, ba, inst)) {
      ba = (int) a;
      for (unsigned i = 0; i < s->np; i++) mpq_swap (best[i], child[i]);
    }
  }
  s->vals[v] = ba;
  if (s->prof) {
    game_policy *pol = &s->prof->pol[x->stage - 1];
    pol->act[profile_index (pol, s->vals, 0)] = ba;
  }
  for (unsigned i = 0; i < s->np; i++) mpq_set (out[i], best[i]);
}

bool spe_solve (const game *g, const spe_options *opt, game_solution *sol, scnfg_error *err) {
  profile_solution_init (sol, g, "spe", opt->tie);
  if (!game_is_perfect_info (g)) {
    for (unsigned t = 1; t <= g->nstages; t++) {
      const game_var *v = game_stage (g, t);
      for (unsigned i = 0; i < g->nvars; i++) {
        const game_var *w = &g->vars[i];
        bool need = (w->kind == GAME_ACTION && w->stage < t) || (w->kind == GAME_EXOGENOUS && w->position <= t);
        bool seen = false;
        for (unsigned j = 0; j < v->nobs; j++) seen |= v->obs[j] == (int) i;
        if (need && !seen)
          return error_set (err, ERROR_INPUT, g->file, v->line, 0,
                            "SPE needs a perfect-information game: stage %u (action '%s') does not observe '%s'", t,
                            v->id, w->id);
      }
    }
  }
  double t0 = limits_now ();
  spe s;
  memset (&s, 0, sizeof s);
  s.g = g;
  s.opt = opt;
  s.np = g->nplayers;
  s.leader = g->leader;
  s.vals = mem_calloc (g->nvars + 1, sizeof *s.vals);
  size_t ns = (size_t) (2 * g->nfixed + 2) * s.np;
  s.scratch = mem_alloc (ns * sizeof *s.scratch);
  for (size_t i = 0; i < ns; i++) mpq_init (s.scratch[i]);
  mpq_init (s.tmp), mpq_init (s.fa), mpq_init (s.fb);
  size_t need = profile_size (g);
  if (opt->max_profile && need <= opt->max_profile) {
    s.prof = profile_new (g, 0);
    for (unsigned t = 1; t <= g->nstages; t++) {
      unsigned L = game_stage (g, t)->layers;
      s.prof->pol[t - 1].layer = L == GAME_L1 ? 1 : (L & GAME_L2) ? 2 : 3;
    }
  } else {
    snprintf (sol->reason, sizeof sol->reason, "profile not stored: %zu information sets over the limit %zu",
              need, opt->max_profile);
  }
  mpq_t *root = mem_alloc (s.np * sizeof *root);
  for (unsigned i = 0; i < s.np; i++) mpq_init (root[i]);
  solve (&s, 0, root);
  sol->nodes = s.nodes;
  sol->leaves = s.leaves;
  if (s.stop) {
    sol->status = GAME_UNKNOWN;
    snprintf (sol->reason, sizeof sol->reason, "%s", s.stop == 1 ? "timeout" : "node limit");
    profile_free (s.prof);
  } else {
    sol->status = GAME_SOLVED;
    mpq_set_ui (sol->welfare, 0, 1);
    for (unsigned i = 0; i < s.np; i++) mpq_set (sol->reward[i], root[i]), mpq_add (sol->welfare, sol->welfare, root[i]);
    sol->profile = s.prof;
    if (s.prof) {
      /* the outcome distribution of the profile (and a self-check of its value) */
      mpq_t *r = mem_alloc (s.np * sizeof *r);
      for (unsigned i = 0; i < s.np; i++) mpq_init (r[i]);
      bool ok = profile_evaluate (g, s.prof, r, &sol->outcomes, opt->max_outcomes, NULL);
      for (unsigned i = 0; i < s.np; i++) ok = ok && mpq_equal (r[i], root[i]), mpq_clear (r[i]);
      free (r);
      if (!ok) {
        fputs ("scnfg: internal error: spe profile does not reproduce its value\n", stderr);
        abort ();
      }
    }
  }
  sol->seconds = limits_now () - t0;
  for (unsigned i = 0; i < s.np; i++) mpq_clear (root[i]);
  free (root);
  for (size_t i = 0; i < ns; i++) mpq_clear (s.scratch[i]);
  free (s.scratch);
  mpq_clear (s.tmp), mpq_clear (s.fa), mpq_clear (s.fb);
  free (s.vals);
  return true;
}

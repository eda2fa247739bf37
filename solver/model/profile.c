/* Pure policy profiles and their exact evaluation (see profile.h). */
#include "solver/model/profile.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "solver/model/game.h"

static size_t policy_size (const game *g, const game_var *v, bool intuition) {
  size_t n = 1;
  for (unsigned i = 0; i < v->nobs; i++) {
    unsigned d = g->vars[v->obs[i]].domain;
    if (n > SIZE_MAX / d) return SIZE_MAX;
    n *= d;
  }
  if (intuition) n = n > SIZE_MAX / v->domain ? SIZE_MAX : n * v->domain;
  return n;
}

size_t profile_size (const game *g) {
  size_t total = 0;
  for (unsigned t = 1; t <= g->nstages; t++) {
    size_t n = policy_size (g, game_stage (g, t), false);
    if (n == SIZE_MAX || total > SIZE_MAX - n) return SIZE_MAX;
    total += n;
  }
  return total;
}

game_profile *profile_new (const game *g, size_t max_entries) {
  if (max_entries && profile_size (g) > max_entries) return NULL;
  game_profile *p = mem_calloc (1, sizeof *p);
  p->nstages = g->nstages;
  p->pol = mem_calloc (g->nstages, sizeof *p->pol);
  for (unsigned t = 1; t <= g->nstages; t++) {
    game_policy *pol = &p->pol[t - 1];
    const game_var *v = game_stage (g, t);
    pol->stage = t;
    pol->var = g->stage_var[t - 1];
    pol->layer = 2;
    pol->nobs = v->nobs;
    pol->obs = mem_alloc (v->nobs * sizeof *pol->obs);
    pol->radix = mem_alloc (v->nobs * sizeof *pol->radix);
    for (unsigned i = 0; i < v->nobs; i++) pol->obs[i] = v->obs[i], pol->radix[i] = g->vars[v->obs[i]].domain;
    pol->size = policy_size (g, v, false);
    pol->act = mem_alloc (pol->size * sizeof *pol->act);
    for (size_t i = 0; i < pol->size; i++) pol->act[i] = PROFILE_NONE;
  }
  return p;
}

void profile_set_intuition (const game *g, game_profile *p, unsigned t, bool intuition) {
  game_policy *pol = &p->pol[t - 1];
  pol->intuition = intuition;
  pol->size = policy_size (g, game_stage (g, t), intuition);
  pol->act = mem_realloc (pol->act, pol->size * sizeof *pol->act);
  for (size_t i = 0; i < pol->size; i++) pol->act[i] = PROFILE_NONE;
}

void profile_free (game_profile *p) {
  if (!p) return;
  for (unsigned t = 0; t < p->nstages; t++) free (p->pol[t].obs), free (p->pol[t].radix), free (p->pol[t].act);
  free (p->pol);
  free (p);
}

size_t profile_index (const game_policy *pol, const int *vals, int xtilde) {
  size_t idx = 0;
  for (unsigned i = 0; i < pol->nobs; i++) idx = idx * pol->radix[i] + (size_t) vals[pol->obs[i]];
  if (pol->intuition) {
    /* the action's domain is size / product of radix */
    size_t prod = 1;
    for (unsigned i = 0; i < pol->nobs; i++) prod *= pol->radix[i];
    idx = idx * (pol->size / prod) + (size_t) xtilde;
  }
  return idx;
}

void profile_decode (const game_policy *pol, size_t idx, int *obsvals, int *xtilde) {
  *xtilde = -1;
  if (pol->intuition) {
    size_t prod = 1;
    for (unsigned i = 0; i < pol->nobs; i++) prod *= pol->radix[i];
    size_t d = pol->size / prod;
    *xtilde = (int) (idx % d);
    idx /= d;
  }
  for (unsigned i = pol->nobs; i-- > 0;) {
    obsvals[i] = (int) (idx % pol->radix[i]);
    idx /= pol->radix[i];
  }
}

int profile_action (const game *g, const game_profile *p, unsigned t, const int *vals) {
  const game_policy *pol = &p->pol[t - 1];
  int x = pol->intuition || pol->layer == 1 ? game_instinct (g, pol->var, vals) : 0;
  if (pol->layer == 1) {
    /* a commitment concept may report layer 1 (the lowest sufficient layer)
       and still store its table: the table is what it committed to */
    int a = pol->size ? pol->act[profile_index (pol, vals, x)] : PROFILE_NONE;
    return a != PROFILE_NONE ? a : x;
  }
  return pol->act[profile_index (pol, vals, x)];
}

/* ---- evaluation ------------------------------------------------------- */

void profile_outcomes_init (profile_outcomes *o) { memset (o, 0, sizeof *o); }

void profile_outcomes_clear (profile_outcomes *o) {
  for (size_t i = 0; i < o->n; i++) mpq_clear (o->o[i].prob), free (o->o[i].vals);
  free (o->o);
  memset (o, 0, sizeof *o);
}

void profile_add_leaf (const game *g, const int *vals, const mpq_t prob, mpq_t *reward, mpq_t *scratch,
                       profile_outcomes *outs, size_t max_outcomes) {
  game_rewards (g, vals, scratch);
  mpq_t t;
  mpq_init (t);
  for (unsigned p = 0; p < g->nplayers; p++) mpq_mul (t, scratch[p], prob), mpq_add (reward[p], reward[p], t);
  mpq_clear (t);
  if (!outs) return;
  if (outs->n >= max_outcomes) {
    outs->truncated = true;
    return;
  }
  mem_reserve ((void **) &outs->o, &outs->cap, outs->n + 1, sizeof *outs->o);
  game_outcome *oc = &outs->o[outs->n++];
  mpq_init (oc->prob);
  mpq_set (oc->prob, prob);
  oc->vals = mem_alloc (g->nvars * sizeof *oc->vals);
  memcpy (oc->vals, vals, g->nvars * sizeof *oc->vals);
}

typedef struct evaluator {
  const game *g;
  const game_profile *p;
  int *vals;
  mpq_t *reward, *leaf;
  profile_outcomes *outs;
  size_t max_outcomes;
  unsigned missing;
} evaluator;

static bool eval_rec (evaluator *ev, unsigned k, const mpq_t prob) {
  const game *g = ev->g;
  if (k == g->nfixed) {
    profile_add_leaf (g, ev->vals, prob, ev->reward, ev->leaf, ev->outs, ev->max_outcomes);
    return true;
  }
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  if (x->kind == GAME_EXOGENOUS) {
    mpq_t q;
    mpq_init (q);
    bool ok = true;
    for (unsigned a = 0; a < x->domain && ok; a++) {
      if (mpq_sgn (x->prior[a]) == 0) continue;
      mpq_mul (q, prob, x->prior[a]);
      ev->vals[v] = (int) a;
      ok = eval_rec (ev, k + 1, q);
    }
    mpq_clear (q);
    return ok;
  }
  if (x->kind == GAME_ENDOGENOUS) ev->vals[v] = (int) game_eval (x->expr, ev->vals);
  else if (!game_active (g, v, ev->vals)) ev->vals[v] = 0;
  else {
    int a = profile_action (g, ev->p, x->stage, ev->vals);
    if (a < 0 || (unsigned) a >= x->domain) {
      ev->missing = x->stage;
      return false;
    }
    ev->vals[v] = a;
  }
  return eval_rec (ev, k + 1, prob);
}

bool profile_evaluate (const game *g, const game_profile *p, mpq_t *reward, profile_outcomes *outs,
                       size_t max_outcomes, unsigned *missing_stage) {
  evaluator ev = {g, p, mem_calloc (g->nvars, sizeof (int)), reward, NULL, outs, max_outcomes, 0};
  ev.leaf = mem_alloc (g->nplayers * sizeof *ev.leaf);
  for (unsigned i = 0; i < g->nplayers; i++) mpq_init (ev.leaf[i]), mpq_set_ui (reward[i], 0, 1);
  mpq_t one;
  mpq_init (one);
  mpq_set_ui (one, 1, 1);
  bool ok = eval_rec (&ev, 0, one);
  if (!ok && missing_stage) *missing_stage = ev.missing;
  mpq_clear (one);
  for (unsigned i = 0; i < g->nplayers; i++) mpq_clear (ev.leaf[i]);
  free (ev.leaf);
  free (ev.vals);
  return ok;
}

/* ---- tie-breaks -------------------------------------------------------- */

static const char *tie_names[] = {"strong", "weak", "lex", "instinct-strong", "instinct-weak", "instinct-lex"};

bool profile_tie_parse (const char *s, game_tie *out) {
  for (unsigned i = 0; i < sizeof tie_names / sizeof *tie_names; i++)
    if (!strcmp (s, tie_names[i])) {
      *out = (game_tie) i;
      return true;
    }
  return false;
}

const char *profile_tie_name (game_tie t) { return tie_names[t]; }

/* ---- solutions --------------------------------------------------------- */

void profile_solution_init (game_solution *s, const game *g, const char *concept, game_tie tie) {
  memset (s, 0, sizeof *s);
  snprintf (s->concept, sizeof s->concept, "%s", concept);
  s->tie = tie;
  s->nplayers = g->nplayers;
  s->reward = mem_alloc (g->nplayers * sizeof *s->reward);
  for (unsigned i = 0; i < g->nplayers; i++) mpq_init (s->reward[i]);
  mpq_init (s->welfare);
  profile_outcomes_init (&s->outcomes);
}

void profile_solution_clear (game_solution *s) {
  for (unsigned i = 0; i < s->nplayers; i++) mpq_clear (s->reward[i]);
  free (s->reward);
  mpq_clear (s->welfare);
  profile_free (s->profile);
  profile_outcomes_clear (&s->outcomes);
  memset (s, 0, sizeof *s);
}

/* ---- reports ----------------------------------------------------------- */

void profile_describe_infoset (const game *g, const game_policy *pol, size_t idx, char *buf, size_t size) {
  int *ov = mem_alloc ((pol->nobs + 1) * sizeof *ov);
  int x;
  profile_decode (pol, idx, ov, &x);
  size_t n = 0;
  buf[0] = 0;
  char lb[32];
  for (unsigned i = 0; i < pol->nobs && n < size; i++)
    n += (size_t) snprintf (buf + n, size - n, "%s%s=%s", i ? " " : "", g->vars[pol->obs[i]].id,
                            game_value_label (g, pol->obs[i], ov[i], lb, sizeof lb));
  if (x >= 0 && n < size) n += (size_t) snprintf (buf + n, size - n, "%sintuition=%s", pol->nobs ? " " : "", game_value_label (g, pol->var, x, lb, sizeof lb));
  if (n == 0 && size > 2) snprintf (buf, size, "-");
  free (ov);
}

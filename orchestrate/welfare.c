/* The welfare experiment (see welfare.h). */
#include "orchestrate/welfare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/prng.h"
#include "base/rat.h"
#include "instances/edit.h"
#include "instances/gamegen.h"
#include "instances/generic.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/game/solve.h"

static const char *const eps_list[WELFARE_NEPS] = {"0", "1/100", "1/20", "1/10", "1/4"};

const char *welfare_eps (unsigned i) { return i < WELFARE_NEPS ? eps_list[i] : "0"; }

void welfare_params_init (welfare_params *p) {
  memset (p, 0, sizeof *p);
  p->games = 50;
  p->seed = 1;
  p->conf_num = 0, p->conf_den = 1;
  p->stages = 3, p->domain = 2, p->confounders = 2;
  p->eps_sweep = p->shrink_example = true;
}

game *welfare_game (const welfare_params *p, uint64_t seed) {
  gamegen_params gp;
  gamegen_params_init (&gp);
  gp.seed = seed;
  gp.stages = p->stages, gp.domain = p->domain, gp.confounders = p->confounders;
  gp.generic = gp.payoff_conf = p->generic;
  game *g = gamegen_random (&gp);
  if (!g) return NULL;
  prng r;
  prng_seed (&r, seed ^ 0x77656c66u);
  game *h = edit_confound (g, &r, p->conf_num, p->conf_den);
  game_free (g);
  if (h && p->generic && !generic_check (h, NULL, 0)) game_free (h), h = NULL;
  return h;
}

void welfare_wilson (unsigned k, unsigned n, double *lo, double *hi) {
  const double z = 1.959963984540054;
  double ph = (double) k / n, z2 = z * z / n;
  double c = (ph + z2 / 2) / (1 + z2), h = z * sqrt (ph * (1 - ph) / n + z2 / (4 * n)) / (1 + z2);
  *lo = c - h < 0 ? 0 : c - h;
  *hi = c + h > 1 ? 1 : c + h;
}

static void row_init (welfare_eps_row *e) {
  mpq_init (e->leader), mpq_init (e->follower), mpq_init (e->welfare), mpq_init (e->diff);
  e->differ = 0;
}

static void row_clear (welfare_eps_row *e) {
  mpq_clear (e->leader), mpq_clear (e->follower), mpq_clear (e->welfare), mpq_clear (e->diff);
}

void welfare_result_init (welfare_result *r) {
  memset (r, 0, sizeof *r);
  mpq_init (r->mean_sse), mpq_init (r->mean_scne), mpq_init (r->mean_diff), mpq_init (r->mean_abs);
  mpq_init (r->max_diff), mpq_init (r->min_diff), mpq_init (r->mean_leader_diff);
  mpq_init (r->sse_leader), mpq_init (r->sse_follower);
  mpq_init (r->example_sse), mpq_init (r->example_scne);
  for (unsigned k = 0; k < 2; k++)
    for (unsigned i = 0; i < WELFARE_NEPS; i++) row_init (&r->eps[k][i]);
}

void welfare_result_clear (welfare_result *r) {
  mpq_clear (r->mean_sse), mpq_clear (r->mean_scne), mpq_clear (r->mean_diff), mpq_clear (r->mean_abs);
  mpq_clear (r->max_diff), mpq_clear (r->min_diff), mpq_clear (r->mean_leader_diff);
  mpq_clear (r->sse_leader), mpq_clear (r->sse_follower);
  mpq_clear (r->example_sse), mpq_clear (r->example_scne);
  for (unsigned k = 0; k < 2; k++)
    for (unsigned i = 0; i < WELFARE_NEPS; i++) row_clear (&r->eps[k][i]);
  game_free (r->example);
  r->example = NULL;
  if (r->rows)
    for (unsigned i = 0; i < r->games; i++)
      for (unsigned k = 0; k < 3; k++) mpq_clear (r->rows[i].sse[k]), mpq_clear (r->rows[i].scne[k]);
  free (r->rows);
  r->rows = NULL;
}

static void keep_row (welfare_result *r, uint64_t seed, const game_solution *a, const game_solution *b, int L) {
  if (!(r->games & (r->games - 1))) r->rows = mem_realloc (r->rows, 2 * (r->games + 1) * sizeof *r->rows);
  welfare_game_row *w = &r->rows[r->games];
  w->seed = seed;
  const mpq_t *x[3] = {&a->reward[L], &a->reward[1 - L], &a->welfare}, *y[3] = {&b->reward[L], &b->reward[1 - L], &b->welfare};
  for (unsigned k = 0; k < 3; k++) mpq_init (w->sse[k]), mpq_set (w->sse[k], *x[k]), mpq_init (w->scne[k]), mpq_set (w->scne[k], *y[k]);
}

static bool solve (const game *g, game_concept c, const char *eps, bool robust, bool profile, game_solution *s) {
  game_options o;
  game_options_init (&o);
  o.tie = GAME_TIE_STRONG, o.commit.robust = robust;
  o.commit.max_policies = 1u << 16;
  if (!profile) o.max_profile = 0;
  if (eps) rat_parse_str (o.eps, eps, NULL);
  scnfg_error err;
  error_init (&err);
  game_answer ans;
  bool ok = game_solve (g, c, &o, &ans, &err) && ans.sol.status == GAME_SOLVED;
  game_options_clear (&o);
  if (ok) game_answer_move (&ans, s);
  else game_answer_clear (&ans);
  return ok;
}

/* welfare(S-CNE) - welfare(SSE) into d; false if either is not solved. */
static bool welfare_diff (const game *g, mpq_t d, mpq_t wsse, mpq_t wscne) {
  game_solution a, b;
  if (!solve (g, GAME_CONCEPT_SSE, NULL, false, false, &a)) return false;
  bool ok = solve (g, GAME_CONCEPT_SCNE, NULL, false, false, &b);
  if (ok) {
    mpq_sub (d, b.welfare, a.welfare);
    if (wsse) mpq_set (wsse, a.welfare);
    if (wscne) mpq_set (wscne, b.welfare);
    profile_solution_clear (&b);
  }
  profile_solution_clear (&a);
  return ok;
}

static bool still_differs (const game *g, void *arg) {
  (void) arg;
  mpq_t d;
  mpq_init (d);
  bool r = welfare_diff (g, d, NULL, NULL) && mpq_sgn (d) != 0;
  mpq_clear (d);
  return r;
}

static void add_mean (mpq_t acc, const mpq_t x) { mpq_add (acc, acc, x); }

void welfare_run (const welfare_params *p, welfare_result *r) {
  mpq_t d, t, n;
  mpq_init (d), mpq_init (t), mpq_init (n);
  size_t best = (size_t) -1;
  uint64_t best_seed = 0;
  for (uint64_t j = 0; j < 20ull * p->games && r->games < p->games; j++) {
    uint64_t seed = p->seed + j;
    game *g = welfare_game (p, seed);
    if (!g) {
      if (p->generic) r->redraws++;
      else r->skipped++;
      continue;
    }
    game_solution a, b;
    if (!solve (g, GAME_CONCEPT_SSE, NULL, false, false, &a)) {
      r->skipped++;
      game_free (g);
      continue;
    }
    if (!solve (g, GAME_CONCEPT_SCNE, NULL, false, true, &b)) {
      r->skipped++;
      profile_solution_clear (&a);
      game_free (g);
      continue;
    }
    /* the eps sweep must be solvable too, so that every table has the same games */
    game_solution e[2][WELFARE_NEPS];
    bool ok = true;
    unsigned done[2] = {0, 0};
    if (p->eps_sweep)
      for (unsigned k = 0; k < 2 && ok; k++)
        for (unsigned i = 0; i < WELFARE_NEPS && ok; i++) {
          ok = solve (g, GAME_CONCEPT_SATISFICING, welfare_eps (i), k == 1, false, &e[k][i]);
          if (ok) done[k]++;
        }
    if (!ok) {
      for (unsigned k = 0; k < 2; k++)
        for (unsigned i = 0; i < done[k]; i++) profile_solution_clear (&e[k][i]);
      profile_solution_clear (&a), profile_solution_clear (&b);
      r->skipped++;
      game_free (g);
      continue;
    }
    int L = g->leader;
    if (p->keep_games) keep_row (r, seed, &a, &b, L);
    r->games++;
    r->confounded += edit_confounded (g, -1);
    mpq_sub (d, b.welfare, a.welfare);
    add_mean (r->mean_sse, a.welfare), add_mean (r->mean_scne, b.welfare), add_mean (r->mean_diff, d);
    mpq_abs (t, d);
    add_mean (r->mean_abs, t);
    if (r->games == 1 || mpq_cmp (d, r->max_diff) > 0) mpq_set (r->max_diff, d);
    if (r->games == 1 || mpq_cmp (d, r->min_diff) < 0) mpq_set (r->min_diff, d);
    mpq_sub (t, b.reward[L], a.reward[L]);
    add_mean (r->mean_leader_diff, t);
    add_mean (r->sse_leader, a.reward[L]), add_mean (r->sse_follower, a.reward[1 - L]);
    r->leader_differ += mpq_sgn (t) != 0;
    if (mpq_sgn (d)) {
      r->differ++;
      size_t sz = edit_game_size (g);
      if (sz < best) best = sz, best_seed = seed;
    }
    if (b.profile)
      for (unsigned s = 1; s <= g->nstages; s++) {
        const game_policy *pol = &b.profile->pol[s - 1];
        bool active = false;
        for (size_t i = 0; i < pol->size && !active; i++) active = pol->act[i] != PROFILE_NONE;
        if (active && pol->layer >= 1 && pol->layer <= 3) r->layers[game_stage (g, s)->player == L ? 0 : 1][pol->layer]++;
      }
    if (p->eps_sweep)
      for (unsigned k = 0; k < 2; k++)
        for (unsigned i = 0; i < WELFARE_NEPS; i++) {
          welfare_eps_row *row = &r->eps[k][i];
          game_solution *s = &e[k][i];
          add_mean (row->leader, s->reward[L]);
          add_mean (row->follower, s->reward[1 - L]);
          add_mean (row->welfare, s->welfare);
          mpq_sub (t, s->welfare, a.welfare);
          add_mean (row->diff, t);
          row->differ += mpq_sgn (t) != 0;
          profile_solution_clear (s);
        }
    profile_solution_clear (&a), profile_solution_clear (&b);
    game_free (g);
  }
  if (r->games) {
    mpq_set_ui (n, r->games, 1);
    mpq_t *m[] = {&r->mean_sse, &r->mean_scne, &r->mean_diff, &r->mean_abs, &r->mean_leader_diff, &r->sse_leader, &r->sse_follower};
    for (unsigned i = 0; i < sizeof m / sizeof m[0]; i++) mpq_div (*m[i], *m[i], n);
    for (unsigned k = 0; k < 2; k++)
      for (unsigned i = 0; i < WELFARE_NEPS; i++) {
        welfare_eps_row *row = &r->eps[k][i];
        mpq_div (row->leader, row->leader, n), mpq_div (row->follower, row->follower, n);
        mpq_div (row->welfare, row->welfare, n), mpq_div (row->diff, row->diff, n);
      }
  }
  if (r->differ) {
    game *g = welfare_game (p, best_seed);
    r->example_seed = best_seed;
    r->example_size_before = edit_game_size (g);
    if (p->shrink_example) {
      game *s = edit_shrink_game (g, still_differs, NULL, 400, NULL);
      if (s) game_free (g), g = s;
    }
    welfare_diff (g, d, r->example_sse, r->example_scne);
    r->example = g;
  }
  mpq_clear (d), mpq_clear (t), mpq_clear (n);
}

/* Tests of instance surgery (instances/edit): each edit on generated games
 * and formulas, freezing a policy, confounding, and greedy shrinking. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/prng.h"
#include "instances/edit.h"
#include "instances/gamegen.h"
#include "instances/qbfgen.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/game/sse.h"
#include "solver/qbf/eval.h"
#include "solver/model/qbf.h"

static game *gen (uint64_t seed, unsigned stages, unsigned domain, unsigned conf, bool pi) {
  gamegen_params p;
  gamegen_params_init (&p);
  p.seed = seed, p.stages = stages, p.domain = domain, p.confounders = conf, p.perfect_info = pi;
  game *g = gamegen_random (&p);
  ck_assert_ptr_nonnull (g);
  return g;
}

START_TEST (drop_stage) {
  for (uint64_t s = 1; s <= 40; s++) {
    game *g = gen (s, 4, 3, 1, s % 2);
    edit_op op = {EDIT_DROP_VAR, g->stage_var[1]}; /* stage 2 */
    game *h = edit_game (g, &op);
    if (h) {
      ck_assert_uint_eq (h->nstages, 3);
      ck_assert_uint_eq (h->nvars, g->nvars - 1);
      ck_assert_int_eq (game_find_var (h, g->vars[g->stage_var[1]].id), -1);
      /* stage 3 became stage 2 */
      ck_assert_str_eq (game_stage (h, 2)->id, game_stage (g, 3)->id);
      ck_assert_uint_lt (edit_game_size (h), edit_game_size (g));
    }
    game_free (h), game_free (g);
  }
}
END_TEST

START_TEST (shrink_domain) {
  unsigned done = 0;
  for (uint64_t s = 1; s <= 20; s++) {
    game *g = gen (s, 3, 4, 0, true);
    for (unsigned t = 1; t <= g->nstages; t++) {
      int v = g->stage_var[t - 1];
      edit_op op = {EDIT_SHRINK_DOMAIN, v};
      game *h = edit_game (g, &op);
      if (g->vars[v].domain < 3) {
        ck_assert_ptr_null (h);
        continue;
      }
      ck_assert_ptr_nonnull (h);
      ck_assert_uint_eq (h->vars[v].domain, g->vars[v].domain - 1);
      done++;
      game_free (h);
    }
    game_free (g);
  }
  ck_assert_uint_gt (done, 10);
  /* not applicable edits */
  game *g = gen (1, 3, 2, 0, true);
  edit_op op = {EDIT_DROP_ACTIVE_IF, -1};
  ck_assert_ptr_null (edit_game (g, &op));
  op.kind = EDIT_SHRINK_DOMAIN, op.var = g->stage_var[0];
  ck_assert_ptr_null (edit_game (g, &op)); /* domain 2 */
  game_free (g);
}
END_TEST

START_TEST (confound) {
  unsigned conf = 0;
  for (uint64_t s = 1; s <= 30; s++) {
    game *g = gen (s, 3, 2, 2, false);
    prng r;
    prng_seed (&r, s);
    game *h0 = edit_confound (g, &r, 0, 1);
    ck_assert_ptr_nonnull (h0);
    ck_assert (!edit_confounded (h0, -1));
    prng_seed (&r, s);
    game *h1 = edit_confound (g, &r, 1, 1);
    ck_assert_ptr_nonnull (h1);
    conf += edit_confounded (h1, -1);
    game_free (h0), game_free (h1), game_free (g);
  }
  ck_assert_uint_ge (conf, 25);
}
END_TEST

/* Freezing the follower's SSE policy: the leader of the frozen game does at
 * least as well as in the SSE (the follower no longer reacts). */
START_TEST (freeze) {
  unsigned n = 0;
  for (uint64_t s = 1; s <= 30; s++) {
    game *g = gen (s, 3, 2, 1, s % 2);
    sse_options o;
    sse_options_init (&o);
    game_solution a, b;
    scnfg_error err;
    error_init (&err);
    ck_assert (sse_solve (g, &o, &a, &err));
    game *h = edit_freeze (g, a.profile, 1, 0);
    ck_assert_ptr_nonnull (h);
    for (unsigned t = 1; t <= h->nstages; t++)
      if (game_stage (h, t)->player == 1) ck_assert_uint_eq (game_stage (h, t)->layers, GAME_L1);
    ck_assert (sse_solve (h, &o, &b, &err));
    ck_assert (mpq_cmp (b.reward[0], a.reward[0]) >= 0);
    n++;
    profile_solution_clear (&a), profile_solution_clear (&b);
    sse_options_clear (&o);
    game_free (h), game_free (g);
  }
  ck_assert_uint_eq (n, 30);
}
END_TEST

static bool has_stage (const game *g, void *arg) {
  (void) arg;
  return g->nstages >= 1;
}

START_TEST (shrink_game) {
  game *g = gen (3, 4, 3, 2, false);
  unsigned tries = 0;
  game *h = edit_shrink_game (g, has_stage, NULL, 0, &tries);
  ck_assert_ptr_nonnull (h);
  ck_assert_uint_eq (h->nstages, 1);
  ck_assert_uint_eq (h->vars[h->stage_var[0]].domain, 2);
  ck_assert_uint_eq (h->nvars, 1); /* everything else dropped */
  ck_assert_uint_gt (tries, 5);
  game_free (h), game_free (g);
}
END_TEST

static qbf *formula (uint64_t seed) {
  qbfgen_random p;
  memset (&p, 0, sizeof p);
  p.nblocks = 3;
  p.block_vars[0] = 2, p.block_vars[1] = 2, p.block_vars[2] = 4;
  p.block_lits[0] = p.block_lits[1] = 1, p.block_lits[2] = 2;
  p.nclauses = 10;
  qbf *f = qbfgen_random_formula (&p, seed);
  ck_assert_ptr_nonnull (f);
  return f;
}

static bool three_clauses (const qbf *f, void *arg) {
  (void) arg;
  return f->nclauses >= 3;
}

START_TEST (qbf_edits) {
  qbf *f = formula (5);
  qbf *a = edit_qbf_drop (f, 0, 0);
  ck_assert_ptr_nonnull (a);
  ck_assert_uint_eq (a->nclauses, 9);
  ck_assert_uint_eq (qbf_num_quantified (a), 8);
  qbf *b = edit_qbf_drop (f, 0, 1);
  ck_assert_ptr_nonnull (b);
  ck_assert_uint_eq (qbf_num_quantified (b), 7);
  ck_assert_int_eq (b->nvars, 7);
  ck_assert_ptr_null (edit_qbf_drop (f, 10, 0));
  ck_assert_ptr_null (edit_qbf_drop (f, 0, 99));
  qbf *c = edit_shrink_qbf (f, three_clauses, NULL, 0, NULL);
  ck_assert_uint_eq (c->nclauses, 3);
  mpq_t v;
  mpq_init (v);
  ck_assert (eval_value (v, c)); /* well formed */
  mpq_clear (v);
  qbf_free (a), qbf_free (b), qbf_free (c), qbf_free (f);
}
END_TEST

Suite *edit_suite (void) {
  Suite *s = suite_create ("edit");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, drop_stage);
  tcase_add_test (tc, shrink_domain);
  tcase_add_test (tc, confound);
  tcase_add_test (tc, freeze);
  tcase_add_test (tc, shrink_game);
  tcase_add_test (tc, qbf_edits);
  suite_add_tcase (s, tc);
  return s;
}

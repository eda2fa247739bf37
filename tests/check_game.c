/* Tests of solver/model/game: the builder, checks, exact evaluation. */
#include <check.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/limits.h"
#include "base/rat.h"
#include "solver/model/game.h"
#include "tests/testutil.h"

static void expect_q (const mpq_t q, const char *want) {
  char *s = rat_to_str (q);
  ck_assert_str_eq (s, want);
  free (s);
}

/* x1 (L, domain 3), u (exogenous at 2, prior 1/4 3/4), x2 (F, observes x1 u,
 * active iff x1 != 0), e := ite(u, xor(x1==1, x2), eq(x1, 2)),
 * uL = sum(1/2, prod(-1/3, x1), table(u: 0 5/2)), uF = x2 */
static game *small_game (void) {
  game *g = game_new ("small");
  int L = game_add_player (g, "L"), F = game_add_player (g, "F");
  game_set_leader (g, L);
  int x1 = game_add_var (g, GAME_ACTION, "x1", 3);
  game_set_owner (g, x1, L);
  game_set_stage (g, x1, 1);
  int u = game_add_var (g, GAME_EXOGENOUS, "u", 2);
  mpq_t pr[2];
  mpq_init (pr[0]), mpq_init (pr[1]);
  mpq_set_si (pr[0], 1, 4), mpq_set_si (pr[1], 3, 4);
  game_set_prior (g, u, (const mpq_t *) pr);
  game_set_position (g, u, 2);
  int x2 = game_add_var (g, GAME_ACTION, "x2", 2);
  game_set_owner (g, x2, F);
  game_set_stage (g, x2, 2);
  game_add_observation (g, x2, u);
  game_add_observation (g, x2, x1);
  game_set_active_if (g, x2, game_expr_not (game_expr_eq (x1, 0)));
  int e = game_add_var (g, GAME_ENDOGENOUS, "e", 2);
  game_expr *k[2] = {game_expr_eq (x1, 1), game_expr_var (x2)};
  game_set_expr (g, e, game_expr_ite (game_expr_var (u), game_expr_nary (GAME_XOR, 2, k), game_expr_eq (x1, 2)));
  int uL = game_add_var (g, GAME_UTILITY, "uL", 0);
  game_set_owner (g, uL, L);
  mpq_t q;
  mpq_init (q);
  mpq_set_si (q, -1, 3);
  game_expr *pk[2] = {game_expr_const_q (q), game_expr_var (x1)};
  mpq_set_si (pr[0], 0, 1), mpq_set_si (pr[1], 5, 2);
  mpq_set_si (q, 1, 2);
  game_expr *sk[3] = {game_expr_const_q (q), game_expr_nary (GAME_PROD, 2, pk),
                      game_expr_table (1, &u, 2, NULL, (const mpq_t *) pr)};
  game_set_expr (g, uL, game_expr_nary (GAME_SUM, 3, sk));
  int uF = game_add_var (g, GAME_UTILITY, "uF", 0);
  game_set_owner (g, uF, F);
  game_set_expr (g, uF, game_expr_var (e));
  mpq_clear (q), mpq_clear (pr[0]), mpq_clear (pr[1]);
  return g;
}

START_TEST (build_and_order) {
  game *g = small_game ();
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (game_finish (g, &err), "%s", err.msg);
  ck_assert_uint_eq (g->nstages, 2);
  ck_assert_int_eq (g->stage_var[0], game_find_var (g, "x1"));
  ck_assert_int_eq (g->stage_var[1], game_find_var (g, "x2"));
  /* fixing order: x1, u, x2, e, then the utilities */
  const char *want[] = {"x1", "u", "x2", "e", "uL", "uF"};
  for (unsigned i = 0; i < 6; i++) ck_assert_str_eq (g->vars[g->order[i]].id, want[i]);
  ck_assert_uint_eq (g->nfixed, 4);
  /* observation sets are sorted by fixing order */
  const game_var *x2 = game_stage (g, 2);
  ck_assert_int_eq (x2->obs[0], game_find_var (g, "x1"));
  ck_assert_int_eq (x2->obs[1], game_find_var (g, "u"));
  ck_assert (game_is_perfect_info (g));
  ck_assert_int_eq (game_find_player (g, "F"), 1);
  ck_assert_int_eq (game_find_var (g, "nope"), -1);
  game_free (g);
}
END_TEST

START_TEST (evaluation) {
  game *g = small_game ();
  scnfg_error err;
  error_init (&err);
  ck_assert (game_finish (g, &err));
  int x1 = game_find_var (g, "x1"), u = game_find_var (g, "u"), x2 = game_find_var (g, "x2"), e = game_find_var (g, "e");
  int vals[6] = {0};
  mpq_t r[2];
  mpq_init (r[0]), mpq_init (r[1]);
  /* x1 = 1, u = 1, x2 = 1: e = xor(1, 1) = 0; uL = 1/2 - 1/3 + 5/2 = 8/3 */
  vals[x1] = 1, vals[u] = 1, vals[x2] = 1;
  game_complete (g, vals);
  ck_assert_int_eq (vals[e], 0);
  game_rewards (g, vals, r);
  expect_q (r[0], "8/3");
  expect_q (r[1], "0");
  /* x1 = 0: x2 inactive and forced to 0; u = 0: e = [x1 = 2] = 0; uL = 1/2 */
  vals[x1] = 0, vals[u] = 0, vals[x2] = 1;
  game_complete (g, vals);
  ck_assert_int_eq (vals[x2], 0);
  ck_assert (!game_active (g, x2, vals));
  game_rewards (g, vals, r);
  expect_q (r[0], "1/2");
  /* x1 = 2, u = 0: e = 1; uL = 1/2 - 2/3 = -1/6 */
  vals[x1] = 2, vals[u] = 0, vals[x2] = 0;
  game_complete (g, vals);
  ck_assert_int_eq (vals[e], 1);
  game_rewards (g, vals, r);
  expect_q (r[0], "-1/6");
  expect_q (r[1], "1");
  mpq_clear (r[0]), mpq_clear (r[1]);
  game_free (g);
}
END_TEST

START_TEST (copy_and_equal) {
  game *a = small_game (), *b = small_game ();
  scnfg_error err;
  error_init (&err);
  ck_assert (game_finish (a, &err) && game_finish (b, &err));
  ck_assert (game_equal (a, b));
  mpq_set_si (b->vars[game_find_var (b, "u")].prior[0], 1, 3);
  ck_assert (!game_equal (a, b));
  game_expr *c = game_expr_copy (a->vars[game_find_var (a, "uL")].expr);
  int vals[6] = {1, 1, 1, 0, 0, 0};
  mpq_t x, y;
  mpq_init (x), mpq_init (y);
  game_eval_q (x, c, vals);
  game_eval_q (y, a->vars[game_find_var (a, "uL")].expr, vals);
  ck_assert (mpq_equal (x, y));
  ck_assert (game_expr_reads (c, game_find_var (a, "u")));
  ck_assert (!game_expr_reads (c, game_find_var (a, "e")));
  mpq_clear (x), mpq_clear (y);
  game_expr_free (c);
  game_free (a), game_free (b);
}
END_TEST

START_TEST (finish_errors) {
  scnfg_error err;
  /* an undeclared leader */
  game *g = game_new (NULL);
  game_add_player (g, "L");
  error_init (&err);
  ck_assert (!game_finish (g, &err));
  ck_assert_str_eq (err.msg, "element <scnfg>: the leader is not one of the players");
  game_free (g);
  /* an exogenous variable without a prior */
  g = game_new (NULL);
  game_set_leader (g, game_add_player (g, "L"));
  game_add_var (g, GAME_EXOGENOUS, "u", 2);
  error_init (&err);
  ck_assert (!game_finish (g, &err));
  ck_assert_str_eq (err.msg, "element <exogenous id=\"u\">: has no prior");
  game_free (g);
  /* a self-referencing equation */
  g = game_new (NULL);
  game_set_leader (g, game_add_player (g, "L"));
  int e = game_add_var (g, GAME_ENDOGENOUS, "e", 2);
  game_set_expr (g, e, game_expr_var (e));
  error_init (&err);
  ck_assert (!game_finish (g, &err));
  ck_assert_str_eq (err.msg, "element <endogenous id=\"e\">: equation refers to itself");
  game_free (g);
  /* T = 0 with an exogenous variable at position 1 = T + 1 is fine */
  g = game_new (NULL);
  game_set_leader (g, game_add_player (g, "L"));
  int u = game_add_var (g, GAME_EXOGENOUS, "u", 2);
  mpq_t pr[2];
  mpq_init (pr[0]), mpq_init (pr[1]);
  mpq_set_ui (pr[1], 1, 1);
  game_set_prior (g, u, (const mpq_t *) pr);
  mpq_clear (pr[0]), mpq_clear (pr[1]);
  error_init (&err);
  ck_assert (game_finish (g, &err));
  ck_assert_uint_eq (g->nstages, 0);
  game_free (g);
}
END_TEST

START_TEST (contract_prior_on_action) {
  game *g = game_new (NULL);
  int x = game_add_var (g, GAME_ACTION, "x", 2);
  mpq_t pr[2];
  game_set_prior (g, x, (const mpq_t *) pr); /* aborts before reading pr */
}
END_TEST

START_TEST (contract_nary_empty) {
  game_expr_nary (GAME_AND, 0, NULL);
}
END_TEST

/* The model queries callers used to compute by hand. */
START_TEST (query_has_chance) {
  game *g = small_game ();
  scnfg_error err;
  error_init (&err);
  ck_assert (game_finish (g, &err));
  ck_assert (game_has_chance (g)); /* u */
  game_free (g);
  g = tu_game_fixture ("entry-deterrence.xml");
  ck_assert (!game_has_chance (g));
  game_free (g);
  g = tu_game_fixture ("chance.xml");
  ck_assert (game_has_chance (g));
  game_free (g);
}
END_TEST

START_TEST (query_stage_confounded) {
  game *g = small_game (); /* no instincts */
  scnfg_error err;
  error_init (&err);
  ck_assert (game_finish (g, &err));
  ck_assert (!game_stage_confounded (g, 1));
  ck_assert (!game_stage_confounded (g, 2));
  game_free (g);
  /* f := U, U observed by nobody */
  g = tu_game_fixture ("confounded-satisficing.xml");
  ck_assert (game_stage_confounded (g, 1));
  game_free (g);
  /* f := U with U observed; the leader's stage has no instinct */
  g = tu_game_fixture ("unconfounded.xml");
  ck_assert (!game_stage_confounded (g, 1));
  ck_assert (!game_stage_confounded (g, 2));
  game_free (g);
}
END_TEST

START_TEST (query_advance_forced) {
  game *g = small_game ();
  scnfg_error err;
  error_init (&err);
  ck_assert (game_finish (g, &err));
  int x1 = game_find_var (g, "x1"), u = game_find_var (g, "u"), x2 = game_find_var (g, "x2"), e = game_find_var (g, "e");
  int vals[6] = {0}, fixed[6] = {0};
  fixed[u] = 1;
  ck_assert_uint_eq (game_advance_forced (g, 0, vals, NULL), 0); /* x1 is a choice */
  /* x1 = 0: without fixed values the walk stops at the chance variable u */
  ck_assert_uint_eq (game_advance_forced (g, 1, vals, NULL), 1);
  /* with u fixed to 1: x2 is inactive (0), e = xor(x1 == 1, x2) = 0, a leaf */
  vals[x2] = 7, vals[e] = 7;
  ck_assert_uint_eq (game_advance_forced (g, 1, vals, fixed), 4);
  ck_assert_int_eq (vals[u], 1);
  ck_assert_int_eq (vals[x2], 0);
  ck_assert_int_eq (vals[e], 0);
  /* x1 = 1: x2 is active and allows layers 2 and 3: a choice at position 2 */
  vals[x1] = 1;
  ck_assert_uint_eq (game_advance_forced (g, 1, vals, fixed), 2);
  /* after x2 = 1: e = xor(1, 1) = 0 */
  vals[x2] = 1;
  ck_assert_uint_eq (game_advance_forced (g, 3, vals, fixed), 4);
  ck_assert_int_eq (vals[e], 0);
  game_free (g);
  /* x2 at layer 1 only with instinct [x1 == 1]: forced to its instinct */
  g = small_game ();
  x1 = game_find_var (g, "x1"), x2 = game_find_var (g, "x2");
  game_set_layers (g, x2, GAME_L1);
  game_set_expr (g, x2, game_expr_eq (x1, 1));
  ck_assert_msg (game_finish (g, &err), "%s", err.msg);
  int w[6] = {0};
  w[x1] = 1;
  ck_assert_uint_eq (game_advance_forced (g, 1, w, fixed), 4);
  ck_assert_int_eq (w[x2], 1);
  ck_assert_int_eq (w[u], 1);
  ck_assert_int_eq (w[e], 0); /* u = 1: xor (x1 == 1, x2) = xor (1, 1) */
  game_free (g);
}
END_TEST

/* Issue 14: the checks of game_finish and the id lookups are (near) linear.
 * A perfect-information chain of 2000 stages has 2 million observations;
 * the all-pairs checks (recall, perfect information) took O(T^3) on it. */
static game *chain (unsigned T, bool drop_last) {
  game *g = game_new ("chain");
  int P[2] = {game_add_player (g, "L"), game_add_player (g, "F")};
  game_set_leader (g, P[0]);
  char id[32];
  for (unsigned t = 1; t <= T; t++) {
    snprintf (id, sizeof id, "s%u", t);
    int x = game_add_var (g, GAME_ACTION, id, 2);
    game_set_owner (g, x, P[t % 2 == 0]);
    game_set_stage (g, x, t);
    for (unsigned s = 1; s < t; s++)
      if (!(drop_last && t == T && s == T - 2)) game_add_observation (g, x, (int) s - 1);
  }
  int uL = game_add_var (g, GAME_UTILITY, "uL", 0), uF = game_add_var (g, GAME_UTILITY, "uF", 0);
  game_set_owner (g, uL, P[0]), game_set_owner (g, uF, P[1]);
  game_set_expr (g, uL, game_expr_var (0));
  game_set_expr (g, uF, game_expr_var (1));
  return g;
}

START_TEST (finish_is_linear) {
  game *g = chain (2000, false);
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (game_finish (g, &err), "%s", err.msg);
  ck_assert (game_is_perfect_info (g));
  ck_assert_int_eq (g->nstages, 2000);
  ck_assert_int_eq (game_find_var (g, "s1999"), 1998);
  ck_assert_int_eq (game_find_var (g, "uF"), 2001);
  ck_assert_int_eq (game_find_var (g, "s2001"), -1);
  ck_assert_int_eq (game_find_player (g, "F"), 1);
  ck_assert_int_eq (game_find_player (g, "G"), -1);
  game_free (g);
  /* the last stage forgets its own stage T-2: the same first failure as the all-pairs check */
  g = chain (2000, true);
  error_init (&err);
  ck_assert (!game_finish (g, &err));
  ck_assert_str_eq (err.msg, "element <action id=\"s2000\">: perfect recall: player 'F' does not observe its own earlier action 's1998' (stage 1998)");
  game_free (g);
  /* 100000 distinct ids: hashed lookups, the first of equal ids */
  g = game_new (NULL);
  for (unsigned i = 0; i < 100000; i++) {
    char id[32];
    snprintf (id, sizeof id, "p%u", i);
    game_add_player (g, id);
    snprintf (id, sizeof id, "v%u", i);
    game_add_var (g, GAME_ACTION, id, 2);
  }
  game_add_var (g, GAME_ACTION, "v7", 2);
  for (unsigned i = 0; i < 100000; i += 997) {
    char id[32];
    snprintf (id, sizeof id, "p%u", i);
    ck_assert_int_eq (game_find_player (g, id), (int) i);
    snprintf (id, sizeof id, "v%u", i);
    ck_assert_int_eq (game_find_var (g, id), (int) i);
  }
  ck_assert_int_eq (game_find_var (g, "v7"), 7);
  game_free (g);
}
END_TEST

/* 100000 stages read from XML, one player each (no observations needed):
 * the run ends with its exit code well inside --timeout 2's 12 s. */
START_TEST (cli_many_stages) {
  char *dir = tu_tmpdir (), path[1100];
  snprintf (path, sizeof path, "%s/stages.xml", dir);
  FILE *f = fopen (path, "w");
  ck_assert_ptr_nonnull (f);
  unsigned n = 100000;
  fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<scnfg version=\"1\" name=\"many stages\" leader=\"p1\">\n", f);
  for (unsigned i = 1; i <= n; i++) fprintf (f, "<player id=\"p%u\"/>\n", i);
  for (unsigned i = 1; i <= n; i++) fprintf (f, "<action id=\"a%u\" player=\"p%u\" stage=\"%u\" labels=\"x y\"/>\n", i, i, i);
  fputs ("<utility id=\"u1\" player=\"p1\"><table parents=\"a1\">1 0</table></utility>\n</scnfg>\n", f);
  fclose (f);
  char *out, *err;
  double t0 = limits_now ();
  int rc = tu_run (&out, &err, "game '%s' --concept spe --timeout 2 --max-nodes 100", path);
  double secs = limits_now () - t0;
  char expect[1300];
  snprintf (expect, sizeof expect, "%s:100005: SPE needs a perfect-information game: stage 2 (action 'a2') does not observe 'a1'\n", path);
  /* read and checked in time: the game's own error; on a slow machine the timed reading may stop first */
  if (rc == 2) ck_assert_str_eq (err, expect);
  else {
    ck_assert_int_eq (rc, 3);
    ck_assert_ptr_nonnull (strstr (err, "time limit reached while reading\n"));
  }
  ck_assert_msg (secs < 12 * 3, "took %.1f s", secs); /* 12 s, on a machine up to 3x slower */
  free (out), free (err);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *game_suite (void) {
  Suite *s = suite_create ("game");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 20);
  tcase_add_test (tc, build_and_order);
  tcase_add_test (tc, evaluation);
  tcase_add_test (tc, copy_and_equal);
  tcase_add_test (tc, finish_errors);
  tcase_add_test (tc, query_has_chance);
  tcase_add_test (tc, query_stage_confounded);
  tcase_add_test (tc, query_advance_forced);
  suite_add_tcase (s, tc);
  TCase *tl = tcase_create ("linear");
  tcase_set_timeout (tl, 60);
  tcase_add_test (tl, finish_is_linear);
  tcase_add_test (tl, cli_many_stages);
  suite_add_tcase (s, tl);
  TCase *tk = tcase_create ("contract");
  tcase_set_timeout (tk, 20);
  tcase_add_test_raise_signal (tk, contract_prior_on_action, SIGABRT);
  tcase_add_test_raise_signal (tk, contract_nary_empty, SIGABRT);
  suite_add_tcase (s, tk);
  return s;
}

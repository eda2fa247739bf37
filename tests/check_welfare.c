/* Tests of the welfare experiment (orchestrate/welfare): no confounding gives a
 * difference of exactly 0 (the regression theorem); confounded instincts give
 * the recorded differences; the example is shrunk and still differs. */
#include <check.h>
#include <stdlib.h>

#include "base/error.h"
#include "base/rat.h"
#include "instances/edit.h"
#include "instances/generic.h"
#include "orchestrate/welfare.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/game/sse.h"

static void assert_q (const mpq_t q, const char *want) {
  char *s = rat_to_str (q);
  ck_assert_str_eq (s, want);
  free (s);
}

START_TEST (unconfounded_zero) {
  welfare_params p;
  welfare_params_init (&p);
  p.games = 40;
  welfare_result r;
  welfare_result_init (&r);
  welfare_run (&p, &r);
  ck_assert_uint_eq (r.games, 40);
  ck_assert_uint_eq (r.confounded, 0);
  ck_assert_uint_eq (r.differ, 0);
  assert_q (r.mean_diff, "0");
  assert_q (r.max_diff, "0");
  ck_assert (mpq_equal (r.mean_sse, r.mean_scne));
  ck_assert_ptr_null (r.example);
  /* no L3 is ever needed without confounding */
  ck_assert_uint_eq (r.layers[0][3] + r.layers[1][3], 0);
  welfare_result_clear (&r);
}
END_TEST

START_TEST (confounded) {
  welfare_params p;
  welfare_params_init (&p);
  p.conf_num = p.conf_den = 1;
  welfare_result r;
  welfare_result_init (&r);
  welfare_run (&p, &r);
  ck_assert_uint_eq (r.games, 50);
  ck_assert_uint_eq (r.differ, 6);
  assert_q (r.mean_diff, "483/4000");
  assert_q (r.max_diff, "53/24");
  assert_q (r.min_diff, "-37/48");
  ck_assert_ptr_nonnull (r.example);
  ck_assert_uint_eq (r.example_seed, 7);
  assert_q (r.example_sse, "67/20");
  assert_q (r.example_scne, "71/20");
  ck_assert_uint_lt (edit_game_size (r.example), r.example_size_before);
  /* re-solve the example independently of the run */
  sse_options o;
  sse_options_init (&o);
  game_solution a, b;
  scnfg_error err;
  error_init (&err);
  ck_assert (sse_solve (r.example, &o, &a, &err));
  o.concept = SSE_CONCEPT_SCNE;
  ck_assert (sse_solve (r.example, &o, &b, &err));
  ck_assert (mpq_equal (a.welfare, r.example_sse) && mpq_equal (b.welfare, r.example_scne));
  profile_solution_clear (&a), profile_solution_clear (&b);
  sse_options_clear (&o);
  /* eps sweep, as recorded in docs/claims.md */
  ck_assert_uint_eq (r.eps[0][0].differ, 6);
  ck_assert_uint_eq (r.eps[1][0].differ, 9);
  ck_assert_uint_eq (r.eps[0][4].differ, 9);
  assert_q (r.eps[0][0].diff, "-2303/12000");
  welfare_result_clear (&r);
}
END_TEST

/* The Wilson interval (display only), against values computed by hand. */
START_TEST (wilson) {
  double lo, hi;
  welfare_wilson (0, 20, &lo, &hi);
  ck_assert_double_eq_tol (lo, 0, 1e-12);
  ck_assert_double_eq_tol (hi, 0.16113, 1e-4);
  welfare_wilson (14, 100, &lo, &hi);
  ck_assert_double_eq_tol (lo, 0.08527, 1e-4);
  ck_assert_double_eq_tol (hi, 0.22137, 1e-4);
  welfare_wilson (5, 5, &lo, &hi);
  ck_assert_double_eq_tol (hi, 1, 1e-12);
  ck_assert_double_eq_tol (lo, 0.56551, 1e-4);
}
END_TEST

/* Per-game rows and generic payoffs: the rows sum to the means; every game
 * passes the generic check (none redrawn), and C = 0 still gives 0. */
START_TEST (rows_generic) {
  welfare_params p;
  welfare_params_init (&p);
  p.games = 12, p.eps_sweep = false, p.keep_games = true, p.generic = true, p.conf_num = p.conf_den = 1;
  welfare_result r;
  welfare_result_init (&r);
  welfare_run (&p, &r);
  ck_assert_uint_eq (r.games, 12);
  ck_assert_uint_eq (r.redraws, 0);
  ck_assert_ptr_nonnull (r.rows);
  mpq_t sum, d;
  mpq_init (sum), mpq_init (d);
  unsigned differ = 0;
  for (unsigned i = 0; i < r.games; i++) {
    mpq_sub (d, r.rows[i].scne[2], r.rows[i].sse[2]);
    mpq_add (sum, sum, d);
    differ += mpq_sgn (d) != 0;
    game *g = welfare_game (&p, r.rows[i].seed);
    ck_assert (generic_check (g, NULL, 0));
    game_free (g);
  }
  mpq_set_ui (d, r.games, 1);
  mpq_div (sum, sum, d);
  ck_assert (mpq_equal (sum, r.mean_diff));
  ck_assert_uint_eq (differ, r.differ);
  mpq_clear (sum), mpq_clear (d);
  welfare_result_clear (&r);
  p.conf_num = 0;
  welfare_result_init (&r);
  welfare_run (&p, &r);
  ck_assert_uint_eq (r.differ, 0);
  welfare_result_clear (&r);
}
END_TEST

Suite *welfare_suite (void) {
  Suite *s = suite_create ("welfare");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, unconfounded_zero);
  tcase_add_test (tc, confounded);
  tcase_add_test (tc, wilson);
  tcase_add_test (tc, rows_generic);
  suite_add_tcase (s, tc);
  return s;
}

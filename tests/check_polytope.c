/* Tests of solver/game/polytope: exact feasibility, witnesses, ranges,
 * optimisation, degenerate and empty systems. */
#include <check.h>
#include <signal.h>
#include <stdlib.h>

#include "solver/game/polytope.h"

static void row (polytope *p, const char *const *coef, polytope_sense s, const char *rhs) {
  mpq_t c[8], b;
  for (unsigned j = 0; j < p->n; j++) mpq_init (c[j]), mpq_set_str (c[j], coef[j], 10), mpq_canonicalize (c[j]);
  mpq_init (b), mpq_set_str (b, rhs, 10), mpq_canonicalize (b);
  polytope_add (p, c, s, b);
  for (unsigned j = 0; j < p->n; j++) mpq_clear (c[j]);
  mpq_clear (b);
}

static void eq_str (const mpq_t q, const char *s) {
  char *t = mpq_get_str (NULL, 10, q);
  ck_assert_str_eq (t, s);
  free (t);
}

START_TEST (simplex_beliefs) {
  /* beer-quiche at quiche: duel is a best response iff mu(wimp) >= 1/2 */
  polytope p;
  polytope_init (&p, 2);
  polytope_add_simplex (&p, NULL);
  row (&p, (const char *[]) {"1", "-1"}, POLYTOPE_GE, "0");
  mpq_t x[2], lo, hi;
  mpq_init (x[0]), mpq_init (x[1]), mpq_init (lo), mpq_init (hi);
  ck_assert (polytope_feasible (&p, x));
  mpq_t s;
  mpq_init (s);
  mpq_add (s, x[0], x[1]);
  eq_str (s, "1");
  ck_assert (mpq_cmp (x[0], x[1]) >= 0);
  bool inf = true;
  ck_assert (polytope_range (&p, 0, lo, hi, &inf));
  ck_assert (!inf);
  eq_str (lo, "1/2");
  eq_str (hi, "1");
  ck_assert (polytope_range (&p, 1, lo, hi, &inf));
  eq_str (lo, "0");
  eq_str (hi, "1/2");
  /* add mu(wimp) <= 1/3: empty */
  row (&p, (const char *[]) {"1", "0"}, POLYTOPE_LE, "1/3");
  ck_assert (!polytope_feasible (&p, x));
  ck_assert (!polytope_range (&p, 0, lo, hi, &inf));
  mpq_clear (x[0]), mpq_clear (x[1]), mpq_clear (lo), mpq_clear (hi), mpq_clear (s);
  polytope_clear (&p);
}
END_TEST

START_TEST (simplex_optimum) {
  /* max x + y s.t. x + 2y <= 4, 3x + y <= 6 (optimum (8/5, 6/5), 14/5) */
  polytope p;
  polytope_init (&p, 2);
  row (&p, (const char *[]) {"1", "2"}, POLYTOPE_LE, "4");
  row (&p, (const char *[]) {"3", "1"}, POLYTOPE_LE, "6");
  mpq_t c[2], x[2], v;
  mpq_init (c[0]), mpq_init (c[1]), mpq_init (x[0]), mpq_init (x[1]), mpq_init (v);
  mpq_set_si (c[0], -1, 1), mpq_set_si (c[1], -1, 1);
  ck_assert_int_eq (polytope_minimize (&p, c, x, v), POLYTOPE_OPTIMAL);
  eq_str (x[0], "8/5");
  eq_str (x[1], "6/5");
  eq_str (v, "-14/5");
  /* unbounded: max x s.t. x - y <= 1 */
  polytope_reset (&p);
  row (&p, (const char *[]) {"1", "-1"}, POLYTOPE_LE, "1");
  ck_assert_int_eq (polytope_minimize (&p, c, x, v), POLYTOPE_UNBOUNDED);
  mpq_t lo, hi;
  mpq_init (lo), mpq_init (hi);
  bool inf = false;
  ck_assert (polytope_range (&p, 0, lo, hi, &inf));
  ck_assert (inf);
  eq_str (lo, "0");
  /* negative right-hand sides, >= rows and redundant equalities */
  polytope_reset (&p);
  row (&p, (const char *[]) {"-1", "-1"}, POLYTOPE_LE, "-3");  /* x + y >= 3 */
  row (&p, (const char *[]) {"1", "0"}, POLYTOPE_LE, "1");
  row (&p, (const char *[]) {"2", "2"}, POLYTOPE_EQ, "8");
  row (&p, (const char *[]) {"1", "1"}, POLYTOPE_EQ, "4");
  ck_assert (polytope_range (&p, 1, lo, hi, &inf));
  eq_str (lo, "3");
  eq_str (hi, "4");
  ck_assert (!inf);
  row (&p, (const char *[]) {"0", "1"}, POLYTOPE_GE, "9/2");
  ck_assert (!polytope_feasible (&p, NULL));
  mpq_clear (c[0]), mpq_clear (c[1]), mpq_clear (x[0]), mpq_clear (x[1]), mpq_clear (v);
  mpq_clear (lo), mpq_clear (hi);
  polytope_clear (&p);
}
END_TEST

START_TEST (simplex_degenerate) {
  /* a degenerate vertex (Beale-like cycling example): Bland's rule terminates */
  polytope p;
  polytope_init (&p, 4);
  row (&p, (const char *[]) {"1/4", "-8", "-1", "9"}, POLYTOPE_LE, "0");
  row (&p, (const char *[]) {"1/2", "-12", "-1/2", "3"}, POLYTOPE_LE, "0");
  row (&p, (const char *[]) {"0", "0", "1", "0"}, POLYTOPE_LE, "1");
  mpq_t c[4], v;
  for (int j = 0; j < 4; j++) mpq_init (c[j]);
  mpq_init (v);
  mpq_set_str (c[0], "-3/4", 10), mpq_set_si (c[1], 20, 1), mpq_set_str (c[2], "-1/2", 10), mpq_set_si (c[3], 6, 1);
  mpq_canonicalize (c[0]), mpq_canonicalize (c[2]);
  ck_assert_int_eq (polytope_minimize (&p, c, NULL, v), POLYTOPE_OPTIMAL);
  eq_str (v, "-5/4");
  for (int j = 0; j < 4; j++) mpq_clear (c[j]);
  mpq_clear (v);
  /* the simplex restricted to one kept coordinate */
  polytope_reset (&p);
  bool keep[4] = {false, false, true, false};
  polytope_add_simplex (&p, keep);
  mpq_t x[4];
  for (int j = 0; j < 4; j++) mpq_init (x[j]);
  ck_assert (polytope_feasible (&p, x));
  eq_str (x[2], "1");
  eq_str (x[0], "0");
  for (int j = 0; j < 4; j++) mpq_clear (x[j]);
  polytope_clear (&p);
}
END_TEST

START_TEST (contract_zero_vars) {
  polytope p;
  polytope_init (&p, 0);
}
END_TEST

Suite *polytope_suite (void) {
  Suite *s = suite_create ("polytope");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 10);
  tcase_add_test (tc, simplex_beliefs);
  tcase_add_test (tc, simplex_optimum);
  tcase_add_test (tc, simplex_degenerate);
  suite_add_tcase (s, tc);
  TCase *tk = tcase_create ("contract");
  tcase_set_timeout (tk, 10);
  tcase_add_test_raise_signal (tk, contract_zero_vars, SIGABRT);
  suite_add_tcase (s, tk);
  return s;
}
